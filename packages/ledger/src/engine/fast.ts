// Two tools that keep checkLedger linear on a million entries: finding repeats without
// building a Map of a million strings, and ordering entries by date without comparisons.
import type { LedgerEntry } from '../entry/schema.js'

/** FNV-1a over UTF-16 code units; chain calls to hash several fields. */
export function hashText(text: string, hash = 0x811c9dc5): number {
  let h = hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * For each of `n` things, the index of the first earlier thing equal to it, or -1.
 * An open-addressing table of typed arrays: about five times faster than a Map of strings
 * at a million keys. The hash is seeded per call so crafted input cannot force collisions
 * (the result never depends on the seed); past a probe budget it falls back to a Map.
 */
export function firstEqual(
  n: number,
  hashOf: (i: number, seed: number) => number,
  equal: (a: number, b: number) => boolean,
  keyOf: (i: number) => string,
): Int32Array {
  let size = 8
  while (size < n * 2) size *= 2
  const mask = size - 1
  // Slot s holds [index + 1, hash] at 2s and 2s+1: one cache line per probe.
  const table = new Int32Array(size * 2)
  const first = new Int32Array(n).fill(-1)
  const seed = (Math.random() * 0x7fffffff) | 0
  let budget = 16 * n + 1024
  for (let i = 0; i < n; i++) {
    const h = hashOf(i, seed) | 0
    let slot = h & mask
    for (;;) {
      const held = table[2 * slot] as number
      if (held === 0) {
        table[2 * slot] = i + 1
        table[2 * slot + 1] = h
        break
      }
      if (table[2 * slot + 1] === h && equal(held - 1, i)) {
        first[i] = held - 1
        break
      }
      slot = (slot + 1) & mask
      if (--budget < 0) return firstEqualByMap(n, keyOf)
    }
  }
  return first
}

function firstEqualByMap(n: number, keyOf: (i: number) => string): Int32Array {
  const seen = new Map<string, number>()
  const first = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    const key = keyOf(i)
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, i)
    else first[i] = earlier
  }
  return first
}

/**
 * A checked YYYY-MM-DD date as a number that orders like the text: rules compare these
 * integers (`index.days`) instead of comparing date strings a million times.
 */
export function dayNumber(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  return (year * 13 + month) * 32 + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
}

const byDate = (a: LedgerEntry, b: LedgerEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

/**
 * Order entries by date in place, keeping the order of entries of the same day. A counting
 * sort when the dates span few days relative to the count (the usual case: a year of
 * material), else the built-in stable sort.
 */
export function sortByDate(list: LedgerEntry[]): void {
  if (list.length < 64) {
    list.sort(byDate)
    return
  }
  const keys = new Int32Array(list.length)
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < list.length; i++) {
    const key = dayNumber((list[i] as LedgerEntry).date)
    keys[i] = key
    if (key < min) min = key
    if (key > max) max = key
  }
  const range = max - min + 1
  if (range > 4 * list.length + 1024) {
    list.sort(byDate)
    return
  }
  // starts[k]: where the first entry of day min+k goes; advanced as entries are placed.
  const starts = new Int32Array(range + 1)
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] as number) - min + 1
    starts[k] = (starts[k] as number) + 1
  }
  for (let k = 1; k <= range; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number)
  const copy = list.slice()
  for (let i = 0; i < copy.length; i++) {
    const k = (keys[i] as number) - min
    const at = starts[k] as number
    starts[k] = at + 1
    list[at] = copy[i] as LedgerEntry
  }
}
