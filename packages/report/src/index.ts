// @reformkit/report — the public API. Browser-safe; bundles are in `@reformkit/report/node`.
export {
  parseReportConfig,
  type ReportConfig,
  type ReportConfigInput,
  type Rubric,
  reportSchemas,
  type TrafficLightSettings,
} from './config/config.js'
export {
  type CellModel,
  type RowModel,
  workbookBytes,
} from './render/exceljs-internals.js'
export {
  DOCX_MAX_ROWS,
  isTextFormat,
  REPORT_FORMATS,
  type RenderOptions,
  type ReportFormat,
  ReportTooLargeError,
  renderReport,
  renderReportPieces,
  TEXT_FORMATS,
  type TextFormat,
  XLSX_MAX_ROWS,
} from './render/render.js'
export {
  type BuildReportOptions,
  buildReport,
  scorePartLabels,
  statusLabels,
} from './reports/build.js'
export {
  type Cell,
  type Column,
  lightLabels,
  REPORT_KINDS,
  REPORT_SCHEMA_TAG,
  type ReportKind,
  type ReportModel,
  type Section,
  type Table,
} from './reports/model.js'
export { computeViews, unitRoles } from './views/compute.js'
export type {
  ComputeViewsOptions,
  ItemStatus,
  ItemView,
  KpiView,
  Light,
  MaterialView,
  MilestoneView,
  PlanViews,
  Reason,
  ResponsibleView,
  ScoreLine,
  ScoreView,
  UnitRole,
  UnitScoreLine,
  UnitView,
} from './views/types.js'
