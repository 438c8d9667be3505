import { formatOrdinal } from '../ordinal/ordinal.js'
import type { Item, Plan, Unit } from '../schema/plan.js'

/** An item's ordinal as the plan prints it: （一）. */
export function itemLabel(item: Pick<Item, 'number'>): string {
  return formatOrdinal(item.number, 'paren')
}

/**
 * The units responsible for an item, groups expanded to their members (各园区 → each park),
 * in the plan's order, without repeats.
 */
export function expandResponsible(plan: Plan, item: Pick<Item, 'responsible'>): Unit[] {
  return responsibleUnits(plan)(item)
}

/**
 * `expandResponsible` for many items of one plan: the plan's units and groups are looked
 * up once, not once per item.
 */
export function responsibleUnits(plan: Plan): (item: Pick<Item, 'responsible'>) => Unit[] {
  const byId = new Map(plan.units.map((unit) => [unit.id, unit]))
  const groups = new Map(plan.unitGroups.map((group) => [group.id, group.members]))
  return (item) => {
    const ids = item.responsible.flatMap((id) => groups.get(id) ?? [id])
    return [...new Set(ids)].flatMap((id) => byId.get(id) ?? [])
  }
}

/** A unit by id, name, short name or alias (people write 发改局 where the id is fgj). */
export function findUnit(plan: Plan, nameOrId: string): Unit | undefined {
  const key = nameOrId.trim()
  return (
    plan.units.find((unit) => unit.id === key) ??
    plan.units.find(
      (unit) => unit.name === key || unit.shortName === key || unit.aliases.includes(key),
    )
  )
}
