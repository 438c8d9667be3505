import { isIsoDate } from '@reformkit/model'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'
import { dayNumber, hashSeed, hashText } from './fast.js'

const kindCodes = new Map<string, number>(ENTRY_KINDS.map((kind, code) => [kind, code]))
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
 * The entries rules can read, with what the index needs of each, taken in the same pass
 * that checks them: on a million entries every extra walk over the objects costs more
 * than the work done in it. Arrays are by position among the accepted entries.
 */
export type CheckedEntries = {
  entries: LedgerEntry[]
  /** Entries rules cannot read, by position in the input, with the field at fault. */
  rejected: Array<{ index: number; field: string }>
  /** Day number of each entry's date (see `dayNumber`). */
  days: Int32Array
  /** Position of each entry's kind in ENTRY_KINDS. */
  kinds: Uint8Array
  /** Position of each entry's item in `itemIds`. */
  groups: Int32Array
  /** The known items first, then unknown item ids in order of first appearance. */
  itemIds: string[]
  /** Hash of each entry's id, seeded per call so crafted ids cannot force collisions. */
  idHashes: Int32Array
}

/** Split entries into those rules can read and those they cannot (with the field at fault). */
export function guardEntries(
  given: readonly unknown[],
  knownItems: readonly string[] = [],
): CheckedEntries {
  const n = given.length
  const rejected: CheckedEntries['rejected'] = []
  const days = new Int32Array(n)
  const kinds = new Uint8Array(n)
  const groups = new Int32Array(n)
  const idHashes = new Int32Array(n)
  const itemIds = [...knownItems]
  const slots = new Map(itemIds.map((id, slot) => [id, slot]))
  const seed = hashSeed()
  let accepted = 0
  for (let index = 0; index < n; index++) {
    const field = malformedField(given[index])
    if (field !== undefined) {
      rejected.push({ index, field })
      continue
    }
    const entry = given[index] as LedgerEntry
    let slot = slots.get(entry.item)
    if (slot === undefined) {
      slot = itemIds.push(entry.item) - 1
      slots.set(entry.item, slot)
    }
    days[accepted] = dayNumber(entry.date)
    kinds[accepted] = kindCodes.get(entry.kind) as number
    groups[accepted] = slot
    idHashes[accepted] = hashText(entry.id, seed)
    accepted++
  }
  if (rejected.length === 0)
    return { entries: given as LedgerEntry[], rejected, days, kinds, groups, itemIds, idHashes }
  const bad = new Set(rejected.map((r) => r.index))
  return {
    entries: given.filter((_, i) => !bad.has(i)) as LedgerEntry[],
    rejected,
    days: days.slice(0, accepted),
    kinds: kinds.slice(0, accepted),
    groups: groups.slice(0, accepted),
    itemIds,
    idHashes: idHashes.slice(0, accepted),
  }
}
