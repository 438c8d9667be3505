import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { formatBytes } from '../source/source.js'
import type { ParsePlanResult } from './parse-plan.js'
import { parsePlan } from './parse-plan.js'

/** What every result must look like, whatever the input. */
function wellFormed(result: ParsePlanResult) {
  expect(Array.isArray(result.diagnostics)).toBe(true)
  expect(result.ok).toBe(result.plan !== undefined)
  if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true)
  for (const d of result.diagnostics) {
    expect(d.ruleId).not.toBe('source/internal')
    expect(typeof d.message).toBe('string')
    // Every placeholder is filled (a user's own value may contain braces).
    if (!JSON.stringify(d.data).includes('{{')) expect(d.message).not.toMatch(/\{\{/)
  }
}

const tagged = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { schema: 'reformkit/plan@1', ...value }
    : value

describe('parsePlan never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        wellFormed(parsePlan(text)),
      ),
      { numRuns: 1000 },
    )
  })

  it('on arbitrary JSON values, as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        wellFormed(parsePlan(JSON.stringify(tagged(value)) ?? 'null'))
        wellFormed(parsePlan(stringify(tagged(value))))
      }),
      { numRuns: 1000 },
    )
  })

  it('on plan-shaped values with wrong pieces', () => {
    const unit = fc.record(
      { id: fc.constantFrom('a', 'b', 'c', '1x', ''), name: fc.string() },
      { requiredKeys: [] },
    )
    const planLike = fc.record(
      {
        schema: fc.constantFrom('reformkit/plan@1', 'reformkit/plan@1.1'),
        id: fc.constantFrom('p', ''),
        title: fc.string(),
        period: fc.record({
          start: fc.constantFrom('2017-01-01', '2017-02-30', 'x'),
          end: fc.string(),
        }),
        units: fc.array(unit, { maxLength: 4 }),
        unitGroups: fc.array(
          fc.record({
            id: fc.constantFrom('g', 'a'),
            name: fc.string(),
            members: fc.array(fc.constantFrom('a', 'z')),
          }),
        ),
        categories: fc.array(
          fc.record({
            id: fc.constantFrom('c', 'd'),
            label: fc.string(),
            kind: fc.constantFrom('local', 'x'),
          }),
        ),
        items: fc.array(
          fc.record({
            id: fc.constantFrom('i', 'j'),
            number: fc.integer({ min: -2, max: 4 }),
            category: fc.constantFrom('c', 'zz'),
            title: fc.string(),
            responsible: fc.array(fc.constantFrom('a', 'b', 'g', '发改局')),
            kpis: fc.array(
              fc.record({
                id: fc.constantFrom('k', 'l'),
                measure: fc.string(),
                unit: fc.constantFrom('家'),
                target: fc.record(
                  {
                    comparator: fc.constantFrom('atLeast', 'range', 'bogus'),
                    value: fc.double(),
                    upper: fc.option(fc.double(), { nil: undefined }),
                  },
                  { requiredKeys: ['comparator', 'value'] },
                ),
              }),
              { maxLength: 2 },
            ),
          }),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(planLike, (value) => wellFormed(parsePlan(JSON.stringify(value)))),
      { numRuns: 1000 },
    )
  })
})

describe('hostile input gives diagnostics in bounded time', () => {
  it('a YAML alias bomb ("billion laughs")', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    const result = parsePlan(`schema: reformkit/plan@1\n${levels.join('\n')}\n`)
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('source/alias-limit')
  })

  it('200 levels of nesting, block and flow', () => {
    const flow = `schema: reformkit/plan@1\nid: ${'['.repeat(200)}${']'.repeat(200)}\n`
    const block = `schema: reformkit/plan@1\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`
    for (const source of [flow, block]) {
      const result = parsePlan(source, { filename: 'deep.yaml' })
      expect(result.ok).toBe(false)
      expect(result.diagnostics[0]).toMatchObject({
        ruleId: 'source/too-deep',
        location: { file: 'deep.yaml' },
      })
    }
  })

  it('100,000 levels of nesting do not overflow the stack', () => {
    const result = parsePlan(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    wellFormed(result)
    expect(result.ok).toBe(false)
    expect(result.diagnostics.every((d) => d.ruleId.startsWith('source/'))).toBe(true)
  })

  it('flow lists opened 100,000 deep and never closed: one finding, the nesting limit', () => {
    // The YAML parser's stack overflows, then it reports the same indentation error once a
    // level: 797 identical lines for this file before.
    const result = parsePlan(`schema: reformkit/plan@1\nid:${' ['.repeat(100_000)}\n`, {
      filename: 'deep.yaml',
    })
    wellFormed(result)
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'source/too-deep',
      location: { file: 'deep.yaml', line: 2 },
    })
  })

  it('a syntax error the parser reports more than once at the same place is one finding', () => {
    const result = parsePlan('schema: reformkit/plan@1\nid: [a, [b, [c\n')
    const seen = result.diagnostics.map((d) => JSON.stringify([d.ruleId, d.location, d.message]))
    expect(result.ok).toBe(false)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('a 20 MB file is refused before parsing, saying how large it is', () => {
    const line = `# ${'x'.repeat(97)}\n`
    const huge = `schema: reformkit/plan@1\n${line.repeat(200_000)}`
    const result = parsePlan(huge, { filename: 'huge.yaml' })
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'source/too-large', location: { file: 'huge.yaml' } },
    ])
    expect(result.diagnostics[0]?.message).toContain('19.1 MiB')
  })

  it('sizes are said as people read them, up to GiB', () => {
    expect([1500, 1.5 * 1024 ** 2, 3 * 1024 ** 3].map(formatBytes)).toEqual([
      '2 KiB',
      '1.5 MiB',
      '3.0 GiB',
    ])
  })

  it('__proto__ and constructor keys pollute nothing', () => {
    const sources = [
      'schema: reformkit/plan@1\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n',
      '{"schema": "reformkit/plan@1", "__proto__": {"polluted": "yes"}, "units": [{"__proto__": {"polluted": 1}}]}',
      'schema: reformkit/plan@1\nitems:\n  - __proto__: { polluted: yes }\n    constructor: x\n',
    ]
    for (const source of sources) {
      const result = parsePlan(source)
      expect(result.ok).toBe(false)
      expect(result.diagnostics.some((d) => d.ruleId === 'schema/unknown-key')).toBe(true)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
    }
    const located = parsePlan(sources[0] ?? '', { filename: 'p.yaml' }).diagnostics.find(
      (d) => d.data.field === '__proto__',
    )
    expect(located?.location).toMatchObject({
      file: 'p.yaml',
      line: 2,
      column: 1,
      path: '/__proto__',
    })
  })

  it('non-text input is a diagnostic, not a crash', () => {
    for (const value of [undefined, null, 42, {}, new Uint8Array(3)]) {
      const result = parsePlan(value as unknown as string)
      expect(result.ok).toBe(false)
      expect(result.diagnostics[0]?.ruleId).toBe('source/not-text')
    }
  })
})
