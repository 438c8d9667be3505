import type { Diagnostic, Plan } from '@reformkit/model'
import type { Rubric } from '../config/config.js'
import { unitRoles } from './compute.js'
import { type Filed, nothingFiled, push } from './group.js'
import { deduct, round1 } from './score.js'
import type { ItemView, UnitRole, UnitScoreLine, UnitView } from './types.js'

/**
 * Each unit's scorecard, which never rewards silence: for each item it is responsible for,
 * a line weighted by its role (牵头 `leadWeight`, 配合 `supportWeight`, otherwise 1) that
 * earns the item's base score only if the unit filed evidence for that item itself; its
 * base is the weighted mean of the lines. Then its bonus with proof (capped) and what the
 * findings on its own entries cost (capped), each finding listed. A unit that filed
 * nothing scores 0 and never outranks one that filed. Ranks: ties share a rank. Units with
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
  const rolesOf = new Map<string, Array<{ view: ItemView; role: UnitRole }>>()
  for (const view of items)
    for (const [unit, role] of unitRoles(view.responsible)) push(rolesOf, unit, { view, role })
  const weightOf = (role: UnitRole) =>
    role === 'lead' ? rubric.leadWeight : role === 'support' ? rubric.supportWeight : 1
  const views = plan.units
    .map((unit): UnitView => {
      const own = rolesOf.get(unit.id) ?? []
      const filed = filedBy.get(unit.id) ?? nothingFiled()
      const lines = own.map(({ view, role }): UnitScoreLine => {
        const count = filed.items.get(view.item.id) ?? 0
        return {
          item: view.item,
          role,
          weight: weightOf(role),
          itemBase: view.score.base,
          filed: count,
          points: count > 0 ? view.score.base : 0,
        }
      })
      const weights = lines.reduce((sum, l) => sum + l.weight, 0)
      const base =
        weights === 0 ? 0 : round1(lines.reduce((sum, l) => sum + l.weight * l.points, 0) / weights)
      const bonus = Math.min(rubric.bonusCap, filed.bonus)
      const { deductions, deduction } = deduct(rubric, unitEntries.get(unit.id) ?? [])
      return {
        unit,
        items: own.map(({ view }) => view.item),
        entries: filed.entries,
        silentItems: lines.filter((l) => l.filed === 0).map((l) => l.item),
        lines,
        base,
        bonus,
        deductions,
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
