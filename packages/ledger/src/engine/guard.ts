import { dayNumber, isIsoDate } from '@reformkit/model'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'
import { hashNumber, hashSeed, hashText, hashTrimmed } from './fast.js'
import { pathEscape } from './paths.js'

/** Each kind's code: its place in ENTRY_KINDS (`LedgerColumns.kind`). */
export const kindCodes = new Map<string, number>(ENTRY_KINDS.map((kind, code) => [kind, code]))
const isText = (value: unknown) => typeof value === 'string'
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The first field of an entry that rules cannot rely on, or undefined when the entry has
 * the shape the rules assume. Entries from parseLedger always pass; this guards callers
 * who build entries in code. A few comparisons per entry: cheap at a million entries.
 */
export function malformedField(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return '(entry)'
  const e = entry as Record<string, unknown>
  if (!isText(e.id)) return 'id'
  if (!isText(e.item)) return 'item'
  if (!isText(e.unit)) return 'unit'
  if (!isText(e.kind) || !kindCodes.has(e.kind)) return 'kind'
  if (!isIsoDate(e.date)) return 'date'
  if (!isText(e.title)) return 'title'
  const { attachments, meeting, kpi, bonus } = entry as Record<string, unknown>
  if (!Array.isArray(attachments)) return 'attachments'
  for (let i = 0; i < attachments.length; i++) {
    const attachment = attachments[i] as { path?: unknown } | null
    if (typeof attachment !== 'object' || attachment === null || !isText(attachment.path))
      return 'attachments'
  }
  if (meeting !== undefined && !(isObject(meeting) && isText(meeting.body))) return 'meeting'
  if (
    kpi !== undefined &&
    !(
      isObject(kpi) &&
      isText(kpi.id) &&
      typeof kpi.value === 'number' &&
      (kpi.asOf === undefined || isIsoDate(kpi.asOf))
    )
  )
    return 'kpi'
  if (bonus !== undefined && !(isObject(bonus) && typeof bonus.points === 'number')) return 'bonus'
  if (e.milestone !== undefined && !isText(e.milestone)) return 'milestone'
  return undefined
}

/**
 * Bits of `LedgerColumns.has`: which optional parts an entry carries. Part of the rule
 * API: `(index.columns.has[i] & PART_BITS.kpi) !== 0` is what `index.has(i, 'kpi')` answers.
 */
export const PART_BITS = {
  meeting: 1,
  kpi: 2,
  bonus: 4,
  milestone: 8,
  /** At least one attachment. */
  attachments: 16,
  /** An attachment path that leaves the ledger root by its text alone (`pathEscape`). */
  escapingPath: 32,
} as const
export type EntryPart = keyof typeof PART_BITS

/**
 * What rules filter on, one number per entry by position, taken in the one pass that
 * checks each entry's shape. A rule reads these typed arrays to find the few entries it
 * must look at, and opens an entry object only for those: on a million entries, reading
 * the objects (scattered in memory) costs far more than the comparisons made on them.
 */
export interface LedgerColumns {
  /** Day number of the entry's date (`dayNumber`): compare these, not date strings. */
  day: Int32Array
  /** Position of the entry's kind in ENTRY_KINDS. */
  kind: Uint8Array
  /**
   * Position of the entry's item in `itemIds`: the plan's items first, in plan order (so a
   * number below plan.items.length is the item's place in the plan), then item ids not in
   * the plan, in order of first appearance.
   */
  item: Int32Array
  /** Position of the entry's unit in `unitIds`: the plan's units first, then unknown ids. */
  unit: Int32Array
  /** Which optional parts the entry has: bits of `PART_BITS`. */
  has: Uint8Array
  /** Hash of the entry's id, seeded per check so crafted ids cannot force collisions. */
  idHash: Int32Array
  /**
   * Hash of what makes two entries the same material: item, unit, kind, date and title
   * (trimmed). Equal for entries that repeat one another (entry/duplicate-content).
   */
  contentHash: Int32Array
  itemIds: string[]
  unitIds: string[]
}

/**
 * The entries rules can read, and their columns. Arrays are by position among the
 * accepted entries.
 */
export type CheckedEntries = {
  entries: LedgerEntry[]
  /** Entries rules cannot read, by position in the input, with the field at fault. */
  rejected: Array<{ index: number; field: string }>
  columns: LedgerColumns
  /** Position in the input of each accepted entry; absent when every entry was accepted. */
  inputIndex?: Int32Array
}

/** Split entries into those rules can read and those they cannot (with the field at fault). */
export function guardEntries(
  given: readonly unknown[],
  knownItems: readonly string[] = [],
  knownUnits: readonly string[] = [],
): CheckedEntries {
  const n = given.length
  const rejected: CheckedEntries['rejected'] = []
  const columns: LedgerColumns = {
    day: new Int32Array(n),
    kind: new Uint8Array(n),
    item: new Int32Array(n),
    unit: new Int32Array(n),
    has: new Uint8Array(n),
    idHash: new Int32Array(n),
    contentHash: new Int32Array(n),
    itemIds: [...knownItems],
    unitIds: [...knownUnits],
  }
  const { day, kind, item, unit, has, idHash, contentHash } = columns
  const itemSlot = slotter(columns.itemIds)
  const unitSlot = slotter(columns.unitIds)
  const seed = hashSeed()
  let accepted = 0
  for (let index = 0; index < n; index++) {
    const field = malformedField(given[index])
    if (field !== undefined) {
      rejected.push({ index, field })
      continue
    }
    const entry = given[index] as LedgerEntry
    const d = dayNumber(entry.date)
    const k = kindCodes.get(entry.kind) as number
    const i = itemSlot(entry.item)
    const u = unitSlot(entry.unit)
    day[accepted] = d
    kind[accepted] = k
    item[accepted] = i
    unit[accepted] = u
    has[accepted] = parts(entry)
    idHash[accepted] = hashText(entry.id, seed)
    const content = hashNumber(u, hashNumber(i, hashNumber(k, hashNumber(d, seed))))
    contentHash[accepted] = hashTrimmed(entry.title, content)
    accepted++
  }
  if (rejected.length === 0) return { entries: given as LedgerEntry[], rejected, columns }
  const bad = new Set(rejected.map((r) => r.index))
  const inputIndex = new Int32Array(accepted)
  for (let i = 0, at = 0; i < n; i++) if (!bad.has(i)) inputIndex[at++] = i
  return {
    entries: given.filter((_, i) => !bad.has(i)) as LedgerEntry[],
    rejected,
    inputIndex,
    columns: {
      ...columns,
      day: day.slice(0, accepted),
      kind: kind.slice(0, accepted),
      item: item.slice(0, accepted),
      unit: unit.slice(0, accepted),
      has: has.slice(0, accepted),
      idHash: idHash.slice(0, accepted),
      contentHash: contentHash.slice(0, accepted),
    },
  }
}

/**
 * Numbers ids by their place in `ids`, appending ids not seen before. Ledgers come grouped
 * (a file per unit, entries by item), so the id just numbered is the likeliest next one.
 */
function slotter(ids: string[]): (id: string) => number {
  const slots = new Map(ids.map((id, slot) => [id, slot]))
  let lastId: string | undefined
  let lastSlot = -1
  return (id) => {
    if (id === lastId) return lastSlot
    let slot = slots.get(id)
    if (slot === undefined) {
      slot = ids.push(id) - 1
      slots.set(id, slot)
    }
    lastId = id
    lastSlot = slot
    return slot
  }
}

function parts(entry: LedgerEntry): number {
  let has = 0
  if (entry.meeting !== undefined) has |= PART_BITS.meeting
  if (entry.kpi !== undefined) has |= PART_BITS.kpi
  if (entry.bonus !== undefined) has |= PART_BITS.bonus
  if (entry.milestone !== undefined) has |= PART_BITS.milestone
  const attachments = entry.attachments
  if (attachments.length > 0) has |= PART_BITS.attachments
  for (let a = 0; a < attachments.length; a++) {
    if (pathEscape((attachments[a] as { path: string }).path) !== undefined) {
      has |= PART_BITS.escapingPath
      break
    }
  }
  return has
}
