// Templates that LibreOffice opens and saves again without complaint — the nearest check to
// "opens in Excel and WPS without a repair prompt" that runs on a server — and that read
// back the same after LibreOffice has rewritten them in its own way. CI installs
// LibreOffice (.ci/run); elsewhere the test runs when `soffice` is on the PATH.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createTemplate, exportPlanTable, importPlanTable, importWorkbook } from '../src/index.js'
import { content, loadExample } from './example.js'

const available = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
if (!available && process.env.CI)
  throw new Error('CI must have LibreOffice for this test: .ci/run installs it (apt-get)')

const dir = mkdtempSync(join(tmpdir(), 'reformkit-wb-lo-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!available)('LibreOffice', () => {
  it('opens every Wuhan unit’s template, and a filled one reads back the same', async () => {
    const { plan, entries } = await loadExample()
    const names: string[] = []
    for (const unit of plan.units) {
      writeFileSync(join(dir, `${unit.id}.xlsx`), await createTemplate({ plan, unit: unit.id }))
      names.push(`${unit.id}.xlsx`)
    }
    writeFileSync(join(dir, 'all.xlsx'), await createTemplate({ plan, entries }))
    writeFileSync(join(dir, 'table.xlsx'), await exportPlanTable(plan))
    names.push('all.xlsx', 'table.xlsx')
    const out = join(dir, 'saved')
    mkdirSync(out)
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        ...names.map((name) => join(dir, name)),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).not.toMatch(/error/i)
    for (const name of names) {
      const saved = new Uint8Array(readFileSync(join(out, name)))
      if (name === 'table.xlsx') {
        const draft = await importPlanTable(saved)
        expect(draft.plan.items?.map((i) => i.title)).toEqual(plan.items.map((i) => i.title))
        continue
      }
      const read = importWorkbook(saved, { plan, filename: name })
      expect(read.diagnostics, name).toEqual([])
      if (name === 'all.xlsx') expect(read.entries.map(content)).toEqual(entries.map(content))
      else expect(read.entries, name).toEqual([])
    }
  }, 150_000)
})
