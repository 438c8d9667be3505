// The built package, as ESM and CJS consumers load it with plain Node (runs after `build`).
import { execFileSync } from 'node:child_process'
import { nodeBuiltinsReached, schemasBuilt } from '@reformkit/vitest-config/dist-check'
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

  it('builds the file schemas on first use: a well-formed ledger is read without them', () => {
    const ledger = JSON.stringify({
      schema: 'reformkit/ledger@1',
      unit: 'fgj',
      entries: [{ id: 'e1', item: 'i1', kind: 'research', date: '2017-03-01', title: '调研' }],
    })
    const read = `const r = pkg.parseLedger(${JSON.stringify(ledger)}); if (!r.ok) throw new Error('not ok')`
    const [atImport, afterRead] = schemasBuilt(new URL('index.js', dist), read)
    expect(afterRead).toBe(atImport)
    // Built on the first call, not before: the call adds them.
    const [, afterUse] = schemasBuilt(new URL('index.js', dist), `${read}\npkg.ledgerSchemas()`)
    expect(afterUse).toBeGreaterThan(atImport + 10)
  })
})
