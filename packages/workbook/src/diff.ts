import { ENTRY_FIELDS, type LedgerEntry } from '@reformkit/ledger'

/** An entry whose content differs between two readings of a ledger, and in which fields. */
export interface EntryChange {
  before: LedgerEntry
  after: LedgerEntry
  fields: string[]
}

/** What changed from one reading of a ledger to the next, entry by entry (matched by id). */
export interface LedgerChanges {
  added: LedgerEntry[]
  changed: EntryChange[]
  removed: LedgerEntry[]
  unchanged: number
}

/** Fields of an entry, as compared: every field of the schema but its id. */
const FIELDS = ENTRY_FIELDS.filter(
  (key): key is Exclude<(typeof ENTRY_FIELDS)[number], 'id'> => key !== 'id',
)

/**
 * Added, changed and removed entries of `next` against `previous` — what an edited
 * workbook brings to the ledger, the part to submit again. Entries are matched by id;
 * the order of entries and where they were read from do not count.
 */
export function compareEntries(
  previous: readonly LedgerEntry[],
  next: readonly LedgerEntry[],
): LedgerChanges {
  const before = new Map(previous.map((entry) => [entry.id, entry]))
  const seen = new Set<string>()
  const changes: LedgerChanges = { added: [], changed: [], removed: [], unchanged: 0 }
  for (const entry of next) {
    seen.add(entry.id)
    const old = before.get(entry.id)
    if (!old) {
      changes.added.push(entry)
      continue
    }
    const fields = FIELDS.filter((f) => canonical(old[f]) !== canonical(entry[f]))
    if (fields.length > 0) changes.changed.push({ before: old, after: entry, fields })
    else changes.unchanged++
  }
  for (const entry of previous) if (!seen.has(entry.id)) changes.removed.push(entry)
  return changes
}

/** A value as JSON with object keys sorted, so that key order does not count as a change. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    ) ?? 'undefined'
  )
}
