// Office files that LibreOffice opens and converts to PDF without error: the nearest check
// to "opens in Excel/WPS and Word without a repair prompt" that runs on a server. CI
// installs LibreOffice (.ci/run); elsewhere the test runs when `soffice` is on the PATH.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { renderReport } from '../src/render/render.js'
import { buildReport } from '../src/reports/build.js'
import { REPORT_KINDS } from '../src/reports/model.js'
import { loadExample } from './example.js'

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' })
const available = soffice.status === 0
if (!available && process.env.CI)
  throw new Error('CI must have LibreOffice for this test: .ci/run installs it (apt-get)')

const dir = mkdtempSync(join(tmpdir(), 'reformkit-lo-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!available)('LibreOffice opens every XLSX and DOCX report', () => {
  it('converts each kind, in both languages, to a PDF', async () => {
    const example = await loadExample()
    const names: string[] = []
    for (const kind of REPORT_KINDS)
      for (const locale of ['zh-CN', 'en'] as const)
        for (const format of ['xlsx', 'docx'] as const) {
          const name = `${kind}.${locale}-${format}.${format}`
          const bytes = await renderReport(buildReport({ ...example, kind }), { format, locale })
          writeFileSync(join(dir, name), bytes)
          names.push(name)
        }
    const pdf = convert('pdf', names)
    expect(pdf.status, pdf.stderr).toBe(0)
    expect(pdf.stderr).not.toMatch(/error/i)
    const pdfs = readdirSync(join(dir, 'pdf')).sort()
    expect(pdfs).toEqual(names.map((name) => name.replace(/\.(xlsx|docx)$/, '.pdf')).sort())
    for (const pdf of pdfs) {
      const data = readFileSync(join(dir, 'pdf', pdf))
      expect(data.subarray(0, 5).toString(), pdf).toBe('%PDF-')
      expect(data.byteLength, pdf).toBeGreaterThan(2000)
    }
    // LibreOffice reads an unreadable .docx as plain text; converting back to text shows
    // that it read the document itself: its title and the plan's title come out.
    const docx = names.filter((name) => name.endsWith('.docx'))
    const xlsx = names.filter((name) => name.endsWith('.xlsx'))
    expect(convert('txt:Text (encoded):UTF8', docx).status).toBe(0)
    expect(convert('csv:Text - txt - csv (StarCalc):44,34,76', xlsx).status).toBe(0)
    for (const name of [...docx, ...xlsx]) {
      const text = readFileSync(
        join(dir, 'text', name.replace(/\.docx$/, '.txt').replace(/\.xlsx$/, '.csv')),
        'utf8',
      )
      expect(text, name).toContain(example.plan.title)
    }
  }, 300_000)
})

/** Convert files in `dir` with LibreOffice (its own profile, no windows); PDF to pdf/, text to text/. */
function convert(to: string, names: string[]) {
  const profile = pathToFileURL(join(dir, 'profile')).href
  return spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      join(dir, to === 'pdf' ? 'pdf' : 'text'),
      ...names.map((name) => join(dir, name)),
    ],
    { encoding: 'utf8', timeout: 240_000 },
  )
}
