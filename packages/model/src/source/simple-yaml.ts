// The quick road for YAML in the plain block style — what `reformkit import` and
// `yaml.stringify` write and what a person types: maps and lists by indentation, keys that
// are words, each value on its key's line (plain, quoted, a one-line flow list or map such
// as `[a, b]` or `{ path: files/a.pdf }`) or a simple `|` / `>` block under it. Such a file
// is read here line by line, 10–12× faster than the `yaml` package. Anything else —
// anchors, tags, a value continued on the next line, a flow collection over lines, a
// repeated key, a tab — gives undefined, and the full road reads the file and says what
// is wrong. Asked to, it also places every value and key as the `yaml` package does
// (its node ranges, comment lines included), so that a finding is located without the
// full parse. A property test holds this reader to the `yaml` package: the same data,
// item positions and ranges, or undefined.

import type { JsonNode } from './json.js'

/** What the quick road read, with where each item of a top-level list starts. */
export interface SimpleYaml {
  data: unknown
  /** Top-level key → line and column (1-based) of each item of the list under it. */
  items: Map<string, Array<{ line: number; column: number }>>
  /** Where every value and key is, when asked for: the `yaml` package's ranges. */
  root?: JsonNode
}

interface Line {
  /** 1-based line number in the text. */
  line: number
  indent: number
  content: string
  /** Offset of the line's first character in the text. */
  offset: number
}

/**
 * A value's place: [start, end) as `yaml` gives it (`range[0]`, `range[1]`), and `after`,
 * where its node ends (`range[2]`): past its line break and the comment lines under it.
 */
interface Placed extends JsonNode {
  after: number
}

/** A collection being read, for the comment lines that end it. */
interface Open {
  indent: number
  seq: boolean
  /** Where the comment lines after its last value end, when they belong to it. */
  comments?: number
}

/** Thrown inside the reader when the text leaves the subset: the full road takes over. */
class NotSimple extends Error {}
const notSimple = new NotSimple()

const KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/
const INT = /^[-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/
/** Plain scalars the core schema reads as something this reader does not: hex, octal, ∞. */
const OTHER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
const INDICATOR = new Set([...'[]{}#&*!|>\'"%@`,'])
const TRAILING = /^ *(?: #.*)?$/
const BLOCK = /^([|>])([-+]?)(?: +#.*)?$/

/**
 * The data of `text` if it is plain block YAML, else undefined; with `place`, also where
 * each value and key is (undefined, too, where the comment lines are placed in a way this
 * reader does not follow).
 */
export function readSimpleYaml(text: string, maxDepth = 64, place = false): SimpleYaml | undefined {
  if (text.includes('\t')) return undefined
  const lines: Line[] = []
  const raws: string[] = []
  /** Where each line starts; the one past the last is the text's end. */
  const lineOffsets: number[] = []
  let number = 0
  let from = 0
  while (from <= text.length) {
    let to = text.indexOf('\n', from)
    if (to < 0) to = text.length
    number++
    let raw = text.slice(from, to)
    // \r\n ends a line as \n does; a \r anywhere else is the full road's.
    if (to < text.length && raw.endsWith('\r')) raw = raw.slice(0, -1)
    lineOffsets.push(from)
    const offset = from
    from = to + 1
    if (raw.includes('\r')) return undefined
    raws.push(raw)
    const indent = indentOf(raw)
    const content = raw.slice(indent)
    if (content === '' || content.startsWith('#')) continue
    // Directives, document markers and indented roots are the full parser's.
    if (content.startsWith('%') || content.startsWith('---') || content.startsWith('...'))
      return undefined
    lines.push({ line: number, indent, content: spacesOff(content), offset })
  }
  if (lines.length === 0 || lines[0]?.indent !== 0) return undefined
  const items = new Map<string, Array<{ line: number; column: number }>>()
  let at = 0
  /** Past the break of (1-based) line `line`. */
  const lineEnd = (line: number) => lineOffsets[line] ?? text.length
  /** Collections being read, outermost first (only when placing). */
  const open: Open[] = []
  /** Where the value just read is (only when placing). */
  let placed: Placed = { start: 0, end: 0, after: 0 }

  /**
   * The comment lines between the value just read (on line `line`) and the next content,
   * as `yaml` takes them: one indented past the value's collection belongs to the value
   * (with the blank lines before it); from the first one that is not, they wait for the
   * next content. A collection that content closes ends with them, unless it is at the
   * left margin or every one of them is left of it (then they go to the one around it).
   */
  const trail = (line: number) => {
    const next = lines[at]
    const end = next?.line ?? raws.length + 1
    let deepest = -1
    for (let i = line + 1; i < end; i++) {
      const raw = raws[i - 1] as string
      const indent = indentOf(raw)
      if (indent === raw.length) continue
      if (deepest < 0 && indent > (open[open.length - 1] as Open).indent) placed.after = lineEnd(i)
      else deepest = Math.max(deepest, indent)
    }
    for (let k = open.length - 1; deepest >= 0 && k >= 0; k--) {
      const collection = open[k] as Open
      const closed =
        !next ||
        next.indent < collection.indent ||
        (next.indent === collection.indent && collection.seq && !isItem(next.content))
      if (!closed) return
      if (collection.indent > 0 && deepest >= collection.indent) {
        collection.comments = next ? next.offset + next.indent : text.length
        return
      }
    }
  }

  const node = (
    indent: number,
    depth: number,
    starts?: Array<{ line: number; column: number }>,
  ): unknown => {
    if (depth > maxDepth) throw notSimple
    const first = lines[at] as Line
    return isItem(first.content) ? sequence(indent, depth, starts) : map(indent, depth)
  }

  /** A collection read: placed from its first line to its last value's end. */
  const close = (self: Open, start: number, children: Pick<JsonNode, 'keys' | 'items'>) => {
    open.pop()
    const end = placed.after
    placed = { start, end, after: self.comments ?? end, ...children }
  }

  /**
   * A value on its key's (or its dash's) line `line`, from `start`: read, and placed with
   * the comments after it when placing.
   */
  const oneLine = (value: string, start: number, line: number): unknown => {
    if (!place) return scalar(value)
    const first = value[0]
    let data: unknown
    if (first === '[' || first === '{') {
      const read = flow(value, start)
      data = read.data
      placed = { ...(read.node as JsonNode), after: 0 }
    } else {
      data = scalar(value)
      placed = { start, end: start + writtenLength(value), after: 0 }
    }
    placed.after = lineEnd(line)
    trail(line)
    return data
  }

  const sequence = (
    indent: number,
    depth: number,
    starts?: Array<{ line: number; column: number }>,
  ): unknown[] => {
    const out: unknown[] = []
    const self: Open = { indent, seq: true }
    const nodes: JsonNode[] = []
    const first = lines[at] as Line
    if (place) open.push(self)
    for (let line = lines[at]; line && line.indent === indent; line = lines[at]) {
      if (!isItem(line.content)) break
      if (line.content === '-') throw notSimple
      let rest = line.content.slice(2)
      let inner = indent + 2
      while (rest.startsWith(' ')) {
        rest = rest.slice(1)
        inner++
      }
      starts?.push({ line: line.line, column: inner + 1 })
      if (isItem(rest) || KEY.test(rest)) {
        // `- key: value` or `- - a`: a map or list whose first line is this one, from there.
        lines[at] = { line: line.line, indent: inner, content: rest, offset: line.offset }
        out.push(node(inner, depth + 1))
      } else {
        at++
        out.push(oneLine(rest, line.offset + inner, line.line))
        if ((lines[at]?.indent ?? 0) > indent) throw notSimple
      }
      if (place) nodes.push(placed)
    }
    if ((lines[at]?.indent ?? 0) > indent) throw notSimple
    if (place) close(self, first.offset + first.indent, { items: nodes })
    return out
  }

  const map = (indent: number, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    const self: Open = { indent, seq: false }
    const keys: NonNullable<JsonNode['keys']> = new Map()
    const first = lines[at] as Line
    if (place) open.push(self)
    for (let line = lines[at]; line && line.indent === indent; line = lines[at]) {
      if (isItem(line.content)) break
      const match = KEY.exec(line.content)
      const key = match?.[1]
      if (!key || RESERVED_KEY.test(key) || Object.hasOwn(out, key)) throw notSimple
      const value = match[2] ?? ''
      const start = line.offset + line.indent
      const valueStart = start + line.content.length - value.length
      at++
      const block = BLOCK.exec(value)
      if (block) {
        out[key] = blockScalar(line, block[1] as string, block[2] as string, valueStart)
      } else if (value !== '' && !value.startsWith('#')) {
        out[key] = oneLine(value, valueStart, line.line)
        if ((lines[at]?.indent ?? 0) > indent) throw notSimple
      } else {
        const next = lines[at]
        const starts = depth === 0 ? [] : undefined
        if (next && next.indent > indent) out[key] = node(next.indent, depth + 1, starts)
        // A list may sit at its key's own indent (`key:` then `- a` below it).
        else if (next && next.indent === indent && isItem(next.content))
          out[key] = sequence(indent, depth + 1, starts)
        else {
          out[key] = null
          if (place) placeNull(line, key)
        }
        if (starts && starts.length > 0) items.set(key, starts)
      }
      if (place) keys.set(key, { start, end: start + key.length, value: placed })
    }
    if ((lines[at]?.indent ?? 0) > indent) throw notSimple
    if (place) close(self, first.offset + first.indent, { keys })
    return out
  }

  /**
   * Nothing after `key:`: `yaml` puts the null past the colon and the spaces after it. A
   * comment there ends the node where the next content starts. Comment lines under a null,
   * or blank lines after such a comment, are shared between it and what follows by rules of
   * their own: the full road places them.
   */
  const placeNull = (line: Line, key: string) => {
    const raw = raws[line.line - 1] as string
    let column = line.indent + key.length + 1
    while (raw.charCodeAt(column) === 32) column++
    const start = line.offset + column
    const next = lines[at]
    const end = next?.line ?? raws.length + 1
    for (let i = line.line; i < end - 1; i++)
      if ((raws[i] as string).trimStart().startsWith('#')) throw notSimple
    let after = start
    if (column < raw.length) {
      if (!next) after = text.length
      else if (end === line.line + 1) after = next.offset + next.indent
      else throw notSimple
    }
    placed = { start, end: start, after }
  }

  /**
   * A literal (`|`) or folded (`>`) value under `key`, kept simple: no blank line inside,
   * no `+`, a folded one with no line indented further. Its lines are the raw text's
   * (a `#` there is text, not a comment). Placed from its indicator at `start`.
   */
  const blockScalar = (key: Line, style: string, chomp: string, start: number): string => {
    if (chomp === '+') throw notSimple
    const body: string[] = []
    let blockIndent = -1
    let last = key.line
    for (let i = key.line; i < raws.length; i++) {
      const raw = raws[i] as string
      const indent = indentOf(raw)
      if (indent === raw.length) {
        body.push('')
        continue
      }
      if (indent <= key.indent) break
      if (blockIndent < 0) blockIndent = indent
      if (indent < blockIndent) throw notSimple
      body.push(raw.slice(blockIndent))
      last = i + 1
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop()
    if (body.length === 0 || body.includes('')) throw notSimple
    if (style === '>' && body.some((text) => text.startsWith(' '))) throw notSimple
    while ((lines[at]?.line ?? Number.POSITIVE_INFINITY) <= last) at++
    if ((lines[at]?.indent ?? 0) > key.indent) throw notSimple
    if (place) {
      placed = { start, end: lineEnd(last), after: lineEnd(last) }
      trail(last)
    }
    const text = body.join(style === '|' ? '\n' : ' ')
    // Clipped, it keeps one line break (even at the very end of the text).
    return chomp === '-' ? text : `${text}\n`
  }

  try {
    const data = node(0, 0)
    if (at !== lines.length) return undefined
    return place ? { data, items, root: placed } : { data, items }
  } catch (error) {
    if (error === notSimple) return undefined
    throw error
  }
}

/** How many spaces `raw` starts with. */
function indentOf(raw: string): number {
  let indent = 0
  while (raw.charCodeAt(indent) === 32) indent++
  return indent
}

/** Without its trailing spaces: only the space is white space to YAML here (not U+3000). */
const spacesOff = (text: string) =>
  text.charCodeAt(text.length - 1) === 32 ? text.replace(/ +$/, '') : text
const isItem = (content: string) => content === '-' || content.startsWith('- ')

/** A value written on its key's line, as the YAML 1.2 core schema reads it. */
function scalar(text: string): unknown {
  const first = text[0] as string
  if (first === '"' || first === "'") return quoted(text)
  if (first === '[' || first === '{') return flow(text).data
  if (INDICATOR.has(first)) throw notSimple
  if ((first === '-' || first === '?' || first === ':') && (text.length === 1 || text[1] === ' '))
    throw notSimple
  const comment = text.indexOf(' #')
  const plain = spacesOff(comment < 0 ? text : text.slice(0, comment))
  if (plain.includes(': ') || plain.endsWith(':')) throw notSimple
  if (plain === '~' || plain === 'null' || plain === 'Null' || plain === 'NULL') return null
  if (plain === 'true' || plain === 'True' || plain === 'TRUE') return true
  if (plain === 'false' || plain === 'False' || plain === 'FALSE') return false
  if (INT.test(plain)) return Number.parseInt(plain, 10)
  if (FLOAT.test(plain)) return Number.parseFloat(plain)
  if (OTHER.test(plain)) throw notSimple
  return plain
}

/** How long a quoted or plain value that `scalar` has read is as written (no comment). */
function writtenLength(text: string): number {
  if (text[0] === '"' || text[0] === "'") return closingQuote(text) + 1
  const comment = text.indexOf(' #')
  return spacesOff(comment < 0 ? text : text.slice(0, comment)).length
}

/** Where the quote that opens `text` closes (-1: it does not). */
function closingQuote(text: string): number {
  let end = 1
  if (text[0] === '"') {
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
    return end < text.length ? end : -1
  }
  for (;;) {
    end = text.indexOf("'", end)
    if (end < 0 || text[end + 1] !== "'") return end
    end += 2
  }
}

/** A quoted value on one line; a YAML escape JSON does not have is the full road's. */
function quoted(text: string): string {
  const mark = text[0] as string
  const end = closingQuote(text)
  if (end < 0 || !TRAILING.test(text.slice(end + 1))) throw notSimple
  const inner = text.slice(1, end)
  if (mark === "'") return inner.replaceAll("''", "'")
  if (/\\[^"\\/bfnrtu]/.test(inner)) throw notSimple
  try {
    return JSON.parse(`"${inner}"`) as string
  } catch {
    throw notSimple
  }
}

/**
 * A flow list or map on one line — `[a, b]`, `{ id: fgj, aliases: [发改局] }` — of plain
 * values, nested or not; quoted values, comments inside or lines that continue are the
 * full road's. Placed from `base`, when given, as `yaml` places it.
 */
function flow(text: string, base = -1): { data: unknown; node?: JsonNode } {
  const place = base >= 0
  let at = 0
  /** Where the value just read is (only when placing from `base`). */
  let node: JsonNode = { start: 0, end: 0 }
  const spaces = () => {
    while (text[at] === ' ') at++
  }
  const value = (depth: number): unknown => {
    if (depth > 64) throw notSimple
    spaces()
    const start = at
    const open = text[at]
    if (open !== '[' && open !== '{') {
      DELIMITER.lastIndex = at
      at = DELIMITER.exec(text)?.index ?? text.length
      const plain = spacesOff(text.slice(start, at))
      if (plain === '' || /[[{"':]/.test(plain) || plain.includes(' #')) throw notSimple
      if (place) node = { start: base + start, end: base + start + plain.length }
      return scalar(plain)
    }
    at++
    const close = open === '[' ? ']' : '}'
    const list: unknown[] = []
    const map: Record<string, unknown> = {}
    const items: JsonNode[] = []
    const keys: NonNullable<JsonNode['keys']> = new Map()
    const done = () => {
      at++
      if (place)
        node = { start: base + start, end: base + at, ...(open === '[' ? { items } : { keys }) }
      return open === '[' ? list : map
    }
    spaces()
    if (text[at] === close) return done()
    for (;;) {
      if (open === '[') {
        list.push(value(depth + 1))
        if (place) items.push(node)
      } else {
        spaces()
        FLOW_KEY.lastIndex = at
        const key = FLOW_KEY.exec(text)?.[1]
        if (!key || RESERVED_KEY.test(key) || Object.hasOwn(map, key)) throw notSimple
        const keyStart = base + at
        at += key.length + 2
        map[key] = value(depth + 1)
        if (place) keys.set(key, { start: keyStart, end: keyStart + key.length, value: node })
      }
      spaces()
      if (text[at] === close) return done()
      if (text[at] !== ',') throw notSimple
      at++
    }
  }
  const data = value(0)
  if (!TRAILING.test(text.slice(at))) throw notSimple
  return place ? { data, node } : { data }
}

/** A key in a flow map: a word, a colon and a space (matched where `lastIndex` says). */
const FLOW_KEY = /([A-Za-z_][\w-]*): /y
/** What ends a plain value in a flow collection (searched from `lastIndex`). */
const DELIMITER = /[,\]}]/g
