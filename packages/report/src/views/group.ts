import type { LedgerEntry } from '@reformkit/ledger'
import {
  compareText,
  type Diagnostic,
  type DiagnosticSubject,
  dayNumber,
  isIsoDate,
} from '@reformkit/model'

/** The list at `key`, created empty when there is none. */
function listAt<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key)
  if (!list) {
    list = []
    map.set(key, list)
  }
  return list
}

/** Append to the list at `key`, creating it: grouping in one pass. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  listAt(map, key).push(value)
}

/** What a unit filed up to the day of the report. */
export interface Filed {
  entries: number
  /** Entries per item id. */
  items: Map<string, number>
  /** Bonus points claimed with proof attached. */
  bonus: number
}
export const nothingFiled = (): Filed => ({ entries: 0, items: new Map(), bonus: 0 })

/**
 * One pass over the ledger, in file order: entries per item, and what each unit filed.
 * Entries filed later than the day of the report are left out.
 */
export function groupLedger(entries: readonly LedgerEntry[], asOf: string) {
  const byItem = new Map<string, LedgerEntry[]>()
  const filed = new Map<string, Filed>()
  for (const entry of entries) {
    if (entry.date > asOf) continue
    push(byItem, entry.item, entry)
    let unit = filed.get(entry.unit)
    if (!unit) {
      unit = nothingFiled()
      filed.set(entry.unit, unit)
    }
    unit.entries++
    unit.items.set(entry.item, (unit.items.get(entry.item) ?? 0) + 1)
    if (entry.kind === 'bonusProof' && entry.attachments.length > 0)
      unit.bonus += Math.max(0, entry.bonus?.points ?? 0)
  }
  return { byItem, filed }
}

/**
 * Positions into `entries` ordered by the entries' dates, by position within a day: one
 * numeric sort of (day, position) keys instead of comparing date strings pairwise (an item
 * may have thousands of entries, a province's ledger a finding on each).
 */
function byDate(entries: readonly LedgerEntry[], positions: readonly number[]): number[] {
  const n = entries.length
  const keys = new Float64Array(positions.length)
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] as number
    const { date } = entries[position] as LedgerEntry
    // Entries built in code may carry any text: order those by the text itself.
    if (!isIsoDate(date))
      return [...positions].sort(
        (a, b) =>
          compareText((entries[a] as LedgerEntry).date, (entries[b] as LedgerEntry).date) || a - b,
      )
    keys[i] = dayNumber(date) * n + position
  }
  keys.sort()
  return Array.from(keys, (key) => key % n)
}

/** Entries in date order, file order within a day. */
export function inDateOrder(entries: LedgerEntry[]): LedgerEntry[] {
  return byDate(entries, Array.from(entries.keys())).map((i) => entries[i] as LedgerEntry)
}

/**
 * Which item and unit each finding is about, from its `subject`: findings on the plan's
 * items, and findings on entries filed up to asOf, in the entries' date order (file order
 * within a day), as each item lists its entries. Findings without a subject (reading a
 * file) colour nothing and cost nothing.
 */
export function attribute(
  entries: readonly LedgerEntry[],
  diagnostics: readonly Diagnostic[],
  asOf: string,
) {
  const item = new Map<string, Diagnostic[]>()
  // The findings on each entry, in their order, laid out by entry position: counted, then
  // placed — one array for all of them, not a map of an array per entry (a province's
  // ledger has a finding on nearly every entry).
  const counts = new Int32Array(entries.length + 1)
  const onEntries: Diagnostic[] = []
  for (const diagnostic of diagnostics) {
    const subject = diagnostic.subject
    if (subject?.item === undefined) continue
    if (subject.entry === undefined) {
      if (subject.entryId === undefined) push(item, subject.item, diagnostic)
      continue
    }
    const entry = entries[subject.entry]
    if (entry && entry.date <= asOf) {
      const after = subject.entry + 1
      counts[after] = (counts[after] as number) + 1
      onEntries.push(diagnostic)
    }
  }
  const positions: number[] = []
  for (let position = 0; position < entries.length; position++) {
    if (counts[position + 1] !== 0) positions.push(position)
    counts[position + 1] = (counts[position + 1] as number) + (counts[position] as number)
  }
  // counts[p] is now where entry p's findings start; placed in their order.
  const placed = new Array<Diagnostic>(onEntries.length)
  const next = counts.slice(0, entries.length)
  for (const diagnostic of onEntries) {
    const position = (diagnostic.subject as DiagnosticSubject).entry as number
    const at = next[position] as number
    placed[at] = diagnostic
    next[position] = at + 1
  }
  const itemEntries = new Map<string, Diagnostic[]>()
  const unitEntries = new Map<string, Diagnostic[]>()
  for (const position of byDate(entries, positions)) {
    const entry = entries[position] as LedgerEntry
    const itemList = listAt(itemEntries, entry.item)
    const unitList = listAt(unitEntries, entry.unit)
    for (let at = counts[position] as number; at < (counts[position + 1] as number); at++) {
      itemList.push(placed[at] as Diagnostic)
      unitList.push(placed[at] as Diagnostic)
    }
  }
  return { item, itemEntries, unitEntries }
}
