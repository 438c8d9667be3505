// @reformkit/report — the public API. Browser-safe; bundles are in `@reformkit/report/node`.
export {
  parseReportConfig,
  ReportConfig,
  type ReportConfigInput,
  Rubric,
  resolveReportConfig,
  TrafficLightSettings,
} from './config/config.js'
export {
  type ComputeViewsOptions,
  computeViews,
  type ItemStatus,
  type ItemView,
  type KpiView,
  type Light,
  type MaterialView,
  type MilestoneView,
  type PlanViews,
  type Reason,
  type ScoreLine,
  type ScoreView,
  type UnitView,
} from './views/views.js'
