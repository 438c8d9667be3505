import type { Item, Kpi, Milestone, Plan, Unit } from '@reformkit/model'
import type { EntryKind, LedgerEntry } from '../entry/schema.js'
import { dayNumber, sortByDate } from './fast.js'

/**
 * Lookups built once per check so that every rule runs in O(n) or O(n log n): no rule
 * scans the whole ledger per entry.
 */
export interface LedgerIndex {
  items: Map<string, Item>
  /** Position of each item in plan.items, for locating findings in the plan file. */
  itemPosition: Map<string, number>
  units: Map<string, Unit>
  /** Unit and group ids, for "is this a known reference". */
  unitOrGroupIds: Set<string>
  /** Units responsible for each item, groups expanded. */
  responsible: Map<string, Set<string>>
  kpis: Map<string, { item: Item; kpi: Kpi }>
  milestones: Map<string, { item: Item; milestone: Milestone }>
  /** Body ids (区创改组, 区创新办, 市创新办) for meeting references. */
  bodies: Set<string>
  /** Entries per item, in date order (then file order). */
  byItem: Map<string, LedgerEntry[]>
  /** Entries per item and kind, in date order. */
  byItemKind: Map<string, Map<EntryKind, LedgerEntry[]>>
  /** Day number (`dayNumber`) of the date of each entry, by its position in the ledger. */
  days: Int32Array
}

export function indexLedger(
  plan: Plan,
  entries: readonly LedgerEntry[],
  days: Int32Array = Int32Array.from(entries, (entry) => dayNumber(entry.date)),
): LedgerIndex {
  const items = new Map(plan.items.map((item) => [item.id, item]))
  const units = new Map(plan.units.map((unit) => [unit.id, unit]))
  const groups = new Map(plan.unitGroups.map((group) => [group.id, group.members]))
  const responsible = new Map(
    plan.items.map((item) => [
      item.id,
      new Set(
        item.responsible.flatMap((id) => groups.get(id) ?? [id]).filter((id) => units.has(id)),
      ),
    ]),
  )
  const kpis = new Map(
    plan.items.flatMap((item) => item.kpis.map((kpi) => [kpi.id, { item, kpi }] as const)),
  )
  const milestones = new Map(
    plan.items.flatMap((item) =>
      item.milestones.map((milestone) => [milestone.id, { item, milestone }] as const),
    ),
  )
  const bodies = new Set(
    Object.values(plan.bodies)
      .filter((body) => body !== undefined)
      .map((body) => body.id),
  )
  // Group first, then sort each item's entries: n·log(n/items) comparisons, and the sort
  // is stable, so entries of one day keep their file order.
  const byItem = new Map<string, LedgerEntry[]>()
  for (const entry of entries) {
    const list = byItem.get(entry.item)
    if (list) list.push(entry)
    else byItem.set(entry.item, [entry])
  }
  const byItemKind = new Map<string, Map<EntryKind, LedgerEntry[]>>()
  for (const [item, list] of byItem) {
    sortByDate(list)
    const kinds = new Map<EntryKind, LedgerEntry[]>()
    for (const entry of list) {
      const same = kinds.get(entry.kind)
      if (same) same.push(entry)
      else kinds.set(entry.kind, [entry])
    }
    byItemKind.set(item, kinds)
  }
  return {
    items,
    itemPosition: new Map(plan.items.map((item, i) => [item.id, i])),
    units,
    unitOrGroupIds: new Set([...units.keys(), ...groups.keys()]),
    responsible,
    kpis,
    milestones,
    bodies,
    byItem,
    byItemKind,
    days,
  }
}

/** The value at `key`, created with `make` when absent. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}
