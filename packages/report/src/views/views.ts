import {
  completeIntervals,
  type EntryKind,
  entryKindLabels,
  itemName,
  kpiActual,
  type LedgerConfig,
  type LedgerEntry,
  meetsTarget,
  resolveRuleSettings,
  rules,
} from '@reformkit/ledger'
import {
  compareText,
  type Diagnostic,
  dayNumber,
  daysBetween,
  elapsedFraction,
  type Item,
  isIsoDate,
  type Kpi,
  type LocalizedMessage,
  type Milestone,
  type Plan,
  responsibleUnits,
  type Unit,
} from '@reformkit/model'
import { type ReportConfigInput, type Rubric, resolveReportConfig } from '../config/config.js'

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
  /** met / unmet (period ended or a limit exceeded), onTrack / behind (projection), unreported. */
  state: 'met' | 'unmet' | 'onTrack' | 'behind' | 'unreported'
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

export interface ItemView {
  item: Item
  label: LocalizedMessage
  units: Unit[]
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

export interface UnitView {
  unit: Unit
  /** Items the unit is responsible for (groups expanded). */
  items: Item[]
  entries: number
  /** Items among its own for which the unit filed nothing. */
  silentItems: Item[]
  base: number
  bonus: number
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
  /** Findings of checkLedger (and of reading); they colour items and cost points. */
  diagnostics?: readonly Diagnostic[]
  asOf: string
  /** The `report:` and `rubric:` sections of reformkit.config.yaml. */
  config?: ReportConfigInput
  /** The ledger settings: required materials and the supervision interval come from the rules. */
  ledgerConfig?: LedgerConfig
}

const LIGHT_RANK: Record<Light, number> = { red: 3, yellow: 2, blue: 1, green: 0 }
const OUTCOME_KINDS: EntryKind[] = ['minutes', 'formalPlan']
const round1 = (n: number) => Math.round(n * 10) / 10

/**
 * Everything the reports show, computed once from plan, ledger and findings: per item its
 * materials, KPIs, milestones, colour with reasons, status and score; per unit its score
 * and rank. Pure and browser-safe; `asOf` is an argument, never the clock.
 */
export function computeViews(options: ComputeViewsOptions): PlanViews {
  const { plan, asOf } = options
  const { report, rubric } = resolveReportConfig(options.config)
  const lights = report.trafficLights
  const { settings } = resolveRuleSettings(options.ledgerConfig, rules)
  const procedure = (settings.get('decision/procedure-complete')?.options ?? {}) as {
    required?: EntryKind[]
    requiredForMajor?: EntryKind[]
  }
  const interval =
    ((settings.get('supervision/cadence')?.options ?? {}) as { interval?: 'quarter' }).interval ??
    'quarter'
  const elapsed = elapsedFraction(plan.period, asOf)
  // On the last day of the period the year's work is judged as done or not (as kpi/attainment does).
  const periodOver = asOf >= plan.period.end
  // Supervision is owed while the plan runs (as supervision/cadence counts it).
  const supervisedUntil = periodOver ? plan.period.end : asOf

  // One pass over the ledger, in file order: entries per item, and what each unit filed.
  // Entries filed later than the day of the report are left out.
  const byItem = new Map<string, LedgerEntry[]>()
  const filed = new Map<string, Filed>()
  for (const entry of options.entries) {
    if (entry.date > asOf) continue
    push(byItem, entry.item, entry)
    const unit = getOrCreate(filed, entry.unit, nothingFiled)
    unit.entries++
    unit.items.add(entry.item)
    if (entry.kind === 'bonusProof' && entry.attachments.length > 0)
      unit.bonus += Math.max(0, entry.bonus?.points ?? 0)
  }
  const found = attribute(plan, options.entries, options.diagnostics ?? [], asOf)
  const unitsOf = responsibleUnits(plan)
  // Items approved on the same day share their supervision intervals: compute each once.
  const intervals = new Map<string, ReturnType<typeof completeIntervals>>()

  const items = plan.items.map((item): ItemView => {
    const entries = inDateOrder(byItem.get(item.id) ?? [])
    const byKind = new Map<EntryKind, LedgerEntry[]>()
    for (const entry of entries) push(byKind, entry.kind, entry)
    const decision = [
      ...(procedure.required ?? ['research', 'discussion', 'meetingDecision']),
      ...(item.major ? (procedure.requiredForMajor ?? []) : []),
    ]
    const required = new Set<EntryKind>([...decision, ...OUTCOME_KINDS, 'supervision', 'progress'])
    const approved = [byKind.get('formalPlan')?.[0]?.date, byKind.get('meetingDecision')?.[0]?.date]
      .filter((d): d is string => d !== undefined)
      .sort()[0]
    const spans = approved
      ? getOrCreate(intervals, approved, () =>
          completeIntervals(approved, supervisedUntil, interval),
        )
      : []
    const supervised = spans.filter((span) =>
      (byKind.get('supervision') ?? []).some((e) => e.date >= span.start && e.date <= span.end),
    ).length
    const materials = [...new Set<EntryKind>([...required, ...byKind.keys()])].map((kind) => ({
      kind,
      required: required.has(kind),
      entries: byKind.get(kind) ?? [],
    }))
    // Supervision counts as present once every interval due so far has its record.
    const has = (kind: EntryKind) =>
      kind === 'supervision'
        ? approved !== undefined &&
          supervised === spans.length &&
          (spans.length > 0 || byKind.has(kind))
        : byKind.has(kind)
    const missing = [...required].filter((kind) => !has(kind))
    const completeness = (required.size - missing.length) / required.size
    const kpis = item.kpis.map((kpi) =>
      kpiView(kpi, byKind.get('kpiReport') ?? [], asOf, elapsed, periodOver),
    )
    const milestones = item.milestones.map((m) => milestoneView(m, entries, asOf, lights.nearDays))
    // Findings about the item itself and about the entries filed for it.
    const diagnostics = [
      ...(found.item.get(item.id) ?? []),
      ...(found.itemEntries.get(item.id) ?? []),
    ]
    const label = itemName(item)

    const reasons: Reason[] = []
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    for (const m of milestones) {
      if (m.state === 'overdue')
        reasons.push({
          light: 'red',
          message: {
            zh: `节点“${m.milestone.title}”逾期 ${m.days} 天`,
            en: `milestone "${m.milestone.title}" overdue ${m.days} days`,
          },
        })
      if (m.state === 'near' && lights.preset === 'standard')
        reasons.push({
          light: 'blue',
          message: {
            zh: `节点“${m.milestone.title}”还有 ${m.days} 天到期`,
            en: `milestone "${m.milestone.title}" due in ${m.days} days`,
          },
        })
    }
    if (periodOver && missing.length > 0)
      reasons.push({
        light: 'red',
        message: {
          zh: `方案期限已到,仍缺${missing.map((k) => entryKindLabels[k].zh).join('、')}`,
          en: `the plan period is over; missing ${missing.map((k) => entryKindLabels[k].en).join(', ')}`,
        },
      })
    if (errors >= lights.redErrors)
      reasons.push({
        light: 'red',
        message: { zh: `台账有 ${errors} 个错误`, en: `${errors} errors in the ledger` },
      })
    const behind = elapsed - completeness
    if (!periodOver && behind > lights.behindTolerance)
      reasons.push({
        light: 'yellow',
        message: {
          zh: `落后序时进度:材料完成 ${pct(completeness)},时间已过 ${pct(elapsed)}`,
          en: `behind schedule: ${pct(completeness)} of materials, ${pct(elapsed)} of the time`,
        },
      })
    for (const k of kpis) {
      if (k.state === 'unreported' && (periodOver || elapsed >= 0.5))
        reasons.push({
          light: periodOver ? 'red' : 'yellow',
          message: {
            zh: `指标“${k.kpi.measure}”未报送数据`,
            en: `KPI "${k.kpi.measure}" not reported`,
          },
        })
      if (k.state === 'behind' || k.state === 'unmet')
        reasons.push({
          light: k.state === 'unmet' ? 'red' : 'yellow',
          message: {
            zh: `指标“${k.kpi.measure}”${k.state === 'unmet' ? '未完成' : '预计难以完成'}(${k.actual ?? 0}${k.kpi.unit})`,
            en: `KPI "${k.kpi.measure}" ${k.state === 'unmet' ? 'not met' : 'projected short'} (${k.actual ?? 0} ${k.kpi.unit})`,
          },
        })
    }
    const daysToEnd = daysBetween(asOf, plan.period.end)
    if (
      lights.preset === 'standard' &&
      missing.length > 0 &&
      !periodOver &&
      daysToEnd <= lights.nearDays
    )
      reasons.push({
        light: 'blue',
        message: {
          zh: `距方案期限还有 ${daysToEnd} 天,仍缺 ${missing.length} 项材料`,
          en: `${daysToEnd} days to the end of the period, ${missing.length} materials missing`,
        },
      })
    if (missing.length > 0 && !reasons.some((r) => r.light === 'red'))
      reasons.push({
        light: 'green',
        message: {
          zh: `缺少:${missing.map((k) => entryKindLabels[k].zh).join('、')}`,
          en: `missing: ${missing.map((k) => entryKindLabels[k].en).join(', ')}`,
        },
      })
    if (reasons.length === 0)
      reasons.push({ light: 'green', message: { zh: '按计划推进', en: 'on schedule' } })
    reasons.sort((a, b) => LIGHT_RANK[b.light] - LIGHT_RANK[a.light])
    const light = reasons[0]?.light ?? 'green'

    const kpisMet = kpis.every((k) => k.state === 'met')
    const finished =
      missing.length === 0 && kpisMet && milestones.every((m) => m.state === 'reached')
    const overdue = milestones.some((m) => m.state === 'overdue') || (periodOver && !finished)
    const status: ItemStatus =
      entries.length === 0
        ? overdue || periodOver
          ? 'overdue'
          : 'notStarted'
        : finished
          ? 'done'
          : overdue
            ? 'overdue'
            : light === 'yellow' || light === 'red'
              ? 'atRisk'
              : 'inProgress'

    const score = scoreItem({
      rubric,
      byKind,
      decision,
      spans: spans.length,
      supervised,
      approved,
      kpis,
      diagnostics,
    })
    return {
      item,
      label,
      units: unitsOf(item),
      entries,
      materials,
      missing,
      completeness,
      kpis,
      milestones,
      diagnostics,
      light,
      reasons,
      status,
      score,
    }
  })

  const units = scoreUnits(plan, items, filed, found.unitEntries, rubric)
  const byLight: Record<Light, number> = { red: 0, yellow: 0, blue: 0, green: 0 }
  const byStatus: Record<ItemStatus, number> = {
    notStarted: 0,
    inProgress: 0,
    done: 0,
    overdue: 0,
    atRisk: 0,
  }
  for (const view of items) {
    byLight[view.light]++
    byStatus[view.status]++
  }
  return { plan, asOf, elapsed, items, units, byLight, byStatus }
}

/** Append to the list at `key`, creating it: grouping in one pass. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The value at `key`, made by `make` when absent. */
function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

/**
 * Entries in date order, file order within a day: one numeric sort of (day, position)
 * keys instead of comparing date strings pairwise (an item may have thousands of entries).
 */
function inDateOrder(entries: LedgerEntry[]): LedgerEntry[] {
  const n = entries.length
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const { date } = entries[i] as LedgerEntry
    // Entries built in code may carry any text: order those by the text itself.
    if (!isIsoDate(date)) return [...entries].sort((a, b) => compareText(a.date, b.date))
    keys[i] = dayNumber(date) * n + i
  }
  keys.sort()
  const ordered = new Array<LedgerEntry>(n)
  for (let i = 0; i < n; i++) ordered[i] = entries[(keys[i] as number) % n] as LedgerEntry
  return ordered
}

/** What a unit filed up to the day of the report. */
interface Filed {
  entries: number
  items: Set<string>
  /** Bonus points claimed with proof attached. */
  bonus: number
}
const nothingFiled = (): Filed => ({ entries: 0, items: new Set(), bonus: 0 })

function pct(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

function kpiView(
  kpi: Kpi,
  reports: LedgerEntry[],
  asOf: string,
  elapsed: number,
  periodOver: boolean,
): KpiView {
  const own = reports.filter((e) => e.kpi?.id === kpi.id)
  const actual = kpiActual(kpi, own, asOf)
  if (actual === undefined) return { kpi, state: 'unreported' }
  const { value, comparator } = kpi.target
  const percent = value === 0 ? undefined : actual / value
  const view: KpiView = { kpi, actual, state: 'met' }
  if (percent !== undefined) view.percent = percent
  if (meetsTarget(kpi.target, actual)) return view
  if (comparator === 'atMost' || comparator === 'range') {
    if (actual > (comparator === 'atMost' ? value : (kpi.target.upper ?? Number.POSITIVE_INFINITY)))
      return { ...view, state: 'unmet' }
  }
  if (periodOver || elapsed >= 1) return { ...view, state: 'unmet' }
  const projected = kpi.accumulation === 'sum' && elapsed > 0 ? round1(actual / elapsed) : actual
  return { ...view, projected, state: projected >= value ? 'onTrack' : 'behind' }
}

function milestoneView(
  milestone: Milestone,
  entries: LedgerEntry[],
  asOf: string,
  nearDays: number,
): MilestoneView {
  const reached = entries.some(
    (e) => e.milestone === milestone.id && e.kind === 'progress' && e.date <= asOf,
  )
  if (reached) return { milestone, state: 'reached', days: 0 }
  const left = daysBetween(asOf, milestone.due)
  if (left < 0) return { milestone, state: 'overdue', days: -left }
  return { milestone, state: left <= nearDays ? 'near' : 'pending', days: left }
}

/**
 * Which item each finding is about, from its location: findings on the plan's items, and
 * findings on entries (filed up to asOf) by the entry's item and unit, in the entries' date
 * order. Only the entries findings point at are looked for: a ledger has a million entries
 * and a few thousand findings.
 */
function attribute(
  plan: Plan,
  entries: readonly LedgerEntry[],
  diagnostics: readonly Diagnostic[],
  asOf: string,
) {
  const item = new Map<string, Diagnostic[]>()
  // File → entry number (its place in the file, or in the list when built in code) → findings.
  const wanted = new Map<string, Map<number, Diagnostic[]>>()
  for (const d of diagnostics) {
    const path = d.location.path ?? ''
    const entryNumber = /^\/entries\/(\d+)/.exec(path)?.[1]
    if (entryNumber !== undefined) {
      const byNumber = getOrCreate(wanted, d.location.file ?? '', () => new Map())
      push(byNumber, Number(entryNumber), d)
      continue
    }
    const itemIndex = /^\/items\/(\d+)/.exec(path)?.[1]
    const about = itemIndex === undefined ? undefined : plan.items[Number(itemIndex)]
    if (about) push(item, about.id, d)
  }
  const hits: Array<{ entry: LedgerEntry; position: number; diagnostics: Diagnostic[] }> = []
  if (wanted.size > 0)
    entries.forEach((entry, position) => {
      const source = entry.source
      const byNumber = wanted.get(source?.file ?? '')
      if (!byNumber || entry.date > asOf) return
      const number = source ? Number(source.path.slice(ENTRIES_PREFIX.length)) : position
      const diagnostics = byNumber.get(number)
      if (diagnostics && (!source || source.path.startsWith(ENTRIES_PREFIX)))
        hits.push({ entry, position, diagnostics })
    })
  // The entries' date order (file order within a day), as each item lists its entries.
  hits.sort((a, b) => compareText(a.entry.date, b.entry.date) || a.position - b.position)
  const itemEntries = new Map<string, Diagnostic[]>()
  const unitEntries = new Map<string, Diagnostic[]>()
  for (const hit of hits) {
    for (const d of hit.diagnostics) {
      push(itemEntries, hit.entry.item, d)
      push(unitEntries, hit.entry.unit, d)
    }
  }
  return { item, itemEntries, unitEntries }
}

const ENTRIES_PREFIX = '/entries/'

interface ScoreInput {
  rubric: Rubric
  byKind: Map<EntryKind, LedgerEntry[]>
  decision: EntryKind[]
  spans: number
  supervised: number
  approved: string | undefined
  kpis: KpiView[]
  diagnostics: Diagnostic[]
}

function scoreItem(input: ScoreInput): ScoreView {
  const { rubric, byKind } = input
  const kinds = (list: EntryKind[]) => list.map((k) => entryKindLabels[k])
  const names = (list: EntryKind[], lang: 'zh' | 'en') =>
    kinds(list)
      .map((l) => l[lang])
      .join(lang === 'zh' ? '、' : ', ')
  const line = (part: ScoreLine['part'], share: number, reason: LocalizedMessage): ScoreLine => ({
    part,
    points: round1(rubric[part] * share),
    max: rubric[part],
    reason,
  })
  const presentDecision = input.decision.filter((k) => byKind.has(k))
  const missingDecision = input.decision.filter((k) => !byKind.has(k))
  const presentOutcome = OUTCOME_KINDS.filter((k) => byKind.has(k))
  const lines: ScoreLine[] = [
    line(
      'decisionProcedure',
      input.decision.length ? presentDecision.length / input.decision.length : 1,
      missingDecision.length
        ? {
            zh: `${presentDecision.length}/${input.decision.length} 项,缺${names(missingDecision, 'zh')}`,
            en: `${presentDecision.length}/${input.decision.length}, missing ${names(missingDecision, 'en')}`,
          }
        : { zh: `齐全(${input.decision.length} 项)`, en: `complete (${input.decision.length})` },
    ),
    line(
      'outcomeMaterials',
      presentOutcome.length / OUTCOME_KINDS.length,
      presentOutcome.length === OUTCOME_KINDS.length
        ? { zh: '纪要、正式方案齐全', en: 'minutes and formal plan filed' }
        : {
            zh: `缺${names(
              OUTCOME_KINDS.filter((k) => !byKind.has(k)),
              'zh',
            )}`,
            en: `missing ${names(
              OUTCOME_KINDS.filter((k) => !byKind.has(k)),
              'en',
            )}`,
          },
    ),
    line(
      'supervision',
      !input.approved ? 0 : input.spans === 0 ? 1 : input.supervised / input.spans,
      !input.approved
        ? { zh: '方案未经批准,督办未开始', en: 'plan not approved; supervision not started' }
        : {
            zh: `督办周期覆盖 ${input.supervised}/${input.spans}`,
            en: `${input.supervised}/${input.spans} supervision intervals covered`,
          },
    ),
    line(
      'progress',
      byKind.has('progress') ? 1 : 0,
      byKind.has('progress')
        ? {
            zh: `推进材料 ${byKind.get('progress')?.length} 份`,
            en: `${byKind.get('progress')?.length} progress records`,
          }
        : { zh: '无推进材料', en: 'no progress evidence' },
    ),
  ]
  if (input.kpis.length > 0) {
    const share = input.kpis.reduce((sum, k) => sum + kpiShare(k), 0) / input.kpis.length
    const met = input.kpis.filter((k) => k.state === 'met' || k.state === 'onTrack').length
    lines.push(
      line('kpiAttainment', share, {
        zh: `${input.kpis.length} 项指标中 ${met} 项完成或按进度`,
        en: `${met} of ${input.kpis.length} KPIs met or on track`,
      }),
    )
  }
  const max = lines.reduce((sum, l) => sum + l.max, 0)
  const earned = lines.reduce((sum, l) => sum + l.points, 0)
  const base = max === 0 ? 0 : round1((earned / max) * 100)
  const bonus = Math.min(
    rubric.bonusCap,
    (byKind.get('bonusProof') ?? [])
      .filter((e) => e.attachments.length > 0)
      .reduce((sum, e) => sum + Math.max(0, e.bonus?.points ?? 0), 0),
  )
  let left = rubric.deductionCap
  const deductions: ScoreView['deductions'] = []
  for (const diagnostic of input.diagnostics) {
    const cost =
      diagnostic.severity === 'error'
        ? rubric.deductionPerError
        : diagnostic.severity === 'warning'
          ? rubric.deductionPerWarning
          : 0
    const points = Math.min(cost, left)
    if (points <= 0) continue
    left -= points
    deductions.push({ diagnostic, points })
  }
  const deduction = round1(deductions.reduce((sum, d) => sum + d.points, 0))
  return {
    lines,
    base,
    bonus,
    deduction,
    total: round1(Math.max(0, base + bonus - deduction)),
    deductions,
  }
}

/** A KPI's share of its points: attainment capped at 1; projections count as reached. */
function kpiShare(view: KpiView): number {
  if (view.state === 'met' || view.state === 'onTrack') return 1
  if (view.actual === undefined || view.state === 'unreported') return 0
  const { comparator, value } = view.kpi.target
  if (comparator === 'atMost') return view.actual <= 0 ? 1 : Math.min(1, value / view.actual)
  return value <= 0 ? 0 : Math.max(0, Math.min(1, view.actual / value))
}

function scoreUnits(
  plan: Plan,
  items: ItemView[],
  filedBy: Map<string, Filed>,
  /** Findings on the entries each unit filed (up to asOf). */
  unitEntries: Map<string, Diagnostic[]>,
  rubric: Rubric,
): UnitView[] {
  const itemsOf = new Map<string, ItemView[]>()
  for (const view of items) for (const unit of view.units) push(itemsOf, unit.id, view)
  const views = plan.units
    .map((unit) => {
      const own = itemsOf.get(unit.id) ?? []
      const filed = filedBy.get(unit.id) ?? nothingFiled()
      const base =
        own.length === 0 ? 0 : round1(own.reduce((sum, v) => sum + v.score.base, 0) / own.length)
      const bonus = Math.min(rubric.bonusCap, filed.bonus)
      const costs = (unitEntries.get(unit.id) ?? []).map((d) =>
        d.severity === 'error'
          ? rubric.deductionPerError
          : d.severity === 'warning'
            ? rubric.deductionPerWarning
            : 0,
      )
      const deduction = round1(
        Math.min(
          rubric.deductionCap,
          costs.reduce((a, b) => a + b, 0),
        ),
      )
      return {
        unit,
        items: own.map((v) => v.item),
        entries: filed.entries,
        silentItems: own.filter((v) => !filed.items.has(v.item.id)).map((v) => v.item),
        base,
        bonus,
        deduction,
        score: round1(Math.max(0, base + bonus - deduction)),
        rank: 0,
      }
    })
    .filter((view) => view.items.length > 0 || view.entries > 0)
  const ranked = [...views].sort((a, b) => b.score - a.score)
  for (const view of views) view.rank = 1 + ranked.findIndex((r) => r.score === view.score)
  return views
}
