import { isIsoDate } from '@reformkit/model'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'
import { dayNumber } from './fast.js'

const kinds = new Set<string>(ENTRY_KINDS)
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
  if (!isText(e.kind) || !kinds.has(e.kind)) return 'kind'
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

export type CheckedEntries = {
  entries: LedgerEntry[]
  rejected: Array<{ index: number; field: string }>
  /** Day number of each accepted entry's date (see `dayNumber`), in the same order. */
  days: Int32Array
}

/** Split entries into those rules can read and those they cannot (with the field at fault). */
export function guardEntries(entries: readonly unknown[]): CheckedEntries {
  const rejected: CheckedEntries['rejected'] = []
  const days = new Int32Array(entries.length)
  let accepted = 0
  for (let index = 0; index < entries.length; index++) {
    const field = malformedField(entries[index])
    if (field !== undefined) rejected.push({ index, field })
    else days[accepted++] = dayNumber((entries[index] as LedgerEntry).date)
  }
  if (rejected.length === 0) return { entries: entries as LedgerEntry[], rejected, days }
  const bad = new Set(rejected.map((r) => r.index))
  return {
    entries: entries.filter((_, i) => !bad.has(i)) as LedgerEntry[],
    rejected,
    days: days.slice(0, accepted),
  }
}
