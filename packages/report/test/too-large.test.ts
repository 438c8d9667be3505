// The ledger index of a province as DOCX once needed 3.24 GB for 30,000 entries and
// aborted at 100,000 (issue 14, item 2). DOCX now stops at DOCX_MAX_ROWS with a clear,
// typed refusal naming the formats that hold it; a bundle then carries the index as XLSX.
// A .zip copy once was built in memory; now it streams, and a large attachment is no limit.
import { cp, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LedgerEntry } from '@reformkit/ledger'
import { afterAll, describe, expect, it } from 'vitest'
import { createBundle, verifyBundle } from '../src/node/bundle.js'
import {
  DOCX_MAX_ROWS,
  ReportTooLargeError,
  renderReport,
  renderReportPieces,
  TEXT_FORMATS,
  tableRows,
  XLSX_MAX_ROWS,
} from '../src/render/render.js'
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

describe('a large attachment in a .zip copy', () => {
  it('is streamed into the zip and verifies (there is no size limit)', async () => {
    const root = join(base, 'project')
    await cp(exampleRoot, root, { recursive: true })
    // A sparse file of 80 MiB: streamed through deflate, not read whole.
    const huge = join(root, 'files', 'scan.pdf')
    await writeFile(huge, '')
    await truncate(huge, 80 * 1024 * 1024)
    const entries = [
      ...example.entries,
      { ...template, id: 'scan', attachments: [{ path: 'files/scan.pdf' }] },
    ]
    const out = join(base, 'copy.zip')
    const { manifest } = await createBundle({
      ...example,
      entries,
      root,
      files: example.loaded.files,
      out,
    })
    expect(manifest.files.find((f) => f.path === 'files/scan.pdf')?.bytes).toBe(80 * 1024 * 1024)
    expect(await verifyBundle(out)).toEqual({ ok: true, diagnostics: [] })
  })
})

describe('a report too large for XLSX', () => {
  it('is refused, naming CSV', async () => {
    const rows = Array.from({ length: XLSX_MAX_ROWS + 1 }, () => ({ a: 1 }))
    const huge = {
      ...model,
      sections: [{ ...model.sections[0], table: { columns: [], rows } }],
    } as typeof model
    const refusal = await renderReport(huge, { format: 'xlsx' }).catch((e: unknown) => e)
    expect(refusal).toMatchObject({
      name: 'ReportTooLargeError',
      format: 'xlsx',
      suggested: ['csv'],
    })
  })
})

describe('a text report of a province (issue 16)', () => {
  // The ledger index of 5,001 entries: more rows than a piece holds.
  it.each(TEXT_FORMATS)(
    'comes in pieces as %s, joined the same text as renderReport',
    async (format) => {
      const pieces = [...renderReportPieces(model, { format })]
      const text = pieces.join('')
      expect(text).toBe(await renderReport(model, { format }))
      expect(pieces.length).toBeGreaterThan(1)
      expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(2 * 1024 * 1024)
      if (format === 'json') {
        expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
        const sections: Array<{ rows?: unknown[] }> = JSON.parse(text).sections
        expect(sections.reduce((n, s) => n + (s.rows?.length ?? 0), 0)).toBe(tableRows(model))
      }
      if (format === 'csv') {
        expect(text.startsWith('\uFEFF')).toBe(true)
        // Title, blank, then each table's heading, header, rows and a blank line; CRLF throughout.
        const rows = model.sections.reduce((n, s) => n + (s.table ? s.table.rows.length + 3 : 0), 2)
        expect(text.split('\r\n')).toHaveLength(rows)
        expect(text.replaceAll('\r\n', '')).not.toContain('\n')
      }
    },
  )

  it('refuses a binary format with the text formats named', () => {
    expect(() => renderReportPieces(model, { format: 'xlsx' as 'csv' })).toThrow(
      /md, html, csv, json/,
    )
  })
})
