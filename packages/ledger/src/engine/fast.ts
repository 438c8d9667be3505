// Two tools that keep checkLedger linear on a million entries: finding repeats without
// building a Map of a million strings, and ordering entries by date without comparisons.

/** FNV-1a over UTF-16 code units; chain calls to hash several fields. */
export function hashText(text: string, hash = 0x811c9dc5): number {
  let h = hash
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** `hashText(text.trim(), hash)` without making the trimmed copy. */
export function hashTrimmed(text: string, hash = 0x811c9dc5): number {
  let from = 0
  let to = text.length
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  let h = hash
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Chains a small integer into a hash, as `hashText` chains a character. */
export const hashNumber = (value: number, hash: number) => Math.imul(hash ^ value, 0x01000193) >>> 0

/** What String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 160) return false
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** A seed for `hashText`, new per check, so crafted input cannot plan its collisions. */
export const hashSeed = () => (Math.random() * 0x7fffffff) | 0

/**
 * For each of `n` things, the index of the first earlier thing equal to it, or -1.
 * `hashOf` should be seeded (`hashSeed`); the result never depends on the hash, and past a
 * probe budget (crafted collisions) it falls back to a Map.
 *
 * The things are first split by the top bits of their hash into parts of about a thousand
 * (one stable counting pass), then each part gets a small open-addressing table of typed
 * arrays that stays in cache. One table over a million things would miss the cache on
 * nearly every probe; this is several times faster than that, and than a Map of strings.
 */
export function firstEqual(
  n: number,
  hashOf: (i: number) => number,
  equal: (a: number, b: number) => boolean,
  keyOf: (i: number) => string,
): Int32Array {
  const bits = n > PART ? Math.min(16, Math.ceil(Math.log2(n / PART))) : 0
  const hashes = new Int32Array(n)
  for (let i = 0; i < n; i++) hashes[i] = mix(hashOf(i))
  // Positions (and their hashes) grouped by part, each part in position order.
  const starts = new Int32Array((1 << bits) + 1)
  const partOf = (h: number) => (bits === 0 ? 0 : h >>> (32 - bits))
  for (let i = 0; i < n; i++) {
    const part = partOf(hashes[i] as number) + 1
    starts[part] = (starts[part] as number) + 1
  }
  let largest = 0
  for (let part = 1; part < starts.length; part++) {
    largest = Math.max(largest, starts[part] as number)
    starts[part] = (starts[part] as number) + (starts[part - 1] as number)
  }
  const positions = new Int32Array(n)
  const grouped = new Int32Array(n)
  const next = starts.slice(0, -1)
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number
    const at = next[partOf(h)] as number
    next[partOf(h)] = at + 1
    positions[at] = i
    grouped[at] = h
  }
  // Slot s holds [index + 1, hash] at 2s and 2s+1: one cache line per probe. Each part
  // uses (and clears) only the slots its size needs.
  const table = new Int32Array(tableSize(largest) * 2)
  const first = new Int32Array(n).fill(-1)
  let budget = 16 * n + 1024
  for (let part = 0; part + 1 < starts.length; part++) {
    const from = starts[part] as number
    const to = starts[part + 1] as number
    if (to - from < 2) continue
    const mask = tableSize(to - from) - 1
    table.fill(0, 0, 2 * (mask + 1))
    for (let k = from; k < to; k++) {
      const i = positions[k] as number
      const h = grouped[k] as number
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
  }
  return first
}

/** Spreads every bit of a hash into the top bits, which choose the part (murmur3's finalizer). */
function mix(hash: number): number {
  let h = hash | 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Slots for `count` things: a power of two, at least twice the count. */
function tableSize(count: number): number {
  let size = 8
  while (size < count * 2) size *= 2
  return size
}

/** Things per part in `firstEqual`: a part's table (16 KB) stays in the processor's cache. */
const PART = 1024

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
 * Positions 0…n-1 ordered by group, then by day, then by position: two stable counting
 * sorts over typed arrays, so ordering a million entries reads no entry. The first sort
 * carries each position's group along, so the second reads its keys in order. When the
 * days span far more values than there are entries, a comparison sort orders the days.
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
  const range = max - min + 1
  let byDay: Int32Array
  let groupsByDay: Int32Array
  if (range > 4 * n + 1024) {
    byDay = new Int32Array(n)
    for (let i = 0; i < n; i++) byDay[i] = i
    byDay.sort((a, b) => (days[a] as number) - (days[b] as number) || a - b)
    groupsByDay = new Int32Array(n)
    for (let i = 0; i < n; i++) groupsByDay[i] = groups[byDay[i] as number] as number
  } else {
    const starts = bucketStarts(days, min, range)
    byDay = new Int32Array(n)
    groupsByDay = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const k = (days[i] as number) - min
      const at = starts[k] as number
      starts[k] = at + 1
      byDay[at] = i
      groupsByDay[at] = groups[i] as number
    }
  }
  const starts = bucketStarts(groupsByDay, 0, groupCount)
  const sorted = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const k = groupsByDay[i] as number
    const at = starts[k] as number
    starts[k] = at + 1
    sorted[at] = byDay[i] as number
  }
  return sorted
}

/** Where each key's run starts in a counting sort of `keys - offset` (0…count-1). */
function bucketStarts(keys: Int32Array, offset: number, count: number): Int32Array {
  const starts = new Int32Array(count + 1)
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] as number) - offset + 1
    starts[k] = (starts[k] as number) + 1
  }
  for (let k = 1; k <= count; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number)
  return starts
}
