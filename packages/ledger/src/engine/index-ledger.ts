import type { Item, Kpi, Milestone, Plan, Unit } from '@reformkit/model'
import { ENTRY_KINDS, type EntryKind, type LedgerEntry } from '../entry/schema.js'
import { orderByGroupAndDay } from './fast.js'
import {
  type CheckedEntries,
  type EntryPart,
  guardEntries,
  kindCodes,
  type LedgerColumns,
  PART_BITS,
} from './guard.js'

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
  /** Entries per item, in date order (then file order). Made on first use. */
  byItem: Map<string, LedgerEntry[]>
  /**
   * An item's entries of one kind, in date order (file order within a day). The lists of a
   * kind are made the first time one is asked for: rules ask for the rare kinds
   * (procedure, supervision, KPI reports), so the bulk (progress evidence) is never sorted.
   */
  entriesOf(item: string, kind: EntryKind): readonly LedgerEntry[]
  /** An item's earliest entry of one kind (file order breaks ties), or undefined. */
  firstOf(item: string, kind: EntryKind): LedgerEntry | undefined
  /** Numbers per entry by position (day, kind, item, unit, parts, hashes): see LedgerColumns. */
  columns: LedgerColumns
  /** Positions of the entries that have `part` (e.g. `kpi`), in ledger order; made once. */
  having(part: EntryPart): Int32Array
  /** Whether the entry at `position` has `part`. */
  has(position: number, part: EntryPart): boolean
  /** Whether the entry at `position` names an item of the plan (by id, after reading). */
  isPlanItem(position: number): boolean
  /** Whether the entry at `position` is filed by a unit of the plan (not a group, not unknown). */
  isPlanUnit(position: number): boolean
}

/** Entries that rules cannot read (see checkLedger's ledger/malformed-entry) are left out. */
export function indexLedger(
  plan: Plan,
  entries: readonly LedgerEntry[],
  checked: CheckedEntries = guardEntries(
    entries,
    plan.items.map((item) => item.id),
    plan.units.map((unit) => unit.id),
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
  // Everything below is made from the numbers the guard pass took (item, kind, day of
  // each entry) and only when first asked for: ordering entries reads no entry.
  const { columns, entries: accepted } = checked
  const { day, kind: kindOf, item: itemOf, itemIds } = columns
  const kindCount = ENTRY_KINDS.length
  const slotOf = new Map(itemIds.map((id, slot) => [id, slot]))
  let byItem: Map<string, LedgerEntry[]> | undefined
  const having = new Map<EntryPart, Int32Array>()
  const ofKind = new Map<EntryKind, Map<string, LedgerEntry[]>>()
  let first: Int32Array | undefined
  const planItems = plan.items.length
  const planUnits = plan.units.length
  return {
    items,
    itemPosition: new Map(plan.items.map((item, i) => [item.id, i])),
    units,
    unitOrGroupIds: new Set([...units.keys(), ...groups.keys()]),
    responsible,
    kpis,
    milestones,
    bodies,
    get byItem() {
      byItem ??= listsByItem(accepted, itemOf, day, itemIds)
      return byItem
    },
    entriesOf(item, kind) {
      const lists = getOrCreate(ofKind, kind, () => {
        const positions = positionsWhere(kindOf, 0xff, kindCodes.get(kind) ?? -1)
        return listsByItem(accepted, itemOf, day, itemIds, positions)
      })
      return lists.get(item) ?? NONE
    },
    firstOf(item, kind) {
      // Earliest position per (item, kind), all in one pass over the columns.
      first ??= earliestPerKey(itemOf, kindOf, day, itemIds.length * kindCount, kindCount)
      const slot = slotOf.get(item)
      const code = kindCodes.get(kind)
      if (slot === undefined || code === undefined) return undefined
      const at = first[slot * kindCount + code] as number
      return at < 0 ? undefined : accepted[at]
    },
    columns,
    having(part) {
      const bit = PART_BITS[part]
      return getOrCreate(having, part, () => positionsWhere(columns.has, bit, bit))
    },
    has: (position, part) => ((columns.has[position] as number) & PART_BITS[part]) !== 0,
    // The plan's items and units take the first slots of the columns (see LedgerColumns).
    isPlanItem: (position) => (itemOf[position] as number) < planItems,
    isPlanUnit: (position) => (columns.unit[position] as number) < planUnits,
  }
}

const NONE: readonly LedgerEntry[] = Object.freeze([])

/**
 * Lists of entries per item in date order (file order within a day), from the entries at
 * `positions` (all when omitted): two counting sorts over the columns, then one list per run.
 */
function listsByItem(
  entries: readonly LedgerEntry[],
  itemOf: Int32Array,
  day: Int32Array,
  itemIds: readonly string[],
  positions?: Int32Array,
): Map<string, LedgerEntry[]> {
  const pick = (column: Int32Array) => {
    if (!positions) return column
    const picked = new Int32Array(positions.length)
    for (let k = 0; k < positions.length; k++) picked[k] = column[positions[k] as number] as number
    return picked
  }
  const items = pick(itemOf)
  const order = orderByGroupAndDay(items, pick(day), itemIds.length)
  const lists = new Map<string, LedgerEntry[]>()
  for (let start = 0; start < order.length; ) {
    const slot = items[order[start] as number] as number
    let end = start + 1
    while (end < order.length && items[order[end] as number] === slot) end++
    const list = new Array<LedgerEntry>(end - start)
    for (let i = start; i < end; i++) {
      const k = order[i] as number
      list[i - start] = entries[positions ? (positions[k] as number) : k] as LedgerEntry
    }
    lists.set(itemIds[slot] as string, list)
    start = end
  }
  return lists
}

/** Per key (item × kinds + kind), the position of the earliest entry, or -1. */
function earliestPerKey(
  itemOf: Int32Array,
  kindOf: Uint8Array,
  day: Int32Array,
  keyCount: number,
  kindCount: number,
): Int32Array {
  const first = new Int32Array(keyCount).fill(-1)
  for (let i = 0; i < itemOf.length; i++) {
    const key = (itemOf[i] as number) * kindCount + (kindOf[i] as number)
    const at = first[key] as number
    if (at < 0 || (day[i] as number) < (day[at] as number)) first[key] = i
  }
  return first
}

/** Positions whose `column` value, masked, equals `value`; in order. */
function positionsWhere(column: Uint8Array, mask: number, value: number): Int32Array {
  let count = 0
  for (let i = 0; i < column.length; i++) if (((column[i] as number) & mask) === value) count++
  const positions = new Int32Array(count)
  for (let i = 0, at = 0; i < column.length; i++)
    if (((column[i] as number) & mask) === value) positions[at++] = i
  return positions
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
