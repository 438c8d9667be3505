import { type EntryKind, kindList } from '@reformkit/ledger'
import type { Diagnostic } from '@reformkit/model'
import type { TrafficLightSettings } from '../config/config.js'
import { pct, say } from './messages.js'
import type { KpiView, Light, MilestoneView, Reason } from './types.js'

const LIGHT_RANK: Record<Light, number> = { red: 3, yellow: 2, blue: 1, green: 0 }

export interface LightFacts {
  milestones: readonly MilestoneView[]
  kpis: readonly KpiView[]
  missing: readonly EntryKind[]
  completeness: number
  diagnostics: readonly Diagnostic[]
  /** Share of the period elapsed, 0–1, and whether it is over. */
  elapsed: number
  periodOver: boolean
  daysToEnd: number
}

/**
 * Every reason an item has for a colour (红黄蓝绿灯), the gravest first; the item's light
 * is the first reason's. There is always at least one.
 */
export function lightReasons(facts: LightFacts, lights: TrafficLightSettings): Reason[] {
  const { milestones, kpis, missing, periodOver, elapsed } = facts
  const standard = lights.preset === 'standard'
  const reasons: Reason[] = []
  const add = (light: Light, message: Reason['message']) => reasons.push({ light, message })
  for (const m of milestones) {
    const data = { milestone: m.milestone.title, days: m.days }
    if (m.state === 'overdue') add('red', say('milestoneOverdue', data))
    if (m.state === 'near' && standard) add('blue', say('milestoneNear', data))
  }
  if (periodOver && missing.length > 0)
    add('red', say('periodOverMissing', { kinds: kindList(missing) }))
  const errors = facts.diagnostics.filter((d) => d.severity === 'error').length
  if (errors >= lights.redErrors) add('red', say('ledgerErrors', { errors }))
  if (!periodOver && elapsed - facts.completeness > lights.behindTolerance)
    add('yellow', say('behindSchedule', { done: pct(facts.completeness), elapsed: pct(elapsed) }))
  for (const k of kpis) {
    const data = { measure: k.kpi.measure, actual: k.actual ?? 0, unit: k.kpi.unit }
    if (k.state === 'unreported' && (periodOver || elapsed >= 0.5))
      add(periodOver ? 'red' : 'yellow', say('kpiUnreported', data))
    if (k.state === 'unmet') add('red', say('kpiUnmet', data))
    if (k.state === 'behind') add('yellow', say('kpiBehind', data))
  }
  if (standard && missing.length > 0 && !periodOver && facts.daysToEnd <= lights.nearDays)
    add('blue', say('nearEndMissing', { days: facts.daysToEnd, count: missing.length }))
  if (missing.length > 0 && !reasons.some((r) => r.light === 'red'))
    add('green', say('missing', { kinds: kindList(missing) }))
  if (reasons.length === 0) add('green', say('onSchedule'))
  return reasons.sort((a, b) => LIGHT_RANK[b.light] - LIGHT_RANK[a.light])
}
