// Run by test/timezones.test.ts with plain `node` under a given TZ: the SHA-256 of the
// XLSX, the DOCX and the bundle .zip the built package writes for the example.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadLedger } from '@reformkit/ledger/node'
import { parsePlan } from '@reformkit/model'
import { buildReport, renderReport } from '../dist/index.js'
import { createBundle } from '../dist/node.js'

const root = new URL('../../../examples/wuhan-etdz-2017/', import.meta.url).pathname
const { plan } = parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'))
const { entries, files } = await loadLedger('ledger', { root, plan })
const asOf = '2017-12-31'
const model = buildReport({ plan, entries, asOf, kind: 'progress' })
const sha = (bytes) => createHash('sha256').update(bytes).digest('hex')
const dir = mkdtempSync(join(tmpdir(), 'reformkit-tz-'))
try {
  const out = join(dir, '台账.zip')
  await createBundle({ plan, entries, asOf, root, files, out })
  console.log(
    JSON.stringify({
      offsetMinutes: new Date('2017-12-31T12:00:00Z').getTimezoneOffset(),
      xlsx: sha(await renderReport(model, { format: 'xlsx' })),
      docx: sha(await renderReport(model, { format: 'docx' })),
      bundle: sha(readFileSync(out)),
    }),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
