import {
  completeIntervals,
  type EntryKind,
  itemName,
  type LedgerEntry,
  resolveRequirements,
  type Span,
} from '@reformkit/ledger'
import {
  daysBetween,
  elapsedFraction,
  type Item,
  type Plan,
  responsibleUnits,
} from '@reformkit/model'
import { resolveReportConfig } from '../config/config.js'
import { completeness } from './completeness.js'
import { attribute, groupLedger, inDateOrder, push } from './group.js'
import { kpiView } from './kpis.js'
import { lightReasons } from './lights.js'
import { scoreItem } from './score.js'
import { itemStatus, milestoneView } from './status.js'
import type {
  ComputeViewsOptions,
  ItemStatus,
  ItemView,
  Light,
  PlanViews,
  ResponsibleView,
  UnitRole,
} from './types.js'
import { scoreUnits } from './units.js'

/**
 * Everything the reports show, computed once from plan, ledger and findings: per item its
 * materials, KPIs, milestones, colour with reasons, status and score; per unit its score
 * and rank. What an item must show comes from the requirements (never from a rule's
 * options), so switching a rule off changes the findings, not what is required. Pure and
 * browser-safe; `asOf` is an argument, never the clock.
 */
export function computeViews(options: ComputeViewsOptions): PlanViews {
  const { plan, asOf } = options
  const { report, rubric } = resolveReportConfig(options.config)
  const lights = report.trafficLights
  const requirements = options.requirements ?? resolveRequirements(plan, options.ledgerConfig)
  const elapsed = elapsedFraction(plan.period, asOf)
  // On the last day of the period the work is judged as done or not (as kpi/attainment does).
  const periodOver = asOf >= plan.period.end
  // Supervision is owed while the plan runs (as supervision/cadence counts it).
  const supervisedUntil = periodOver ? plan.period.end : asOf
  const daysToEnd = daysBetween(asOf, plan.period.end)
  const { byItem, filed } = groupLedger(options.entries, asOf)
  const found = attribute(options.entries, options.diagnostics ?? [], asOf)
  const unitsOf = responsibleUnits(plan)
  const responsibleOf = namedResponsible(plan)
  // Items approved on the same day share their supervision intervals: compute each once.
  const intervals = new Map<string, Span[]>()
  const intervalsFrom = (approved: string) => {
    let spans = intervals.get(approved)
    if (!spans) {
      spans =
        requirements.supervision === 'none'
          ? []
          : completeIntervals(approved, supervisedUntil, requirements.supervision)
      intervals.set(approved, spans)
    }
    return spans
  }

  const items = plan.items.map((item): ItemView => {
    const entries = inDateOrder(byItem.get(item.id) ?? [])
    const byKind = new Map<EntryKind, LedgerEntry[]>()
    for (const entry of entries) push(byKind, entry.kind, entry)
    const need =
      requirements.items.get(item.id) ?? (item.major ? requirements.major : requirements.ordinary)
    const done = completeness(need, byKind, intervalsFrom)
    const kpis = item.kpis.map((kpi) =>
      kpiView(kpi, byKind.get('kpiReport') ?? [], {
        asOf,
        elapsed,
        projection: requirements.kpiProjection,
        period: plan.period,
        tolerance: requirements.kpiTolerance,
      }),
    )
    const milestones = item.milestones.map((m) => milestoneView(m, entries, asOf, lights.nearDays))
    // Findings about the item itself and about the entries filed for it.
    const diagnostics = [
      ...(found.item.get(item.id) ?? []),
      ...(found.itemEntries.get(item.id) ?? []),
    ]
    const reasons = lightReasons(
      {
        milestones,
        kpis,
        missing: done.missing,
        completeness: done.completeness,
        diagnostics,
        elapsed,
        periodOver,
        daysToEnd,
      },
      lights,
    )
    const light = reasons[0]?.light ?? 'green'
    return {
      item,
      label: itemName(item),
      units: unitsOf(item),
      responsible: responsibleOf(item),
      entries,
      materials: done.materials,
      missing: done.missing,
      completeness: done.completeness,
      kpis,
      milestones,
      diagnostics,
      light,
      reasons,
      status: itemStatus({
        entries: entries.length,
        missing: done.missing.length,
        kpis,
        milestones,
        periodOver,
        light,
      }),
      score: scoreItem({
        rubric,
        byKind,
        decision: need.decision,
        outcome: need.outcome,
        supervision: requirements.supervision === 'none' ? undefined : done,
        kpis,
        diagnostics,
      }),
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

/**
 * Each unit's role on an item, from its responsible names: a unit's own name, or the
 * group it is named through (各园区 → each park); a unit named twice keeps its first role.
 */
export function unitRoles(responsible: readonly ResponsibleView[]): Map<string, UnitRole> {
  const roles = new Map<string, UnitRole>()
  for (const named of responsible)
    for (const unit of named.members) if (!roles.has(unit.id)) roles.set(unit.id, named.role)
  return roles
}

/**
 * An item's 责任单位 as the plan names them — a group (各园区) as one name standing for its
 * members — each with its role: 牵头 if in `lead`, 配合 if in `support`.
 */
function namedResponsible(plan: Plan): (item: Item) => ResponsibleView[] {
  const units = new Map(plan.units.map((u) => [u.id, u]))
  const groups = new Map(plan.unitGroups.map((g) => [g.id, g]))
  return (item) =>
    item.responsible.flatMap((id): ResponsibleView[] => {
      const role: UnitRole = item.lead?.includes(id)
        ? 'lead'
        : item.support?.includes(id)
          ? 'support'
          : 'responsible'
      const unit = units.get(id)
      if (unit) return [{ id, name: unit.shortName ?? unit.name, role, members: [unit] }]
      const group = groups.get(id)
      if (!group) return []
      const members = group.members.flatMap((m) => units.get(m) ?? [])
      return [{ id, name: group.name, role, members }]
    })
}
