// The common case without zod: a well-formed plan, as `reformkit extract`, the workbook and
// programs write it, accepted by plain checks that mirror the Plan schema exactly. Anything
// they do not accept as it stands — a wrong type, a missing field, text with spaces to trim,
// an unknown key — goes to the schema, which says what is wrong (the same plan and findings
// either way: fast-plan.test.ts). Building the schemas and running them costs a small
// project's `reformkit validate` a tenth of its time.

import { ISO_DATE_PATTERN, isIsoDate } from '../period/period.js'
import { ID_PATTERN, type Plan } from '../schema/plan.js'

/** What a check returns for a value it does not accept as it stands. */
const NO: unique symbol = Symbol('no')
type Check = (value: unknown) => unknown

/** A field: required, optional, or with the value the schema gives when it is absent. */
type Field = Check | { optional: Check } | { check: Check; absent: () => unknown }

const text: Check = (v) => (typeof v === 'string' && v.length > 0 && v.trim() === v ? v : NO)
const id: Check = (v) => (typeof v === 'string' && ID_PATTERN.test(v) ? v : NO)
const date: Check = (v) =>
  typeof v === 'string' && ISO_DATE_PATTERN.test(v) && isIsoDate(v) ? v : NO
const string: Check = (v) => (typeof v === 'string' ? v : NO)
const number: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NO)
const boolean: Check = (v) => (typeof v === 'boolean' ? v : NO)
const integer =
  (least = Number.MIN_SAFE_INTEGER): Check =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= least ? v : NO
const between =
  (low: number, high: number): Check =>
  (v) =>
    typeof v === 'number' && v >= low && v <= high ? v : NO
const oneOf = (...values: string[]): Check => {
  const set = new Set<unknown>(values)
  return (v) => (set.has(v) ? v : NO)
}
const optional = (check: Check) => ({ optional: check })
const or = (check: Check, absent: () => unknown) => ({ check, absent })
const orNone = (check: Check) => or(check, () => [])

function list(item: Check, least = 0): Check {
  return (v) => {
    if (!Array.isArray(v) || v.length < least) return NO
    const out = new Array<unknown>(v.length)
    for (let i = 0; i < v.length; i++) {
      const o = item(v[i])
      if (o === NO) return NO
      out[i] = o
    }
    return out
  }
}

/** A strict object: no key but the fields, output in the fields' order (the schema's). */
function object(fields: Record<string, Field>): Check {
  const keys = Object.keys(fields)
  const known = new Set(keys)
  const checks = Object.values(fields)
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return NO
    const raw = v as Record<string, unknown>
    for (const key in raw) if (!known.has(key)) return NO
    const out: Record<string, unknown> = {}
    // Indexed, not `for…of` over pairs: run once per small plan, before V8 has optimised
    // it, each step of an iterator (and each pair taken apart) is an object made and dropped.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      const field = checks[i] as Field
      const value = Object.hasOwn(raw, key) ? raw[key] : undefined
      if (value === undefined) {
        if (typeof field === 'function') return NO
        if ('absent' in field) out[key] = field.absent()
        continue
      }
      const o = (
        typeof field === 'function' ? field : 'check' in field ? field.check : field.optional
      )(value)
      if (o === NO) return NO
      out[key] = o
    }
    return out
  }
}

const body = object({ id, name: text, shortName: optional(text), aliases: orNone(list(text)) })
const kpiTarget = object({
  comparator: oneOf('atLeast', 'exactly', 'atMost', 'range'),
  value: number,
  upper: optional(number),
  approximate: or(boolean, () => false),
  tolerance: optional(between(0, 1)),
  per: or(oneOf('period', 'year'), () => 'period'),
  written: optional(text),
})
const kpi = object({
  id,
  measure: text,
  unit: text,
  kind: or(oneOf('count', 'amount', 'growth'), () => 'count'),
  target: kpiTarget,
  baseline: optional(number),
  baselineYear: optional(integer()),
  accumulation: or(oneOf('sum', 'latest'), () => 'sum'),
  note: optional(text),
})
const milestone = object({
  id,
  title: text,
  due: date,
  ownerPerson: optional(text),
  ownerUnit: optional(text),
})
const item = object({
  id,
  number: integer(1),
  category: text,
  title: text,
  text: optional(text),
  responsible: orNone(list(text)),
  lead: optional(list(text)),
  support: optional(list(text)),
  major: or(boolean, () => false),
  kpis: orNone(list(kpi)),
  milestones: orNone(list(milestone)),
})
const plan = object({
  schema: string,
  id,
  title: text,
  issuer: optional(text),
  issued: optional(date),
  documentNumber: optional(text),
  period: object({ start: date, end: date }),
  locale: or(oneOf('zh-CN', 'en'), () => 'zh-CN'),
  basis: orNone(
    list(
      object({ title: text, issuer: optional(text), number: optional(text), date: optional(date) }),
    ),
  ),
  framework: optional(
    object({
      text: optional(text),
      lists: orNone(list(object({ id, label: text, entries: list(text, 1) }))),
    }),
  ),
  bodies: or(
    object({ leadingGroup: optional(body), office: optional(body), superior: optional(body) }),
    () => ({}),
  ),
  units: list(
    object({
      id,
      name: text,
      shortName: optional(text),
      aliases: orNone(list(text)),
      kind: or(oneOf('department', 'park', 'customs', 'body', 'other'), () => 'department'),
    }),
    1,
  ),
  unitGroups: orNone(
    list(object({ id, name: text, aliases: orNone(list(text)), members: list(text, 1) })),
  ),
  categories: list(
    object({
      id,
      label: text,
      kind: or(oneOf('cityLead', 'cityParticipate', 'local', 'custom'), () => 'custom'),
      parent: optional(text),
      count: optional(integer(0)),
    }),
    1,
  ),
  numbering: or(oneOf('continuous', 'perCategory'), () => 'continuous'),
  items: list(item, 1),
})

/** `data` as the Plan schema would output it, or undefined when it needs the schema. */
export function fastPlan(data: unknown): Plan | undefined {
  const out = plan(data)
  return out === NO ? undefined : (out as Plan)
}
