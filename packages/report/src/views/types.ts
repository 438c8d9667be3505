import type { EntryKind, LedgerConfig, LedgerEntry, Requirements } from '@reformkit/ledger'
import type {
  Diagnostic,
  Item,
  Kpi,
  LocalizedMessage,
  Milestone,
  Plan,
  Unit,
} from '@reformkit/model'
import type { ReportConfigInput, Rubric } from '../config/config.js'

export type Light = 'red' | 'yellow' | 'blue' | 'green'
export type ItemStatus = 'notStarted' | 'inProgress' | 'done' | 'overdue' | 'atRisk'

/** Why an item has its colour: every light carries at least one reason. */
export interface Reason {
  light: Light
  message: LocalizedMessage
}

export interface KpiView {
  kpi: Kpi
  actual?: number
  /** actual / target value, 0–∞ (undefined when unreported or the target is 0). */
  percent?: number
  /**
   * met; unmet (period ended, or a limit exceeded); onTrack / behind (projection);
   * pending (before the end, not projected); unreported. As `kpiProgress` judges it.
   */
  state: 'met' | 'unmet' | 'onTrack' | 'behind' | 'pending' | 'unreported'
  projected?: number
}

export interface MilestoneView {
  milestone: Milestone
  state: 'reached' | 'overdue' | 'near' | 'pending'
  /** Days past due (overdue) or left (near, pending). */
  days: number
}

export interface MaterialView {
  kind: EntryKind
  required: boolean
  entries: LedgerEntry[]
}

export interface ScoreLine {
  part: keyof Pick<
    Rubric,
    'decisionProcedure' | 'outcomeMaterials' | 'supervision' | 'progress' | 'kpiAttainment'
  >
  points: number
  max: number
  reason: LocalizedMessage
}

export interface ScoreView {
  lines: ScoreLine[]
  /** Points of the parts, scaled to 100 when a part does not apply (no KPIs). */
  base: number
  bonus: number
  deduction: number
  total: number
  /** Diagnostics that cost points, with what each cost. */
  deductions: Array<{ diagnostic: Diagnostic; points: number }>
}

/** How a unit stands to an item: 牵头 (lead), 配合 (support), or responsible as listed. */
export type UnitRole = 'lead' | 'support' | 'responsible'

/** One name of an item's 责任单位 as the plan writes it: a unit, or a group as one name. */
export interface ResponsibleView {
  id: string
  name: string
  role: UnitRole
  /** The units it stands for: itself, or a group's members (used for checking). */
  members: Unit[]
}

export interface ItemView {
  item: Item
  label: LocalizedMessage
  /** The units responsible, groups expanded to their members (for checking and scoring). */
  units: Unit[]
  /** The responsible units as the plan names them, groups as one name, with their roles. */
  responsible: ResponsibleView[]
  entries: LedgerEntry[]
  materials: MaterialView[]
  missing: EntryKind[]
  /** Required materials present, 0–1. */
  completeness: number
  kpis: KpiView[]
  milestones: MilestoneView[]
  diagnostics: Diagnostic[]
  light: Light
  reasons: Reason[]
  status: ItemStatus
  score: ScoreView
}

/**
 * One line of a unit's score: an item it is responsible for, weighted by its role; it
 * earns the item's base score only where it filed evidence for the item itself.
 */
export interface UnitScoreLine {
  item: Item
  role: UnitRole
  weight: number
  /** The item's base score (0–100). */
  itemBase: number
  /** Entries the unit filed for the item (up to asOf). */
  filed: number
  /** What the line earns: the item's base if the unit filed for it, else 0. */
  points: number
}

export interface UnitView {
  unit: Unit
  /** Items the unit is responsible for (groups expanded). */
  items: Item[]
  entries: number
  /** Items among its own for which the unit filed nothing. */
  silentItems: Item[]
  /** Its items, line by line: the weighted mean of `points` is `base`. */
  lines: UnitScoreLine[]
  base: number
  bonus: number
  /** Each finding on its own entries and what it cost (within the cap). */
  deductions: Array<{ diagnostic: Diagnostic; points: number }>
  deduction: number
  score: number
  rank: number
}

export interface PlanViews {
  plan: Plan
  asOf: string
  /** Time elapsed in the plan period (序时进度), 0–1. */
  elapsed: number
  items: ItemView[]
  units: UnitView[]
  byLight: Record<Light, number>
  byStatus: Record<ItemStatus, number>
}

export interface ComputeViewsOptions {
  plan: Plan
  entries: readonly LedgerEntry[]
  /**
   * Findings of checkLedger on these `entries` (and of reading); they colour items and cost
   * points, attributed by each finding's `subject`.
   */
  diagnostics?: readonly Diagnostic[]
  asOf: string
  /** The `report:` and `rubric:` sections of reformkit.config.yaml. */
  config?: ReportConfigInput
  /** The ledger config: its `requirements:` say what each item must show. */
  ledgerConfig?: LedgerConfig
  /** What each item must show, when resolved already; else from `ledgerConfig`. */
  requirements?: Requirements
}
