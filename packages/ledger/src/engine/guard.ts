import { isIsoDate } from '@reformkit/model'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'

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
  if (!isObject(entry)) return '(entry)'
  if (!isText(entry.id)) return 'id'
  if (!isText(entry.item)) return 'item'
  if (!isText(entry.unit)) return 'unit'
  if (!isText(entry.kind) || !kinds.has(entry.kind)) return 'kind'
  if (!isIsoDate(entry.date)) return 'date'
  if (!isText(entry.title)) return 'title'
  const { attachments, meeting, kpi, bonus } = entry
  if (!Array.isArray(attachments)) return 'attachments'
  for (const attachment of attachments)
    if (!isObject(attachment) || !isText(attachment.path)) return 'attachments'
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
  if (entry.milestone !== undefined && !isText(entry.milestone)) return 'milestone'
  return undefined
}

export type CheckedEntries = {
  entries: LedgerEntry[]
  rejected: Array<{ index: number; field: string }>
}

/** Split entries into those rules can read and those they cannot (with the field at fault). */
export function guardEntries(entries: readonly unknown[]): CheckedEntries {
  const rejected: CheckedEntries['rejected'] = []
  const ok: LedgerEntry[] = []
  entries.forEach((entry, index) => {
    const field = malformedField(entry)
    if (field === undefined) ok.push(entry as LedgerEntry)
    else rejected.push({ index, field })
  })
  return { entries: rejected.length === 0 ? (entries as LedgerEntry[]) : ok, rejected }
}
