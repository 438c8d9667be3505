import { compareText } from '@reformkit/model'
import type { LedgerEntry } from '../entry/schema.js'
import type { AttachmentFact, CopyFacts } from './rule.js'

/** One copy of a ledger: its entries and, when read from disk, its attachment facts. */
export interface LedgerCopy {
  /** How the copy is named in findings, e.g. its folder. */
  label: string
  entries: readonly LedgerEntry[]
  attachments?: ReadonlyMap<string, AttachmentFact>
}

export type CopyDifference = CopyFacts['differences'][number] & {
  /** For a changed entry: the fields that differ. */
  fields?: string[]
}

export interface CopyComparison extends CopyFacts {
  differences: CopyDifference[]
  identical: boolean
}

/**
 * Compare the kept copy with another one (一式两份) — or an earlier submission with a
 * later one. Entries are matched by id and compared field by field (where in the file
 * they stand does not matter); attachments are matched by path and compared by SHA-256
 * (as measured when facts are given, else as declared) and size. Added/removed are from
 * the point of view of `kept`: "added" is in `other` only. Runs in O(n log n).
 */
export function compareCopies(kept: LedgerCopy, other: LedgerCopy): CopyComparison {
  const differences: CopyDifference[] = []
  const a = keyed(kept.entries)
  const b = keyed(other.entries)
  for (const [id, entry] of a) {
    const counterpart = b.get(id)
    if (!counterpart) differences.push({ kind: 'removed', what: 'entry', id })
    else {
      const fields = changedFields(entry, counterpart)
      if (fields.length > 0) differences.push({ kind: 'changed', what: 'entry', id, fields })
    }
  }
  for (const id of b.keys()) if (!a.has(id)) differences.push({ kind: 'added', what: 'entry', id })

  const fa = fingerprints(kept)
  const fb = fingerprints(other)
  for (const [path, print] of fa) {
    const counterpart = fb.get(path)
    if (counterpart === undefined)
      differences.push({ kind: 'removed', what: 'attachment', id: path })
    else if (counterpart !== print)
      differences.push({ kind: 'changed', what: 'attachment', id: path })
  }
  for (const path of fb.keys())
    if (!fa.has(path)) differences.push({ kind: 'added', what: 'attachment', id: path })

  const order = { entry: 0, attachment: 1 }
  differences.sort((x, y) => order[x.what] - order[y.what] || compareText(x.id, y.id))
  return { label: other.label, differences, identical: differences.length === 0 }
}

/** Entries by id; a repeated id gets `#2`, `#3`… so that nothing is silently dropped. */
function keyed(entries: readonly LedgerEntry[]): Map<string, LedgerEntry> {
  const map = new Map<string, LedgerEntry>()
  for (const entry of entries) {
    let key = entry.id
    for (let n = 2; map.has(key); n++) key = `${entry.id}#${n}`
    map.set(key, entry)
  }
  return map
}

function changedFields(a: LedgerEntry, b: LedgerEntry): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  keys.delete('source')
  return [...keys]
    .filter(
      (key) => canonical(a[key as keyof LedgerEntry]) !== canonical(b[key as keyof LedgerEntry]),
    )
    .sort(compareText)
}

/** Per attachment path: what its content is known to be. */
function fingerprints(copy: LedgerCopy): Map<string, string> {
  const map = new Map<string, string>()
  for (const entry of copy.entries) {
    for (const attachment of entry.attachments) {
      const fact = copy.attachments?.get(attachment.path)
      const print = fact
        ? fact.exists
          ? `${fact.sha256}:${fact.bytes}`
          : 'missing'
        : `${attachment.sha256 ?? '?'}:${attachment.bytes ?? '?'}`
      map.set(attachment.path, print)
    }
  }
  return map
}

/** JSON with keys sorted, so that key order in the file does not count as a change. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => compareText(x, y)))
        : v,
    ) ?? 'undefined'
  )
}
