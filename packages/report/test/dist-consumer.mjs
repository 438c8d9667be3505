// Run by test/dist.test.ts with plain `node`: the built package as a consumer gets it.
// `node test/dist-consumer.mjs esm|cjs` prints one JSON line of what it saw.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const kind = process.argv[2]
const load = async (name) => (kind === 'cjs' ? require(name) : await import(name))
const report = kind === 'cjs' ? require('../dist/index.cjs') : await import('../dist/index.js')
const { parsePlan } = await load('@reformkit/model')
const { loadLedger } = await load('@reformkit/ledger/node')

const root = new URL('../../../examples/wuhan-etdz-2017/', import.meta.url).pathname
const { plan } = parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'))
const { entries } = await loadLedger('ledger', { root, plan })
const model = report.buildReport({ plan, entries, asOf: '2017-12-31', kind: 'kpi' })
const xlsx = await report.renderReport(model, { format: 'xlsx' })
const docx = await report.renderReport(model, { format: 'docx' })
const md = await report.renderReport(model, { format: 'md', locale: 'en' })
console.log(
  JSON.stringify({
    rows: model.sections[0].table.rows.length,
    xlsx: xlsx[0] === 0x50 && xlsx[1] === 0x4b,
    docx: docx[0] === 0x50,
    md: md.split('\n')[0],
  }),
)
