// Messages a reader can act on (issue 14, item 11): a duplicate key by its whole name, and
// NaN or infinity not called "a number".
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { parseSource } from './source.js'
import { validateSource } from './validate.js'

describe('messages about keys and numbers', () => {
  it.each([
    ['YAML block', 'items:\n  - id: a\n    id: b\n'],
    ['YAML flow', 'entries:\n  - { id: a, id: b }\n'],
    ['JSON', '{"id": 1, "id": 2}'],
    ['quoted YAML', '"id": 1\n\'id\': 2\n'],
  ])('names a duplicate key in full (%s)', (_, text) => {
    const { diagnostics } = parseSource(text, { filename: 'f.yaml', locale: 'en' })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['source/duplicate-key'])
    expect(diagnostics[0]?.data).toMatchObject({ key: 'id' })
  })

  it.each([
    ['.nan', /NaN \(not a number\)/],
    ['.inf', /infinity/],
    ['-.inf', /infinity/],
  ])('says %s is not a number', (value, pattern) => {
    const parsed = parseSource(`value: ${value}\n`, { filename: 'f.yaml', locale: 'en' })
    const { diagnostics } = validateSource(z.object({ value: z.number() }), parsed, 'en')
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]?.message).toMatch(pattern)
    expect(diagnostics[0]?.message).not.toMatch(
      /a number, got a number|a number, received a number/,
    )
  })
})
