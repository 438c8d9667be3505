// The public rule API: everything a rule needs, built-in or your own. Rules under
// src/rules import from here (and from the entry schema and @reformkit/model) only;
// every name below is exported by the package's main entry too.

export { firstEqual } from './engine/fast.js'
export { firstUse } from './engine/first-use.js'
export { type EntryPart, type LedgerColumns, PART_BITS } from './engine/guard.js'
export type { LedgerIndex } from './engine/index-ledger.js'
export { completeIntervals, type Interval, type Span } from './engine/intervals.js'
export {
  DEFAULT_KPI_TOLERANCE,
  type KpiProgress,
  type KpiProgressOptions,
  type KpiState,
  kpiProgress,
  meetsTarget,
  targetBounds,
  targetData,
  targetText,
} from './engine/kpi.js'
export { itemName, kindList } from './engine/labels.js'
export { pathEscape } from './engine/paths.js'
export type { ItemRequirements, Requirements } from './engine/requirements.js'
export {
  type AttachmentFact,
  type CopyFacts,
  defineRule,
  type ReportInit,
  type Rule,
  type RuleContext,
  type RuleDocs,
  type RuleMeta,
  type RuleSeverity,
  type RuleVisitor,
} from './engine/rule.js'
