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

describe('the built @reformkit/ledger', () => {
  it.each(['esm', 'cjs'] as const)('checks the example as %s', (kind) => {
    expect(consume(kind)).toEqual({ rules: 27, entries: 147, errors: 8, sarif: '2.1.0' })
  })

  it('keeps the main entry browser-safe; the node entry has the file system', () => {
    expect(nodeBuiltinsReached(new URL('index.js', dist))).toEqual([])
    expect(nodeBuiltinsReached(new URL('index.cjs', dist))).toEqual([])
    expect(nodeBuiltinsReached(new URL('node.js', dist)).join()).toMatch(/\bfs\b/)
  })
})
