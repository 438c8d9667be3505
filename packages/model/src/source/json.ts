// The fast road for JSON text: JSON.parse for the data, and one scan of the text for where
// each value and key starts and ends. A ledger exported as JSON with a million entries
// reads in seconds instead of minutes; YAML and anything JSON.parse refuses still go
// through the YAML parser, which locates syntax errors.

/** Where a value is in the text: [start, end) offsets, and its children if it has any. */
export interface JsonNode {
  start: number
  end: number
  /** Object members by key, in text order, with the offsets of the key itself. */
  keys?: Map<string, { start: number; end: number; value: JsonNode }>
  items?: JsonNode[]
}

class Duplicate extends Error {}

/** Past white space from `i`. */
function skipSpace(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break
  }
  return i
}

/**
 * Past the string whose opening quote is at `i`: to the closing quote in one jump (most of a
 * ledger is inside strings), the next quote not escaped by an odd run of backslashes.
 */
function skipString(text: string, i: number): number {
  for (let at = text.indexOf('"', i + 1); at !== -1; at = text.indexOf('"', at + 1))
    if (!escaped(text, at)) return at + 1
  return text.length
}

/** Whether the character at `at` follows an odd run of backslashes (is escaped). */
function escaped(text: string, at: number): boolean {
  let backslashes = 0
  while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++
  return backslashes % 2 === 1
}

/** Past the value whose first character is at `i`. */
function skipValue(text: string, i: number): number {
  const n = text.length
  const c = text.charCodeAt(i)
  if (c === 34) return skipString(text, i)
  if (c === 123 || c === 91) {
    let depth = 0
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d === 34) {
        i = skipString(text, i)
        continue
      }
      i++
      if (d === 123 || d === 91) depth++
      else if ((d === 125 || d === 93) && --depth === 0) break
    }
    return i
  }
  while (i < n) {
    const d = text.charCodeAt(i)
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break
    i++
  }
  return i
}

/** The key whose quotes are at `start` and `end - 1`, its escapes read. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1)
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
}

/**
 * Offsets of every value in `text`, which JSON.parse has already accepted, and how deeply
 * objects and arrays nest (the root container is depth 1). Undefined when an object
 * repeats a key (JSON.parse keeps the last one silently; the YAML road reports it) or the
 * nesting is too deep to scan.
 */
export function indexJson(text: string): { root: JsonNode; depth: number } | undefined {
  let i = 0
  let deepest = 0
  const value = (level: number): JsonNode => {
    i = skipSpace(text, i)
    const start = i
    const c = text.charCodeAt(i)
    if ((c === 123 || c === 91) && level > deepest) deepest = level
    if (c === 123) {
      i++
      const keys: NonNullable<JsonNode['keys']> = new Map()
      i = skipSpace(text, i)
      if (text.charCodeAt(i) === 125) {
        i++
        return { start, end: i, keys }
      }
      for (;;) {
        i = skipSpace(text, i)
        const keyStart = i
        i = skipString(text, i)
        const keyEnd = i
        const key = keyText(text, keyStart, keyEnd)
        i = skipSpace(text, i)
        i++ // :
        const child = value(level + 1)
        if (keys.has(key)) throw new Duplicate()
        keys.set(key, { start: keyStart, end: keyEnd, value: child })
        i = skipSpace(text, i)
        if (text.charCodeAt(i++) !== 44) return { start, end: i, keys } // , or }
      }
    }
    if (c === 91) {
      i++
      const items: JsonNode[] = []
      i = skipSpace(text, i)
      if (text.charCodeAt(i) === 93) {
        i++
        return { start, end: i, items }
      }
      for (;;) {
        items.push(value(level + 1))
        i = skipSpace(text, i)
        if (text.charCodeAt(i++) !== 44) return { start, end: i, items } // , or ]
      }
    }
    // a string, a number, true, false, null
    i = skipValue(text, i)
    return { start, end: i }
  }
  try {
    const root = value(1)
    return { root, depth: deepest }
  } catch (error) {
    if (error instanceof Duplicate || error instanceof RangeError) return undefined
    throw error
  }
}

/** What one pass over JSON text tells without building anything. */
export interface JsonScan {
  /** How deeply objects and arrays nest (the root container is depth 1). */
  depth: number
  /** Keys written, in all objects: more than the parsed data has means a key is repeated. */
  keys: number
  /** Where each item starts, for every array that is a member of the root object. */
  arrays: Map<string, number[]>
}

/**
 * One pass over `text`, which JSON.parse has already accepted: nesting depth, keys written,
 * and the start of each item of the root object's arrays (a ledger's entries) — no node
 * per value, so that a ledger of a million entries is located without an index of it.
 */
export function scanJson(text: string): JsonScan {
  const n = text.length
  const stack: number[] = [] // 123 {, 91 [
  let depth = 0
  let keys = 0
  let expectKey = false
  let rootKey = ''
  let items: number[] | undefined
  let itemNext = false
  const arrays = new Map<string, number[]>()
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 10 || c === 13 || c === 9) continue
    if (itemNext && items) {
      items.push(i)
      itemNext = false
    }
    if (c === 34) {
      const start = i
      i = skipString(text, i) - 1 // the closing quote
      if (expectKey && stack[stack.length - 1] === 123) {
        keys++
        expectKey = false
        if (stack.length === 1) {
          rootKey = keyText(text, start, i + 1)
        }
      }
    } else if (c === 123 || c === 91) {
      stack.push(c)
      if (stack.length > depth) depth = stack.length
      expectKey = c === 123
      if (c === 91 && stack.length === 2 && stack[0] === 123) {
        items = []
        arrays.set(rootKey, items)
        itemNext = true
      }
    } else if (c === 125 || c === 93) {
      if (c === 93 && stack.length === 2 && items) {
        // An empty array: the "item" recorded at its closing bracket is none.
        if (items[items.length - 1] === i) items.pop()
        items = undefined
        itemNext = false
      }
      stack.pop()
    } else if (c === 44) {
      if (stack[stack.length - 1] === 123) expectKey = true
      else if (stack.length === 2 && items) itemNext = true
    }
  }
  return { depth, keys, arrays }
}

/**
 * How many keys the objects of parsed JSON data have, all together, and how deeply objects
 * and arrays nest (the root container is depth 1; 0 for a scalar).
 */
export function shapeOf(data: unknown): { keys: number; depth: number } {
  const shape = { keys: 0, depth: 0 }
  if (data !== null && typeof data === 'object') walkShape(data, 1, shape)
  return shape
}

/** Below this depth a value is walked by recursion (quicker); deeper, by a stack of its own. */
const RECURSE_TO = 200

function walkShape(value: object, at: number, shape: { keys: number; depth: number }): void {
  if (at > RECURSE_TO) {
    walkShapeDeep(value, at, shape)
    return
  }
  if (at > shape.depth) shape.depth = at
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (item !== null && typeof item === 'object') walkShape(item, at + 1, shape)
    }
    return
  }
  for (const key in value) {
    shape.keys++
    const item: unknown = (value as Record<string, unknown>)[key]
    if (item !== null && typeof item === 'object') walkShape(item, at + 1, shape)
  }
}

/** `walkShape` for hostile nesting: two stacks side by side, no pair allocated per value. */
function walkShapeDeep(root: object, rootAt: number, shape: { keys: number; depth: number }): void {
  const values: object[] = [root]
  const depths: number[] = [rootAt]
  while (values.length > 0) {
    const value = values.pop() as object
    const at = depths.pop() as number
    if (at > shape.depth) shape.depth = at
    if (Array.isArray(value))
      for (const item of value) {
        if (item !== null && typeof item === 'object') {
          values.push(item)
          depths.push(at + 1)
        }
      }
    else
      for (const key in value) {
        shape.keys++
        const item: unknown = (value as Record<string, unknown>)[key]
        if (item !== null && typeof item === 'object') {
          values.push(item)
          depths.push(at + 1)
        }
      }
  }
}

/** JSON's white space: space, tab, line feed, carriage return. */
const isJsonSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * How many keys JSON text that JSON.parse accepted writes. Each colon is found by indexOf
 * (one character: the quickest search) and judged by what precedes it:
 *
 * - a quote that no odd run of backslashes escapes either closes a key or opens a string
 *   that begins with a colon. Only `{`, `[`, `,`, `:` or white space precede an opening
 *   quote: after any other character it closes a key; after one of these (a key may end
 *   with one too) it cannot be told here;
 * - white space, then a quote: a key written with space before its colon, or a string that
 *   holds such text — it cannot be told here;
 * - anything else: the colon is inside a string.
 *
 * Where it cannot be told, the one pass of `scanJson` counts instead.
 */
export function countWrittenKeys(text: string): number {
  let count = 0
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let quote = at - 1
    if (text.charCodeAt(quote) !== 34) {
      while (isJsonSpace(text.charCodeAt(quote))) quote--
      if (quote < at - 1 && text.charCodeAt(quote) === 34) return scanJson(text).keys
      continue
    }
    if (escaped(text, quote)) continue
    const before = text.charCodeAt(quote - 1)
    const mayOpen =
      quote === 0 ||
      before === 123 ||
      before === 91 ||
      before === 44 ||
      before === 58 ||
      isJsonSpace(before)
    if (mayOpen) return scanJson(text).keys
    count++
  }
  return count
}

/** The node at `path`, or the deepest one that exists on the way, with how deep it got. */
export function jsonNodeAt(
  root: JsonNode,
  path: readonly PropertyKey[],
): { node: JsonNode; depth: number } {
  let node = root
  let depth = 0
  for (const key of path) {
    const next = node.keys
      ? node.keys.get(String(key))?.value
      : node.items && typeof key === 'number'
        ? node.items[key]
        : undefined
    if (!next) break
    node = next
    depth++
  }
  return { node, depth }
}

/**
 * The way to the value at `path`, inside the value that starts at `from` in JSON text
 * JSON.parse has accepted without a repeated key: where the deepest value on the way that
 * exists starts (the value itself when every step is there, as `jsonNodeAt` finds it), and
 * where its key is when it is an object's member. Only the way there is read and nothing
 * is built: a finding about one field of one entry among a million costs a walk through
 * that entry.
 */
function walkJson(
  text: string,
  from: number,
  path: readonly PropertyKey[],
): { at: number; key?: [number, number]; all: boolean } {
  let i = skipSpace(text, from)
  let at = i
  let key: [number, number] | undefined
  /** Past the value at `i` and the comma after it; false at the end of its container. */
  const next = (): boolean => {
    i = skipSpace(text, skipValue(text, i))
    if (text.charCodeAt(i) !== 44) return false
    i = skipSpace(text, i + 1)
    return true
  }
  for (const step of path) {
    const open = text.charCodeAt(i)
    let found = false
    key = undefined
    i = skipSpace(text, i + 1)
    if (open === 123) {
      // Members until the key (JSON.parse accepted the text: each key is there once).
      while (text.charCodeAt(i) === 34) {
        const keyStart = i
        i = skipString(text, i)
        const keyEnd = i
        const name = keyText(text, keyStart, keyEnd)
        i = skipSpace(text, skipSpace(text, i) + 1) // past the colon
        if (name === String(step)) {
          found = true
          key = [keyStart, keyEnd]
          break
        }
        if (!next()) break
      }
    } else if (open === 91 && typeof step === 'number')
      for (let k = 0; i < text.length && text.charCodeAt(i) !== 93; k++) {
        if (k === step) {
          found = true
          break
        }
        if (!next()) break
      }
    if (!found) return { at, all: false }
    at = i
  }
  return key ? { at, key, all: true } : { at, all: true }
}

/** Where the value at `path` starts (see `walkJson`): `jsonNodeAt(…).node.start`, walked. */
export function jsonOffsetAt(text: string, from: number, path: readonly PropertyKey[]): number {
  return walkJson(text, from, path).at
}

/**
 * [start, end) of the value at `path`, or of its key (`target: 'key'`, an object's member),
 * or of the deepest value on the way that exists — as the index would say, walked.
 */
export function jsonRangeAt(
  text: string,
  from: number,
  path: readonly PropertyKey[],
  target = 'value',
): number[] {
  const { at, key, all } = walkJson(text, from, path)
  if (target === 'key' && all && key) return key
  return [at, skipValue(text, at)]
}

/** Offsets at which lines start, for YAML's LineCounter (the same numbering as the YAML road). */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let at = text.indexOf('\n')
  while (at !== -1) {
    starts.push(at + 1)
    at = text.indexOf('\n', at + 1)
  }
  return starts
}
