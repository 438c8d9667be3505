import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLError,
} from 'yaml'
import { diagnosticFactory } from '../diagnostic/create.js'
import type { Diagnostic, Locale, SourceLocation } from '../diagnostic/diagnostic.js'
import { toJsonPointer } from '../diagnostic/diagnostic.js'
import { modelMessages, type TypeName, typeNames } from '../diagnostic/messages.js'
import {
  countWrittenKeys,
  indexJson,
  type JsonNode,
  type JsonScan,
  jsonNodeAt,
  jsonOffsetAt,
  jsonRangeAt,
  lineStarts,
  scanJson,
  shapeOf,
} from './json.js'
import { readSimpleYaml } from './simple-yaml.js'

export interface ParseSourceOptions {
  /** Shown in every location; relative paths read best. */
  filename?: string
  /** Language of the messages. Default zh-CN. */
  locale?: Locale
  /** Larger inputs are refused with a diagnostic before parsing. Default 16 MiB. */
  maxBytes?: number
  /** Deeper nesting is refused with a diagnostic. Default 64. */
  maxDepth?: number
  /** Alias expansions allowed when resolving `*alias` (guards against alias bombs). Default 100. */
  maxAliasCount?: number
  /**
   * Read text that JSON.parse accepts with JSON.parse (fast; locations from one scan).
   * Default true; false reads everything as YAML.
   */
  json?: boolean
}

/** YAML or JSON text, parsed, with a way back from a data path to the text. */
export interface ParsedSource {
  filename?: string
  /** The data; undefined when the text could not be parsed. */
  data: unknown
  /** Syntax and resource problems found while parsing. */
  diagnostics: Diagnostic[]
  /**
   * Location of the value at `path` (or of its key, for `target: 'key'`). A path that
   * does not exist resolves to the nearest existing ancestor; the JSON pointer is always
   * the path asked for.
   */
  locate(path: readonly PropertyKey[], target?: 'value' | 'key'): SourceLocation
  /**
   * Line and column where the value at `path` starts, or undefined where the text has no
   * position (unparsed input). The cheap form of `locate` for callers that record the
   * position of every field of many records.
   */
  position?(path: readonly PropertyKey[]): { line: number; column: number } | undefined
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024
export const DEFAULT_MAX_DEPTH = 64
const DEFAULT_MAX_ALIAS_COUNT = 100

/** The type name of a value, as messages show it. */
export function typeOf(value: unknown): TypeName {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  const type = typeof value
  // NaN and ±Infinity are numbers to JavaScript, not to a reader ("expected a number, got a number").
  if (type === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : 'infinity'
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined')
    return type
  return 'object'
}

/**
 * The key written at `at` (where YAML reports a duplicate key): quoted or plain, up to its
 * colon, as the reader wrote it — never a single character of it.
 */
function keyAt(body: string, at: number): string | undefined {
  const line = body.slice(at, body.indexOf('\n', at) < 0 ? undefined : body.indexOf('\n', at))
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^:,{}[\]\s][^:,{}[\]]*?))\s*:/.exec(
    line,
  )
  const key = match?.[1] ?? match?.[2]?.replace(/''/g, "'") ?? match?.[3]?.trim()
  return key || undefined
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

/** 3.0 GiB, 1.5 MiB, 12 KiB: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`
}

/**
 * Whether `value` nests deeper than `limit`. By recursion, which stops one level past the
 * limit whatever the data (so never deeper than `limit + 1` frames), and allocates nothing:
 * it runs on every file a small project reads, before V8 has optimised anything.
 */
function depthExceeds(value: unknown, limit: number, depth = 1): boolean {
  if (value === null || typeof value !== 'object') return false
  if (depth > limit) return true
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (depthExceeds(value[i], limit, depth + 1)) return true
    return false
  }
  for (const key in value)
    if (
      Object.hasOwn(value, key) &&
      depthExceeds((value as Record<string, unknown>)[key], limit, depth + 1)
    )
      return true
  return false
}

/**
 * Parse YAML 1.2 or JSON text into data plus located diagnostics. JSON that JSON.parse
 * accepts (without repeated keys) is read by it, many times faster; everything else is read
 * as YAML, of which JSON is a subset. Never throws: every problem, including hostile input,
 * becomes a diagnostic.
 */
export function parseSource(text: string, options: ParseSourceOptions = {}): ParsedSource {
  const locale = options.locale ?? 'zh-CN'
  const report = diagnosticFactory(modelMessages, locale)
  const file = options.filename
  const at = (location: Omit<SourceLocation, 'file'>): SourceLocation =>
    file === undefined ? location : { file, ...location }
  const unlocated: ParsedSource['locate'] = (path) => at({ path: toJsonPointer(path) })
  const fail = (diagnostic: Diagnostic): ParsedSource => ({
    ...(file === undefined ? {} : { filename: file }),
    data: undefined,
    diagnostics: [diagnostic],
    locate: unlocated,
  })

  if (typeof text !== 'string') {
    return fail(
      report({
        ruleId: 'source/not-text',
        data: { received: typeNames[typeOf(text)] },
        location: at({}),
      }),
    )
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (text.length > maxBytes / 3) {
    const size = utf8Length(text)
    if (size > maxBytes) {
      return fail(
        report({
          ruleId: 'source/too-large',
          data: { size: formatBytes(size), limit: formatBytes(maxBytes) },
          location: at({}),
        }),
      )
    }
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text

  const lineCounter = new LineCounter()
  // The `yaml` parser counts lines as it reads; the other roads count them from the text
  // when a location is first asked for.
  let counted = false
  const countLines = () => {
    if (counted) return
    counted = true
    for (const start of lineStarts(body)) lineCounter.addNewLine(start)
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  // Built property by property, in the order every location has: spreading objects of
  // changing shapes costs microseconds a finding, seconds on a ledger whose every entry has
  // one.
  const rangeLocation = (
    range: readonly number[] | null | undefined,
    path: readonly PropertyKey[],
  ): SourceLocation => {
    const location: SourceLocation = file === undefined ? {} : { file }
    if (range) {
      const start = lineCounter.linePos(range[0] ?? 0)
      const end = lineCounter.linePos(range[1] ?? range[0] ?? 0)
      location.line = start.line
      location.column = start.col
      location.endLine = end.line
      location.endColumn = end.col
    }
    location.path = toJsonPointer(path)
    return location
  }

  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
  const tooDeep = () =>
    report({
      ruleId: 'source/too-deep',
      data: { limit: maxDepth },
      location: at({ line: 1, column: 1 }),
    })
  const base = (locate: ParsedSource['locate']) => ({
    ...(file === undefined ? {} : { filename: file }),
    locate,
  })

  // JSON (what programs and exports write) takes the fast road when JSON.parse accepts it.
  if (options.json !== false && /^\s*[[{]/.test(body.slice(0, 64))) {
    const fast = readJson(body)
    if (fast) {
      // The index of every value is built only when a location is first asked for.
      let index: JsonNode | undefined
      const full = () => {
        index ??= indexJson(body)?.root ?? { start: 0, end: body.length }
        return index
      }
      // An item of a root array (a ledger entry) is where one pass found it, made when a
      // location is first asked for; a value inside one is walked to from there, so that a
      // finding about an entry never indexes the whole text, nor even the entry.
      let arrays: JsonScan['arrays'] | undefined
      const itemStart = (path: readonly PropertyKey[]): number | undefined => {
        arrays ??= scanJson(body).arrays
        const items = path.length >= 2 ? arrays.get(String(path[0])) : undefined
        return typeof path[1] === 'number' ? items?.[path[1]] : undefined
      }
      const locate: ParsedSource['locate'] = (path, target) => {
        countLines()
        const start = itemStart(path)
        const range =
          start === undefined
            ? rangeIn(full(), path, target)
            : jsonRangeAt(body, start, path.slice(2), target)
        return rangeLocation(range, path)
      }
      const positionAt = (path: readonly PropertyKey[]) => {
        countLines()
        const start = itemStart(path)
        if (start === undefined) return position(jsonNodeAt(full(), path).node.start)
        return position(path.length === 2 ? start : jsonOffsetAt(body, start, path.slice(2)))
      }
      if (fast.depth > maxDepth)
        return { ...base(locate), data: undefined, diagnostics: [tooDeep()] }
      return { ...base(locate), position: positionAt, data: fast.data, diagnostics: [] }
    }
  }

  // Plain block YAML — what reformkit writes and people type — takes a quick road. A small
  // file (a district's ledger file, its plan) is read placing every value at once: reading
  // it again to place its first finding would cost more. A large one is read again, placing
  // every value, when a location inside it is first asked for. The full parser runs only
  // where the quick road declines (comment lines under a null).
  const placeNow = body.length <= PLACE_AT_ONCE
  const quick =
    (placeNow ? readSimpleYaml(body, maxDepth, true) : undefined) ?? readSimpleYaml(body, maxDepth)
  if (quick && !depthExceeds(quick.data, maxDepth)) {
    let road: ParsedSource | undefined
    let root: JsonNode | null | undefined = quick.root
    const placed = () => {
      root ??= readSimpleYaml(body, maxDepth, true)?.root ?? null
      if (root) countLines()
      return root
    }
    const full = () => {
      road ??= yamlRoad()
      return road
    }
    const locate: ParsedSource['locate'] = (path, target) => {
      const at = placed()
      return at ? rangeLocation(rangeIn(at, path, target), path) : full().locate(path, target)
    }
    // An item of a top-level list (a ledger entry) is where the quick road saw it start.
    const positionAt = (path: readonly PropertyKey[]) => {
      const i = path.length === 2 && typeof path[1] === 'number' ? path[1] : -1
      const item = quick.items.get(String(path[0]))?.[i]
      if (item) return item
      const at = placed()
      return at ? position(jsonNodeAt(at, path).node.start) : full().position?.(path)
    }
    return { ...base(locate), position: positionAt, data: quick.data, diagnostics: [] }
  }
  return yamlRoad()

  function yamlRoad(): ParsedSource {
    try {
      const doc = parseDocument(body, {
        lineCounter,
        uniqueKeys: true,
        prettyErrors: false,
        keepSourceTokens: false,
      })
      const diagnostics: Diagnostic[] = []
      const fromYamlError = (error: YAMLError, severity: 'error' | 'warning') => {
        const location = rangeLocation(error.pos, [])
        delete location.path
        const detail = error.message.split('\n')[0] ?? error.code
        if (error.code === 'DUPLICATE_KEY') {
          const key = keyAt(body, error.pos[0]) ?? detail
          return report({ ruleId: 'source/duplicate-key', severity, data: { key }, location })
        }
        if (error.code === 'TAB_AS_INDENT') {
          return report({ ruleId: 'source/tab-indent', severity, location })
        }
        return report({
          ruleId: 'source/syntax',
          severity,
          data: { code: error.code, detail },
          location,
        })
      }
      // Flow collections nested thousands deep overflow the composer's stack: that is the
      // nesting limit, said once where it happened, not what the parser reports as the stack
      // unwinds (the same indentation error, once a level).
      const overflow = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION')
      if (overflow) {
        const location = rangeLocation(overflow.pos, [])
        delete location.path
        return fail(report({ ruleId: 'source/too-deep', data: { limit: maxDepth }, location }))
      }
      // One finding for an error the parser reports more than once at the same place.
      const said = new Set<string>()
      for (const [problems, severity] of [
        [doc.errors, 'error'],
        [doc.warnings, 'warning'],
      ] as const)
        for (const problem of problems) {
          const key = `${problem.code} ${problem.pos[0]} ${problem.message}`
          if (said.has(key)) continue
          said.add(key)
          diagnostics.push(fromYamlError(problem, severity))
        }

      const nodeAt = (path: readonly PropertyKey[]): { node: Node | null; depth: number } => {
        let node: unknown = doc.contents
        let depth = 0
        for (const key of path) {
          let next: unknown
          if (isMap(node))
            next = node.items.find(
              (pair) => isScalar(pair.key) && String(pair.key.value) === String(key),
            )?.value
          else if (isSeq(node) && typeof key === 'number') next = node.items[key]
          if (next === undefined || next === null) break
          node = next
          depth++
        }
        return { node: (node as Node | null) ?? null, depth }
      }
      const locate: ParsedSource['locate'] = (path, target = 'value') => {
        if (target === 'key' && path.length > 0) {
          const parent = nodeAt(path.slice(0, -1))
          const name = String(path[path.length - 1])
          if (parent.depth === path.length - 1 && isMap(parent.node)) {
            const pair = parent.node.items.find(
              (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name,
            )
            if (pair && isScalar(pair.key)) return rangeLocation(pair.key.range, path)
          }
        }
        return rangeLocation(nodeAt(path).node?.range, path)
      }

      if (doc.errors.length > 0) return { ...base(locate), data: undefined, diagnostics }
      if (doc.contents === null) {
        return {
          ...base(locate),
          data: undefined,
          diagnostics: [
            ...diagnostics,
            report({ ruleId: 'source/empty', location: at({ line: 1, column: 1 }) }),
          ],
        }
      }
      let data: unknown
      try {
        data = doc.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT })
      } catch (error) {
        if (error instanceof ReferenceError && /alias/i.test(error.message)) {
          diagnostics.push(
            report({ ruleId: 'source/alias-limit', location: at({ line: 1, column: 1 }) }),
          )
          return { ...base(locate), data: undefined, diagnostics }
        }
        throw error
      }
      if (depthExceeds(data, maxDepth)) {
        diagnostics.push(tooDeep())
        return { ...base(locate), data: undefined, diagnostics }
      }
      const positionAt = (path: readonly PropertyKey[]) => {
        const range = nodeAt(path).node?.range
        return range ? position(range[0]) : undefined
      }
      return { ...base(locate), position: positionAt, data, diagnostics }
    } catch (error) {
      if (error instanceof RangeError) {
        return fail(
          report({
            ruleId: 'source/too-deep',
            data: { limit: maxDepth },
            location: at({}),
          }),
        )
      }
      const detail = error instanceof Error ? error.message : String(error)
      return fail(report({ ruleId: 'source/internal', data: { detail }, location: at({}) }))
    }
  }
}

/**
 * [start, end) of the value at `path` (or of its key), or of the nearest value on the way
 * there that exists.
 */
function rangeIn(root: JsonNode, path: readonly PropertyKey[], target = 'value'): number[] {
  if (target === 'key' && path.length > 0) {
    const parent = jsonNodeAt(root, path.slice(0, -1))
    const key =
      parent.depth === path.length - 1
        ? parent.node.keys?.get(String(path[path.length - 1]))
        : undefined
    if (key) return [key.start, key.end]
  }
  const { node } = jsonNodeAt(root, path)
  return [node.start, node.end]
}

/** Up to this many characters, a YAML file's values are placed as it is read (quick road). */
const PLACE_AT_ONCE = 64 * 1024

/**
 * JSON text as data, with how deeply it nests; undefined when JSON.parse refuses it or an
 * object repeats a key (JSON.parse keeps the last silently; the YAML road reports it).
 */
function readJson(text: string): { data: unknown; depth: number } | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  const { keys, depth } = shapeOf(data)
  return countWrittenKeys(text) === keys ? { data, depth } : undefined
}
