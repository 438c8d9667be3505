// The built package, as ESM and CJS consumers load it with plain Node (runs after `build`).
import { execFileSync } from 'node:child_process'
import { nodeBuiltinsReached } from '@reformkit/vitest-config/dist-check'
import { describe, expect, it } from 'vitest'

const dist = new URL('../dist/', import.meta.url)
const consume = (kind: 'esm' | 'cjs') =>
  JSON.parse(
    execFileSync(process.execPath, [new URL('dist-consumer.mjs', import.meta.url).pathname, kind], {
      encoding: 'utf8',
    }),
  )

describe('the built @reformkit/report', () => {
  it.each(['esm', 'cjs'] as const)(
    'renders the example as %s, loading exceljs and docx on demand',
    (kind) => {
      expect(consume(kind)).toEqual({
        rows: 5,
        xlsx: true,
        docx: true,
        md: '# KPI targets and actuals',
      })
    },
  )

  it('keeps the main entry browser-safe', () => {
    expect(nodeBuiltinsReached(new URL('index.js', dist))).toEqual([])
    expect(nodeBuiltinsReached(new URL('index.cjs', dist))).toEqual([])
  })
})
