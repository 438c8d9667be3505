import type * as z from 'zod'
import { diagnosticFactory } from '../diagnostic/create.js'
import type { Diagnostic, Locale, LocalizedMessage, MessageData } from '../diagnostic/diagnostic.js'
import { modelMessages, typeNames } from '../diagnostic/messages.js'
import { ISO_DATE_PATTERN, isoDateHint } from '../period/period.js'
import { ID_PATTERN } from '../schema/plan.js'
import { closest } from '../util/closest.js'
import { type ParsedSource, typeOf } from './source.js'

/** Readable path of a field for messages: `items[3].responsible[4]` (0-based, as in the file). */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = ''
  for (const key of path)
    name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`
  return name || '(root)'
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/** Keys a schema accepts at `path`, read from zod's definition (for "did you mean"). */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's public definition objects
  let current: any = schema
  const unwrap = () => {
    while (current?._zod?.def) {
      const def = current._zod.def
      if (def.innerType) current = def.innerType
      else if (def.type === 'pipe') current = def.in
      else break
    }
  }
  for (const key of path) {
    unwrap()
    const def = current?._zod?.def
    if (def?.type === 'object') current = def.shape[key as string]
    else if (def?.type === 'array') current = def.element
    else return []
  }
  unwrap()
  const def = current?._zod?.def
  return def?.type === 'object' ? Object.keys(def.shape) : []
}

const formatHints: Record<string, LocalizedMessage> = {
  [String(ISO_DATE_PATTERN)]: isoDateHint,
  [String(ID_PATTERN)]: {
    zh: 'id 须以英文字母开头,只含字母、数字和 _ . -',
    en: 'an id starts with a letter and has only letters, digits and _ . -',
  },
}

function requirement(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): LocalizedMessage {
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
  if (issue.origin === 'string' && issue.code === 'too_small' && n <= 1)
    return { zh: '不能为空', en: 'must not be empty' }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return issue.code === 'too_small'
      ? { zh: `至少需要 ${n} 项`, en: `needs at least ${n} entr${n === 1 ? 'y' : 'ies'}` }
      : { zh: `最多 ${n} 项`, en: `takes at most ${n} entries` }
  }
  const inclusive = issue.inclusive !== false
  if (issue.code === 'too_small') {
    return inclusive
      ? { zh: `须不小于 ${n}`, en: `must be at least ${n}` }
      : { zh: `须大于 ${n}`, en: `must be greater than ${n}` }
  }
  return inclusive
    ? { zh: `须不大于 ${n}`, en: `must be at most ${n}` }
    : { zh: `须小于 ${n}`, en: `must be less than ${n}` }
}

/**
 * From how many objects zod's compiled checks pay: each object schema compiles its checks
 * (`new Function`) when it first parses, which costs more than checking a few hundred
 * objects without them — a district's plan of 15 items, a config, a sloppy entry or two.
 * Measured on Node 20: the example's `validate` 0.144 → 0.130 s without compiling; a plan of
 * 10,000 items 0.74 → 1.06 s without, so large data and much-used schemas still compile.
 */
const COMPILE_FROM = 256
const parses = new WeakMap<z.ZodType, number>()

/** Whether `data` holds at least `limit` objects and arrays (counting stops there). */
function holdsMany(data: unknown, limit: number): boolean {
  const stack = [data]
  let seen = 0
  while (stack.length > 0) {
    const value = stack.pop()
    if (value === null || typeof value !== 'object') continue
    if (++seen >= limit) return true
    for (const inner of Array.isArray(value) ? value : Object.values(value))
      if (inner !== null && typeof inner === 'object') stack.push(inner)
  }
  return false
}

/**
 * Validate parsed data with a zod schema. Every issue becomes a diagnostic located at the
 * offending node (or key), with a JSON pointer; a misspelt key gets a "did you mean".
 */
export function validateSource<S extends z.ZodType>(
  schema: S,
  source: ParsedSource,
  locale: Locale = 'zh-CN',
): { value?: z.output<S>; diagnostics: Diagnostic[] } {
  const count = (parses.get(schema) ?? 0) + 1
  if (count <= COMPILE_FROM) parses.set(schema, count)
  const compile = count > COMPILE_FROM || holdsMany(source.data, COMPILE_FROM)
  const result = schema.safeParse(source.data, compile ? undefined : { jitless: true })
  if (result.success) return { value: result.data, diagnostics: [] }
  const report = diagnosticFactory(modelMessages, locale)
  const diagnostics: Diagnostic[] = []
  // A union's issues are those of the option that fits the input best, placed under it.
  const issues = [...result.error.issues]
  for (let next = 0; next < issues.length; next++) {
    const issue = issues[next] as z.core.$ZodIssue
    const path = issue.path
    const field = fieldName(path)
    const input = valueAt(source.data, path)
    const location = source.locate(path)
    const emit = (ruleId: string, data: MessageData, messageId = ruleId) =>
      diagnostics.push(report({ ruleId, messageId, data, location }))
    switch (issue.code) {
      case 'invalid_type': {
        if (input === undefined) {
          emit('schema/required', { field })
          break
        }
        const expected =
          issue.expected in typeNames
            ? typeNames[issue.expected as keyof typeof typeNames]
            : issue.expected
        emit('schema/invalid-type', { field, expected, received: typeNames[typeOf(input)] })
        break
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const keyPath = [...path, key]
          const suggestion = closest(key, knownKeysAt(schema, path))
          diagnostics.push(
            report({
              ruleId: 'schema/unknown-key',
              messageId: suggestion ? 'schema/unknown-key-suggest' : 'schema/unknown-key',
              data: suggestion ? { field: key, suggestion } : { field: key },
              location: source.locate(keyPath, 'key'),
              ...(suggestion
                ? { suggestions: [{ message: suggestion, replacement: suggestion }] }
                : {}),
            }),
          )
        }
        break
      case 'invalid_value':
        emit('schema/invalid-value', {
          field,
          value: preview(input),
          options: issue.values.map((v) => String(v)).join(', '),
        })
        break
      case 'too_small':
      case 'too_big':
        emit('schema/too-small', { field, requirement: requirement(issue) })
        break
      case 'invalid_format': {
        const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : ''
        emit('schema/invalid-format', {
          field,
          value: preview(input),
          format: formatHints[pattern] ?? { zh: issue.format, en: issue.format },
        })
        break
      }
      case 'invalid_union': {
        const fits = fittest(issue.errors, input)
        if (fits)
          for (const inner of fits) issues.push({ ...inner, path: [...path, ...inner.path] })
        else emit('schema/invalid', { field, detail: issue.message })
        break
      }
      case 'custom':
        if (issue.params?.reformkit === 'invalid-date')
          emit('schema/invalid-date', { value: preview(input) })
        else emit('schema/invalid', { field, detail: issue.message })
        break
      default:
        emit('schema/invalid', { field, detail: issue.message })
    }
  }
  return { diagnostics }
}

/**
 * Of a union's options, the one whose issues say most about the input: the one that got
 * deepest into it, then one that took its kind (a list for a list: `[error, 1, 2]` is a
 * list too long, not a severity misspelt), then the first. "Invalid input", zod's word for
 * any union, tells a clerk nothing.
 */
function fittest(
  options: readonly (readonly z.core.$ZodIssue[])[],
  input: unknown,
): readonly z.core.$ZodIssue[] | undefined {
  const depth = (issues: readonly z.core.$ZodIssue[]) =>
    Math.max(...issues.map((issue) => issue.path.length))
  const ofAnotherKind = (issues: readonly z.core.$ZodIssue[]) =>
    issues.some(
      (issue) =>
        issue.path.length === 0 &&
        (issue.code === 'invalid_type' ||
          (issue.code === 'invalid_value' && typeof input === 'object' && input !== null)),
    )
  let best: readonly z.core.$ZodIssue[] | undefined
  for (const issues of options) {
    if (issues.length === 0) continue
    if (
      !best ||
      depth(issues) > depth(best) ||
      (depth(issues) === depth(best) && ofAnotherKind(best) && !ofAnotherKind(issues))
    )
      best = issues
  }
  return best
}

export interface SchemaTag {
  /** e.g. `reformkit/plan` */
  name: string
  major: number
}

/**
 * Check the `schema:` tag of a file. Returns diagnostics; any error means the rest of
 * the file must not be read (an unknown major version has unknown meaning).
 */
export function checkSchemaTag(
  source: ParsedSource,
  expected: SchemaTag,
  locale: Locale = 'zh-CN',
): Diagnostic[] {
  const report = diagnosticFactory(modelMessages, locale)
  const expectedTag = `${expected.name}@${expected.major}`
  const data = source.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [
      report({
        ruleId: 'source/not-mapping',
        data: { received: typeNames[typeOf(data)] },
        location: source.locate([]),
      }),
    ]
  }
  const tag = (data as Record<string, unknown>).schema
  if (tag === undefined) {
    return [
      report({
        ruleId: 'schema/missing-tag',
        data: { expected: expectedTag },
        location: source.locate([]),
      }),
    ]
  }
  // Located only when there is something to say (locating JSON builds its index).
  const location = () => source.locate(['schema'])
  const match = typeof tag === 'string' ? /^(.+)@(\d+)(?:\.\d+)*$/.exec(tag.trim()) : null
  if (!match || match[1] !== expected.name) {
    return [
      report({
        ruleId: 'schema/wrong-tag',
        data: { actual: preview(tag), expected: expectedTag },
        location: location(),
      }),
    ]
  }
  if (Number(match[2]) !== expected.major) {
    return [
      report({
        ruleId: 'schema/unsupported-version',
        data: { actual: preview(tag), expected: expectedTag },
        location: location(),
      }),
    ]
  }
  return []
}
