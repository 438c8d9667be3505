import type { LedgerEntry } from '@reformkit/ledger'
import { daysBetween, type Milestone } from '@reformkit/model'
import type { ItemStatus, KpiView, Light, MilestoneView } from './types.js'

/** A milestone is reached by a progress entry naming it, filed by asOf. */
export function milestoneView(
  milestone: Milestone,
  entries: readonly LedgerEntry[],
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

export interface StatusFacts {
  entries: number
  missing: number
  kpis: readonly KpiView[]
  milestones: readonly MilestoneView[]
  periodOver: boolean
  light: Light
}

/**
 * Where an item stands, the first that holds: done (every material, KPI and milestone);
 * overdue (a milestone overdue, or the period over unfinished, or over with nothing
 * filed); not started (nothing filed); at risk (a red or yellow light); in progress.
 */
export function itemStatus(facts: StatusFacts): ItemStatus {
  const finished =
    facts.missing === 0 &&
    facts.kpis.every((k) => k.state === 'met') &&
    facts.milestones.every((m) => m.state === 'reached')
  const overdue =
    facts.milestones.some((m) => m.state === 'overdue') || (facts.periodOver && !finished)
  if (facts.entries === 0) return overdue || facts.periodOver ? 'overdue' : 'notStarted'
  if (finished) return 'done'
  if (overdue) return 'overdue'
  if (facts.light === 'red' || facts.light === 'yellow') return 'atRisk'
  return 'inProgress'
}
