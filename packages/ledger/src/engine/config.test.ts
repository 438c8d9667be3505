// The config read without zod (fastConfig, fastRequirements) against the schema: where the
// quick road accepts, its output is the schema's, key order included; where the schema
// refuses, it refuses too. And each built-in rule's defaultOptions is what its schema
// outputs for no options.
import { readFileSync } from 'node:fs'
import { parseSource } from '@reformkit/model'
import { type Change, changed, changes } from '@reformkit/vitest-config/one-change'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rules } from '../rules/index.js'
import {
  configSchemas,
  fastConfig,
  parseConfig,
  readConfig,
  resolveRuleSettings,
} from './config.js'
import { fastRequirements, requirementsSchema } from './requirements.js'

const exampleConfig = (name: string) =>
  readFileSync(
    new URL(`../../../../examples/${name}/reformkit.config.yaml`, import.meta.url),
    'utf8',
  )

/** A config with every field the schema knows, so that each can be broken in turn. */
const full = {
  schema: 'reformkit/config@1',
  locale: 'en',
  preset: 'strict',
  rules: {
    'attachment/required': 'off',
    'kpi/value-valid': ['warning'],
    'entry/date-outside-period': ['error', { graceDays: 3 }],
  },
  requirements: {
    profile: 'wuhan-etdz-2017',
    decision: ['research', 'discussion'],
    decisionForMajor: ['expertReview'],
    outcome: [],
    supervision: 'month',
    kpiProjection: 'none',
    kpiTolerance: 0.1,
  },
  report: { trafficLights: { nearDays: 10 } },
  rubric: { bonusCap: 3 },
  workbook: { anything: true },
}

const FIELDS = [
  ...Object.keys(full),
  ...Object.keys(full.requirements),
  ...['kpi/value-valid', 'graceDays', 'extra', '__proto__', 'constructor'],
]
const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('error', 'warning', 'info', 'off', 'fatal', 'zh-CN', 'en', 'fr', 'none'),
  fc.constantFrom('recommended', 'strict', 'generic', 'major-decision-2019', 'quarter', 'week'),
  fc.constantFrom('elapsed', 'research', 'bonusProof', 'meeting', '', ' error'),
  fc.constantFrom(0, 1, -0.1, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, undefined),
  fc.constantFrom(null, true, [], {}, ['error'], ['error', {}], ['off', 1, 2], ['research']),
  fc.constantFrom([undefined], ['research', 'nope'], { profile: 'generic' }),
)

const oneChange = changes<fc.Arbitrary<Change>>(fc, full, anything, FIELDS).map((change) =>
  changed(full, change),
)

/** Output compared with its key order (JSON drops undefined: compared as well by toEqual). */
const same = (a: unknown, b: unknown) => {
  expect(a).toEqual(b)
  expect(JSON.stringify(a)).toBe(JSON.stringify(b))
}

describe('fastConfig: the schema without zod', () => {
  it('reads the shipped configs and a config with every field as the schema does', () => {
    for (const data of [
      parseSource(exampleConfig('wuhan-etdz-2017')).data,
      parseSource(exampleConfig('wuhu-2025')).data,
      full,
      {},
    ]) {
      const fast = fastConfig(data)
      expect(fast).toBeDefined()
      same(fast, configSchemas().LedgerConfig.parse(data))
    }
  })

  it('with one change anywhere: the schema’s output where it accepts, nothing where the schema refuses', () => {
    fc.assert(
      fc.property(oneChange, (data) => {
        const fast = fastConfig(data)
        const schema = configSchemas().LedgerConfig.safeParse(data)
        if (!schema.success) expect(fast).toBeUndefined()
        else if (fast !== undefined) same(fast, schema.data)
        // readConfig decides as the schema does, either way.
        expect(readConfig(data)).toEqual(schema.success ? schema.data : undefined)
      }),
      { numRuns: 600, seed: 1 },
    )
  })

  it('the requirements section alone, every field broken every way', () => {
    const fields = Object.keys(full.requirements)
    const values: unknown[] = [
      undefined,
      null,
      'generic',
      'month',
      'none',
      0.5,
      2,
      -1,
      ['research'],
      ['x'],
      [],
      {},
    ]
    for (const field of fields)
      for (const value of values) {
        const data = { ...full.requirements, [field]: value }
        const fast = fastRequirements(data)
        const schema = requirementsSchema().safeParse(data)
        if (!schema.success) expect(fast, `${field}: ${String(value)}`).toBeUndefined()
        else if (fast !== undefined) same(fast, schema.data)
      }
  })

  it('parseConfig finds the same problems either road: a broken config goes to the schema', () => {
    const bad = 'schema: reformkit/config@1\npreset: lenient\nrules:\n  kpi/value-valid: fatal\n'
    const result = parseConfig(bad, rules)
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => d.location.line)).toEqual([2, 4])
  })
})

describe('defaultOptions of the built-in rules', () => {
  it('is what each rule’s options schema outputs for no options', () => {
    const withOptions = rules.filter((rule) => rule.meta.options)
    expect(withOptions.length).toBeGreaterThan(5)
    for (const rule of withOptions) {
      expect(rule.meta.defaultOptions, rule.id).toBeDefined()
      same(rule.meta.defaultOptions, rule.meta.options?.parse({}))
    }
    for (const rule of rules.filter((r) => !r.meta.options))
      expect(rule.meta.defaultOptions, rule.id).toBeUndefined()
  })

  it('each run gets options of its own: a rule changing them changes no other run', () => {
    const countUnits = () => {
      const setting = resolveRuleSettings({}, rules).settings.get('kpi/value-valid')
      return (setting as { options: { countUnits: string[] } }).options.countUnits
    }
    countUnits().push('吨')
    expect(countUnits()).toHaveLength(9)
    expect(countUnits()).not.toContain('吨')
  })
})
