import type { Item, Kpi, Milestone, Plan, Unit } from '@reformkit/model'
import { ENTRY_KINDS, type EntryKind, type LedgerEntry } from '../entry/schema.js'
import { orderByGroupAndDay } from './fast.js'
import { type CheckedEntries, guardEntries } from './guard.js'

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
  /** Seeded hash of each entry's id, by position: for finding repeated ids quickly. */
  idHashes: Int32Array
}

/** Entries that rules cannot read (see checkLedger's ledger/malformed-entry) are left out. */
export function indexLedger(
  plan: Plan,
  entries: readonly LedgerEntry[],
  checked: CheckedEntries = guardEntries(
    entries,
    plan.items.map((item) => item.id),
  ),
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
  // Lists made from the numbers the guard pass took (item, kind, day of each entry):
  // ordering a million entries reads no entry.
  const { days, kinds: kindOf, groups: groupOf, itemIds } = checked
  const kindCount = ENTRY_KINDS.length
  const itemKind = new Int32Array(groupOf.length)
  for (let i = 0; i < itemKind.length; i++)
    itemKind[i] = (groupOf[i] as number) * kindCount + (kindOf[i] as number)
  const order = orderByGroupAndDay(itemKind, days, itemIds.length * kindCount)
  const byItemKind = new Map<string, Map<EntryKind, LedgerEntry[]>>()
  eachRun(order, itemKind, checked.entries, (key, list) =>
    getOrCreate(byItemKind, itemIds[Math.floor(key / kindCount)] as string, () => new Map()).set(
      ENTRY_KINDS[key % kindCount] as EntryKind,
      list,
    ),
  )
  let byItem: Map<string, LedgerEntry[]> | undefined
  return {
    items,
    itemPosition: new Map(plan.items.map((item, i) => [item.id, i])),
    units,
    unitOrGroupIds: new Set([...units.keys(), ...groups.keys()]),
    responsible,
    kpis,
    milestones,
    bodies,
    // Built on first use: no rule of this package needs every item's entries in one list.
    get byItem() {
      if (byItem) return byItem
      const lists = new Map<string, LedgerEntry[]>()
      const order = orderByGroupAndDay(groupOf, days, itemIds.length)
      eachRun(order, groupOf, checked.entries, (group, list) =>
        lists.set(itemIds[group] as string, list),
      )
      byItem = lists
      return byItem
    },
    byItemKind,
    days,
    idHashes: checked.idHashes,
  }
}

/**
 * The entries at the positions of `order`, cut into lists where `keys[position]` changes:
 * `take(key, list)` once per run of equal keys.
 */
function eachRun(
  order: Int32Array,
  keys: Int32Array,
  entries: readonly LedgerEntry[],
  take: (key: number, list: LedgerEntry[]) => void,
): void {
  for (let start = 0; start < order.length; ) {
    const key = keys[order[start] as number] as number
    let end = start + 1
    while (end < order.length && keys[order[end] as number] === key) end++
    const list = new Array<LedgerEntry>(end - start)
    for (let i = start; i < end; i++) list[i - start] = entries[order[i] as number] as LedgerEntry
    take(key, list)
    start = end
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
