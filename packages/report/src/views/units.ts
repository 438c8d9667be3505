import type { Diagnostic, Plan } from '@reformkit/model'
import type { Rubric } from '../config/config.js'
import { type Filed, nothingFiled, push } from './group.js'
import { findingCost, round1 } from './score.js'
import type { ItemView, UnitView } from './types.js'

/**
 * Each unit's scorecard: the mean base score of its items, its bonus (capped), what the
 * findings on its own entries cost (capped), and its rank (ties share a rank). Units with
 * no items and no entries are left out.
 */
export function scoreUnits(
  plan: Plan,
  items: readonly ItemView[],
  filedBy: ReadonlyMap<string, Filed>,
  /** Findings on the entries each unit filed (up to asOf). */
  unitEntries: ReadonlyMap<string, Diagnostic[]>,
  rubric: Rubric,
): UnitView[] {
  const itemsOf = new Map<string, ItemView[]>()
  for (const view of items) for (const unit of view.units) push(itemsOf, unit.id, view)
  const views = plan.units
    .map((unit): UnitView => {
      const own = itemsOf.get(unit.id) ?? []
      const filed = filedBy.get(unit.id) ?? nothingFiled()
      const base =
        own.length === 0 ? 0 : round1(own.reduce((sum, v) => sum + v.score.base, 0) / own.length)
      const bonus = Math.min(rubric.bonusCap, filed.bonus)
      const cost = (unitEntries.get(unit.id) ?? []).reduce(
        (sum, d) => sum + findingCost(rubric, d.severity),
        0,
      )
      const deduction = round1(Math.min(rubric.deductionCap, cost))
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
