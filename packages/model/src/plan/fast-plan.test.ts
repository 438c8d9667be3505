// fastPlan against the Plan schema, on the shipped plan and every way of breaking one: where
// it accepts, its output is the schema's, key order included; where the schema refuses, it
// refuses too (parsePlan then asks the schema for the findings).
import { readFileSync } from 'node:fs'
import { type Change, changed, changes, places } from '@reformkit/vitest-config/one-change'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planSchemas } from '../schema/plan.js'
import { parseSource } from '../source/source.js'
import { fastPlan } from './fast-plan.js'

const example = parseSource(
  readFileSync(new URL('../../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url), 'utf8'),
).data as Record<string, unknown>

/** Every field name the schema knows, at any level, and what its fields hold elsewhere. */
const FIELDS = [
  ...['schema', 'id', 'title', 'issuer', 'issued', 'documentNumber', 'period', 'start', 'end'],
  ...['locale', 'basis', 'number', 'date', 'framework', 'text', 'lists', 'label', 'entries'],
  ...['bodies', 'leadingGroup', 'office', 'superior', 'name', 'shortName', 'aliases', 'units'],
  ...['kind', 'unitGroups', 'members', 'categories', 'parent', 'count', 'numbering', 'items'],
  ...['category', 'responsible', 'lead', 'support', 'major', 'kpis', 'milestones', 'measure'],
  ...['unit', 'target', 'baseline', 'baselineYear', 'accumulation', 'note', 'comparator'],
  ...['value', 'upper', 'approximate', 'tolerance', 'per', 'written', 'due', 'ownerPerson'],
  ...['ownerUnit', 'extra', '__proto__'],
]
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' padded ', 'fgj', '1bad', 'a.b_c-d', '2017-02-30', '2017-12-31', 'zh-CN'),
  fc.constantFrom('range', 'year', 'latest', 'growth', 'park', 'local', 'perCategory', 'en'),
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 2017, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 53),
  fc.constantFrom(null, true, false, [], {}, ['fgj'], [''], [{}], { id: 'x' }),
  fc.string({ maxLength: 4 }),
)

/** The shipped plan with one change. */
const mutated = changes<fc.Arbitrary<Change>>(fc, example, anything, FIELDS).map(
  (change): unknown => changed(example, change),
)

/** A small plan with every field the schema knows, so that each can be broken in turn. */
const full = {
  schema: 'reformkit/plan@1',
  id: 'p',
  title: '方案',
  issuer: '区政府',
  issued: '2017-03-01',
  documentNumber: '〔2017〕1号',
  period: { start: '2017-01-01', end: '2017-12-31' },
  locale: 'zh-CN',
  basis: [{ title: '意见', issuer: '市政府', number: '1号', date: '2016-12-01' }],
  framework: { text: '总体要求', lists: [{ id: 'l', label: '两条主线', entries: ['一'] }] },
  bodies: {
    leadingGroup: { id: 'g', name: '区创改组', shortName: '创改组', aliases: ['领导小组'] },
    office: { id: 'o', name: '区创新办' },
    superior: { id: 's', name: '市创新办' },
  },
  units: [{ id: 'fgj', name: '发改局', shortName: '发改', aliases: ['发展改革局'], kind: 'park' }],
  unitGroups: [{ id: 'parks', name: '各园区', aliases: ['园区'], members: ['fgj'] }],
  categories: [{ id: 'c', label: '一、', kind: 'local', parent: 'c0', count: 1 }],
  numbering: 'perCategory',
  items: [
    {
      id: 'i1',
      number: 1,
      category: 'c',
      title: '事项',
      text: '全文',
      responsible: ['fgj'],
      lead: ['fgj'],
      support: ['parks'],
      major: true,
      kpis: [
        {
          id: 'k',
          measure: '企业',
          unit: '家',
          kind: 'growth',
          target: {
            comparator: 'range',
            value: 1,
            upper: 2,
            approximate: true,
            tolerance: 0.1,
            per: 'year',
            written: '1到2家',
          },
          baseline: 3,
          baselineYear: 2015,
          accumulation: 'latest',
          note: '注',
        },
      ],
      milestones: [
        { id: 'm', title: '步', due: '2017-06-30', ownerPerson: '张三', ownerUnit: 'fgj' },
      ],
    },
  ],
}

/** Where fastPlan accepts, the schema accepts too and outputs the same. */
function agrees(data: unknown): boolean {
  const fast = fastPlan(structuredClone(data))
  if (fast === undefined) return false // the schema decides (and says why if it refuses)
  const schema = planSchemas().Plan.safeParse(structuredClone(data))
  expect(schema.success).toBe(true)
  // The same value, keys in the same order at every level, no key set to undefined.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data))
  expect(fast).toStrictEqual(schema.data)
  return true
}

describe('fastPlan', () => {
  it('agrees with the schema on every field of a plan changed in every way, one at a time', () => {
    const spots = places(full, [], { values: [], objects: [] })
    const constants: unknown[] = [
      ...['', ' padded ', 'fgj', '1bad', '2017-02-30', '2017-12-31', 'en', 'range', 'park'],
      ...[0, 1, -1, 0.5, 1.5, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 53, null, true],
      ...[[], {}, [''], ['fgj'], [{}]],
    ]
    expect(agrees(full)).toBe(true)
    let accepted = 0
    for (const path of spots.values) {
      if (agrees(changed(full, { how: 'drop', path }))) accepted++
      for (const value of constants)
        if (agrees(changed(full, { how: 'set', path, value }))) accepted++
    }
    for (const path of spots.objects)
      for (const key of FIELDS)
        for (const value of [1, 'x', null])
          if (agrees(changed(full, { how: 'add', path, key, value }))) accepted++
    expect(accepted).toBeGreaterThan(50)
  })

  it('reads the shipped plan as the schema does', () => {
    const fast = fastPlan(structuredClone(example))
    expect(fast).toBeDefined()
    const schema = planSchemas().Plan.parse(structuredClone(example))
    expect(JSON.stringify(fast)).toBe(JSON.stringify(schema))
    expect(fast).toStrictEqual(schema)
  })

  it('accepts only what the schema accepts, and outputs what it outputs (property)', () => {
    let accepted = 0
    fc.assert(
      fc.property(mutated, (data) => {
        if (agrees(data)) accepted++
      }),
      { numRuns: 300 },
    )
    // Many changes keep the plan valid (another title, a field dropped that has a default):
    // the property is held on accepted plans, not only on refused ones.
    expect(accepted).toBeGreaterThan(20)
  })

  it('leaves a plan with text to trim, a null or an unknown key to the schema', () => {
    const padded = structuredClone(example)
    padded.title = ' 方案 '
    expect(fastPlan(padded)).toBeUndefined()
    expect(planSchemas().Plan.parse(padded).title).toBe('方案')
    expect(fastPlan({ ...structuredClone(example), issuer: null })).toBeUndefined()
    expect(fastPlan({ ...structuredClone(example), extra: 1 })).toBeUndefined()
    expect(fastPlan([])).toBeUndefined()
    expect(fastPlan(null)).toBeUndefined()
  })
})
