import { readdirSync, readFileSync } from 'node:fs'
import { parseSource } from '@reformkit/model'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { ledgerJsonSchema } from '../src/entry/json-schema.js'

const dir = new URL('../../../examples/wuhan-etdz-2017/ledger/', import.meta.url)
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(ledgerJsonSchema())
const read = (name: string) => parseSource(readFileSync(new URL(name, dir), 'utf8')).data

describe('ledgerJsonSchema', () => {
  it('accepts the canonical example ledger files', () => {
    // czj.yaml shows the tolerant forms (（十）, 2017年12月11日) that only parseLedger reads.
    const files = readdirSync(dir).filter((name) => name !== 'czj.yaml')
    expect(files.length).toBe(15)
    for (const name of files)
      expect(validate(read(name)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true)
    expect(validate(read('czj.yaml'))).toBe(false)
  })

  it('rejects wrong kinds, tags, hashes and unknown keys', () => {
    const base = read('fgj.yaml') as { entries: Array<Record<string, unknown>> }
    const variants = [
      { ...base, schema: 'reformkit/plan@1' },
      { ...base, entries: [{ ...base.entries[0], kind: 'lunch' }] },
      { ...base, entries: [{ ...base.entries[0], attachments: [{ path: 'a', sha256: 'xyz' }] }] },
      { ...base, entries: [{ ...base.entries[0], colour: 'red' }] },
    ]
    for (const variant of variants) expect(validate(variant)).toBe(false)
  })
})
