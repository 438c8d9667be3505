// Two tools that keep checkLedger linear on a million entries: finding repeats without
// building a Map of a million strings, and ordering entries by date without comparisons.

/** FNV-1a over UTF-16 code units; chain calls to hash several fields. */
export function hashText(text: string, hash = 0x811c9dc5): number {
  let h = hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** A seed for `hashText`, new per check, so crafted input cannot plan its collisions. */
export const hashSeed = () => (Math.random() * 0x7fffffff) | 0

/**
 * For each of `n` things, the index of the first earlier thing equal to it, or -1.
 * An open-addressing table of typed arrays: about five times faster than a Map of strings
 * at a million keys. `hashOf` should be seeded (`hashSeed`); the result never depends on
 * the hash, and past a probe budget (crafted collisions) it falls back to a Map.
 */
export function firstEqual(
  n: number,
  hashOf: (i: number) => number,
  equal: (a: number, b: number) => boolean,
  keyOf: (i: number) => string,
): Int32Array {
  let size = 8
  while (size < n * 2) size *= 2
  const mask = size - 1
  // Slot s holds [index + 1, hash] at 2s and 2s+1: one cache line per probe.
  const table = new Int32Array(size * 2)
  const first = new Int32Array(n).fill(-1)
  let budget = 16 * n + 1024
  for (let i = 0; i < n; i++) {
    const h = hashOf(i) | 0
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

/**
 * Positions 0…n-1 ordered by group, then by day, then by position: two stable counting
 * sorts over typed arrays, so ordering a million entries reads no entry. When the days
 * span far more values than there are entries, a comparison sort orders the days instead.
 */
export function orderByGroupAndDay(
  groups: Int32Array,
  days: Int32Array,
  groupCount: number,
): Int32Array {
  const n = days.length
  let min = n > 0 ? (days[0] as number) : 0
  let max = min
  for (let i = 1; i < n; i++) {
    const day = days[i] as number
    if (day < min) min = day
    else if (day > max) max = day
  }
  const positions = new Int32Array(n)
  for (let i = 0; i < n; i++) positions[i] = i
  const range = max - min + 1
  const byDay =
    range > 4 * n + 1024
      ? positions.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b)
      : countingSort(positions, days, min, range)
  return countingSort(byDay, groups, 0, groupCount)
}

/** `order` stably re-ordered by `keys[position] - offset`, which lies in 0…count-1. */
function countingSort(order: Int32Array, keys: Int32Array, offset: number, count: number) {
  const starts = new Int32Array(count + 1)
  for (let i = 0; i < order.length; i++) {
    const k = (keys[order[i] as number] as number) - offset + 1
    starts[k] = (starts[k] as number) + 1
  }
  for (let k = 1; k <= count; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number)
  const sorted = new Int32Array(order.length)
  for (let i = 0; i < order.length; i++) {
    const position = order[i] as number
    const k = (keys[position] as number) - offset
    const at = starts[k] as number
    starts[k] = at + 1
    sorted[at] = position
  }
  return sorted
}
