// Run by test/dist.test.ts with plain `node`: the built package as a consumer gets it.
// `node test/dist-consumer.mjs esm|cjs` prints one JSON line of what it saw.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const kind = process.argv[2]
const ledger = kind === 'cjs' ? require('../dist/index.cjs') : await import('../dist/index.js')
const { loadLedger } =
  kind === 'cjs' ? require('../dist/node.cjs') : await import('../dist/node.js')
const model = kind === 'cjs' ? require('@reformkit/model') : await import('@reformkit/model')

const root = new URL('../../../examples/wuhan-etdz-2017/', import.meta.url).pathname
const { plan } = model.parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'))
const loaded = await loadLedger('ledger', { root, plan })
const { stats, diagnostics } = ledger.checkLedger({
  plan,
  entries: loaded.entries,
  asOf: '2017-12-31',
  attachments: loaded.attachments,
  // The example's config names its profile.
  config: ledger.parseConfig(readFileSync(`${root}reformkit.config.yaml`, 'utf8'), ledger.rules)
    .config,
})
const sarif = JSON.parse(
  ledger.formatDiagnostics(diagnostics, { format: 'sarif', rules: ledger.rules }),
)
console.log(
  JSON.stringify({
    rules: ledger.rules.length,
    entries: stats.entries,
    errors: stats.errors,
    sarif: sarif.version,
  }),
)
