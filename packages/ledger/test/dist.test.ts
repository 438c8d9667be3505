// The built package, as ESM and CJS consumers load it with plain Node (runs after `build`).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

  it('builds no schema to import it, read a well-formed config and check a ledger with it', () => {
    const config = readFileSync(
      new URL('../../../examples/wuhan-etdz-2017/reformkit.config.yaml', import.meta.url),
      'utf8',
    )
    const plan = { items: [], period: { start: '2017-01-01', end: '2017-12-31' } }
    const use = `const c = pkg.parseConfig(${JSON.stringify(config)}, pkg.rules)
if (!c.ok) throw new Error('config not ok')
pkg.resolveRequirements(${JSON.stringify(plan)}, c.config)`
    expect(schemasBuilt(new URL('index.js', dist), use)).toEqual([0, 0])
    // A rule given options builds its schema to check them.
    const given = `pkg.parseConfig('rules:\\n  kpi/value-valid: [error, {countUnits: [吨]}]\\n', pkg.rules)`
    expect(schemasBuilt(new URL('index.js', dist), given)[1]).toBeGreaterThan(0)
  })
})
