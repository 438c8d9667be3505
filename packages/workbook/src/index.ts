// @reformkit/workbook — Excel in and out: unit templates, imports located by cell, the
// plan's 任务分解表. Browser-safe.

export { type Column, ENTRY_COLUMNS, KPI_COLUMNS } from './columns.js'
export { compareEntries, type EntryChange, type LedgerChanges } from './diff.js'
export { type ImportWorkbookOptions, importWorkbook, META_SHEET } from './import.js'
export { workbookMessages } from './messages.js'
export {
  type ExportPlanTableOptions,
  exportPlanTable,
  type ImportPlanTableOptions,
  importPlanTable,
  PLAN_TABLE_COLUMNS,
} from './plan-table.js'
export {
  type ReadWorkbookOptions,
  WORKBOOK_LIMITS,
  type WorkbookLimits,
} from './read.js'
export {
  type CreateTemplateOptions,
  cellString,
  createTemplate,
  TEMPLATE_MAX_ENTRIES,
} from './template.js'
