import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { parseSource } from './source.js'
import { validateSource } from './validate.js'

const Item = z.strictObject({ id: z.string().regex(/^[a-z]+$/), count: z.number().int() })
const List = z.strictObject({ items: z.array(Item) })
const data = (n: number, bad = -1) => ({
  items: Array.from({ length: n }, (_, i) => ({ id: i === bad ? 'X1' : 'ab', count: i })),
})
const source = (value: unknown) => parseSource(JSON.stringify(value), { filename: 'f.json' })

describe('validateSource compiles zod checks only where they pay', () => {
  it('checks small data without compiling, large data and much-used schemas compiled', () => {
    const schema = List.extend({})
    const safeParse = vi.spyOn(schema, 'safeParse')
    validateSource(schema, source(data(10)))
    expect(safeParse.mock.calls[0]?.[1]).toEqual({ jitless: true })
    validateSource(schema, source(data(300)))
    expect(safeParse.mock.calls[1]?.[1]).toBeUndefined()
    for (let i = 0; i < 260; i++) validateSource(schema, source(data(1)))
    expect(safeParse.mock.calls.at(-1)?.[1]).toBeUndefined()
    expect(safeParse.mock.calls.slice(2, 256).every((call) => call[1]?.jitless)).toBe(true)
  })

  it('finds the same, compiled or not', () => {
    const schema = List.extend({})
    const small = (bad: number) => validateSource(schema, source(data(5, bad)))
    const first = [small(2), small(-1)]
    // Used past the threshold, and with data past it: both compiled now.
    for (let i = 0; i < 260; i++) small(-1)
    expect([small(2), small(-1)]).toEqual(first)
    const large = validateSource(schema, source(data(400, 7)))
    expect(large.diagnostics.map((d) => [d.ruleId, d.location.path])).toEqual(
      first[0]?.diagnostics.map((d) => [d.ruleId, '/items/7/id']),
    )
    expect(first[0]?.diagnostics).toHaveLength(1)
    expect(first[1]?.value).toEqual(data(5))
  })
})

describe('a union is said as the option that fits the input best', () => {
  // reformkit.config.yaml's rule setting: a severity, [severity] or [severity, options].
  const Severity = z.enum(['error', 'warning', 'info', 'off'])
  const Setting = z.union([Severity, z.tuple([Severity]), z.tuple([Severity, z.unknown()])])
  const Config = z.strictObject({ rules: z.record(z.string(), Setting) })
  const said = (value: unknown) =>
    validateSource(Config, source({ rules: { 'entry/future-date': value } }), 'en').diagnostics.map(
      (d) => [d.ruleId, d.location.path, d.message],
    )

  it.each([
    ['loud', '/rules/entry~1future-date', '"loud"'],
    [5, '/rules/entry~1future-date', '"5"'],
    [['loud'], '/rules/entry~1future-date/0', '"loud"'],
  ])('%j: which values it may take, where it is', (value, path, shown) => {
    expect(said(value)).toEqual([
      [
        'schema/invalid-value',
        path,
        expect.stringContaining(`cannot be ${shown}; choose one of: error, warning, info, off`),
      ],
    ])
  })

  it('a list of the wrong length is a list too long, not a severity misspelt', () => {
    expect(said(['error', {}, 2])).toEqual([
      ['schema/too-small', '/rules/entry~1future-date', expect.stringMatching(/at most/)],
    ])
  })

  it('never "Invalid input"', () => {
    for (const value of ['loud', 5, null, ['loud'], ['error', {}, 2], { a: 1 }, []])
      for (const [, , message] of said(value)) expect(message).not.toMatch(/Invalid input/)
  })
})
