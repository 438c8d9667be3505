// The quick road for YAML in the plain block style — what `reformkit import` and
// `yaml.stringify` write and what a person types: maps and lists by indentation, keys that
// are words, each value on its key's line (plain, quoted, a one-line flow list or map such
// as `[a, b]` or `{ path: files/a.pdf }`) or a simple `|` / `>` block under it. Such a file
// is read here line by line, 10–12× faster than the `yaml` package. Anything else —
// anchors, tags, a value continued on the next line, a flow collection over lines, a
// repeated key, a tab — gives undefined, and the full road reads the file and says what
// is wrong. A property test holds this reader to the `yaml` package: the same data and
// item positions, or undefined.

/** What the quick road read, with where each item of a top-level list starts. */
export interface SimpleYaml {
  data: unknown
  /** Top-level key → line and column (1-based) of each item of the list under it. */
  items: Map<string, Array<{ line: number; column: number }>>
}

interface Line {
  /** 1-based line number in the text. */
  line: number
  indent: number
  content: string
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

/** The data of `text` if it is plain block YAML, else undefined. */
export function readSimpleYaml(text: string, maxDepth = 64): SimpleYaml | undefined {
  if (text.includes('\t')) return undefined
  const lines: Line[] = []
  const raws: string[] = []
  let number = 0
  let from = 0
  while (from <= text.length) {
    let to = text.indexOf('\n', from)
    if (to < 0) to = text.length
    number++
    let raw = text.slice(from, to)
    // \r\n ends a line as \n does; a \r anywhere else is the full road's.
    if (to < text.length && raw.endsWith('\r')) raw = raw.slice(0, -1)
    from = to + 1
    if (raw.includes('\r')) return undefined
    raws.push(raw)
    let indent = 0
    while (raw.charCodeAt(indent) === 32) indent++
    const content = raw.slice(indent)
    if (content === '' || content.startsWith('#')) continue
    // Directives, document markers and indented roots are the full parser's.
    if (content.startsWith('%') || content.startsWith('---') || content.startsWith('...'))
      return undefined
    lines.push({ line: number, indent, content: spacesOff(content) })
  }
  if (lines.length === 0 || lines[0]?.indent !== 0) return undefined
  const items = new Map<string, Array<{ line: number; column: number }>>()
  let at = 0

  const node = (
    indent: number,
    depth: number,
    starts?: Array<{ line: number; column: number }>,
  ): unknown => {
    if (depth > maxDepth) throw notSimple
    const first = lines[at] as Line
    return isItem(first.content) ? sequence(indent, depth, starts) : map(indent, depth)
  }

  const sequence = (
    indent: number,
    depth: number,
    starts?: Array<{ line: number; column: number }>,
  ): unknown[] => {
    const out: unknown[] = []
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
        lines[at] = { line: line.line, indent: inner, content: rest }
        out.push(node(inner, depth + 1))
      } else {
        out.push(scalar(rest))
        at++
        if ((lines[at]?.indent ?? 0) > indent) throw notSimple
      }
    }
    if ((lines[at]?.indent ?? 0) > indent) throw notSimple
    return out
  }

  const map = (indent: number, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (let line = lines[at]; line && line.indent === indent; line = lines[at]) {
      if (isItem(line.content)) break
      const match = KEY.exec(line.content)
      const key = match?.[1]
      if (!key || RESERVED_KEY.test(key) || Object.hasOwn(out, key)) throw notSimple
      const value = match[2] ?? ''
      at++
      const block = BLOCK.exec(value)
      if (block) {
        out[key] = blockScalar(line, block[1] as string, block[2] as string)
        continue
      }
      if (value !== '' && !value.startsWith('#')) {
        out[key] = scalar(value)
        if ((lines[at]?.indent ?? 0) > indent) throw notSimple
        continue
      }
      const next = lines[at]
      const starts = depth === 0 ? [] : undefined
      if (next && next.indent > indent) out[key] = node(next.indent, depth + 1, starts)
      // A list may sit at its key's own indent (`key:` then `- a` below it).
      else if (next && next.indent === indent && isItem(next.content))
        out[key] = sequence(indent, depth + 1, starts)
      else out[key] = null
      if (starts && starts.length > 0) items.set(key, starts)
    }
    if ((lines[at]?.indent ?? 0) > indent) throw notSimple
    return out
  }

  /**
   * A literal (`|`) or folded (`>`) value under `key`, kept simple: no blank line inside,
   * no `+`, a folded one with no line indented further. Its lines are the raw text's
   * (a `#` there is text, not a comment).
   */
  const blockScalar = (key: Line, style: string, chomp: string): string => {
    if (chomp === '+') throw notSimple
    const body: string[] = []
    let blockIndent = -1
    let last = key.line
    for (let i = key.line; i < raws.length; i++) {
      const raw = raws[i] as string
      let indent = 0
      while (raw.charCodeAt(indent) === 32) indent++
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
    const text = body.join(style === '|' ? '\n' : ' ')
    // Clipped, it keeps one line break (even at the very end of the text).
    return chomp === '-' ? text : `${text}\n`
  }

  try {
    const data = node(0, 0)
    return at === lines.length ? { data, items } : undefined
  } catch (error) {
    if (error === notSimple) return undefined
    throw error
  }
}

/** Without its trailing spaces: only the space is white space to YAML here (not U+3000). */
const spacesOff = (text: string) => text.replace(/ +$/, '')
const isItem = (content: string) => content === '-' || content.startsWith('- ')

/** A value written on its key's line, as the YAML 1.2 core schema reads it. */
function scalar(text: string): unknown {
  const first = text[0] as string
  if (first === '"' || first === "'") return quoted(text)
  if (first === '[' || first === '{') return flow(text)
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

/** A quoted value on one line; a YAML escape JSON does not have is the full road's. */
function quoted(text: string): string {
  const mark = text[0] as string
  let end = 1
  if (mark === '"') {
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
  } else {
    for (;;) {
      end = text.indexOf("'", end)
      if (end < 0 || text[end + 1] !== "'") break
      end += 2
    }
  }
  if (end < 0 || end >= text.length || !TRAILING.test(text.slice(end + 1))) throw notSimple
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
 * full road's.
 */
function flow(text: string): unknown {
  let at = 0
  const spaces = () => {
    while (text[at] === ' ') at++
  }
  const value = (depth: number): unknown => {
    if (depth > 64) throw notSimple
    spaces()
    const open = text[at]
    if (open !== '[' && open !== '{') {
      const from = at
      while (at < text.length && !',]}'.includes(text[at] as string)) at++
      const plain = spacesOff(text.slice(from, at))
      if (plain === '' || /[[{"':]/.test(plain) || plain.includes(' #')) throw notSimple
      return scalar(plain)
    }
    at++
    const close = open === '[' ? ']' : '}'
    const list: unknown[] = []
    const map: Record<string, unknown> = {}
    spaces()
    if (text[at] === close) {
      at++
      return open === '[' ? list : map
    }
    for (;;) {
      if (open === '[') list.push(value(depth + 1))
      else {
        spaces()
        const key = FLOW_KEY.exec(text.slice(at))?.[1]
        if (!key || RESERVED_KEY.test(key) || Object.hasOwn(map, key)) throw notSimple
        at += key.length + 2
        map[key] = value(depth + 1)
      }
      spaces()
      if (text[at] === close) {
        at++
        return open === '[' ? list : map
      }
      if (text[at] !== ',') throw notSimple
      at++
    }
  }
  const out = value(0)
  if (!TRAILING.test(text.slice(at))) throw notSimple
  return out
}

/** A key in a flow map: a word, a colon and a space. */
const FLOW_KEY = /^([A-Za-z_][\w-]*): /
