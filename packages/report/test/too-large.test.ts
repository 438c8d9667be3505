// The ledger index of a province as DOCX once needed 3.24 GB for 30,000 entries and
// aborted at 100,000 (issue 14, item 2). DOCX now stops at DOCX_MAX_ROWS with a clear,
// typed refusal naming the formats that hold it; a bundle then carries the index as XLSX.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LedgerEntry } from '@reformkit/ledger'
import { afterAll, describe, expect, it } from 'vitest'
import { createBundle } from '../src/node/bundle.js'
import { DOCX_MAX_ROWS, ReportTooLargeError, renderReport } from '../src/render/render.js'
import { buildReport } from '../src/reports/build.js'
import { exampleRoot, loadExample } from './example.js'

const example = await loadExample()
const base = await mkdtemp(join(tmpdir(), 'reformkit-large-'))
afterAll(() => rm(base, { recursive: true, force: true }))
const template = example.entries[0] as LedgerEntry
const many = Array.from({ length: DOCX_MAX_ROWS + 1 }, (_, i) => ({
  ...template,
  id: `many-${i}`,
  attachments: [],
}))
const model = buildReport({ ...example, entries: many, kind: 'ledger-index' })

describe('a report too large for DOCX', () => {
  it('is refused with the numbers and the formats that hold it', async () => {
    const refusal = await renderReport(model, { format: 'docx' }).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(ReportTooLargeError)
    expect(refusal).toMatchObject({
      format: 'docx',
      limit: DOCX_MAX_ROWS,
      suggested: ['xlsx', 'csv'],
    })
    expect((refusal as ReportTooLargeError).rows).toBeGreaterThan(DOCX_MAX_ROWS)
    expect(typeof (await renderReport(model, { format: 'csv' }))).toBe('string')
  })

  it('goes into a bundle as XLSX only, and says so', async () => {
    const out = join(base, 'copy')
    const result = await createBundle({
      ...example,
      entries: many,
      root: exampleRoot,
      files: example.loaded.files,
      out,
    })
    expect(result.skipped).toEqual(['台账目录.docx'])
    const names = await readdir(out)
    expect(names).toContain('台账目录.xlsx')
    expect(names).not.toContain('台账目录.docx')
  })
})
