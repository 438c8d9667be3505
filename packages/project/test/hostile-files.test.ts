// Files that would exhaust or block a reader (issue 14, item 5): looked at before a byte
// is read. A pipe or a device is a finding; so is a plan of 3 GiB (a sparse file here).
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadProject } from '../src/node/index.js'

const base = mkdtempSync(join(tmpdir(), 'reformkit-hostile-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const plan = new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url)

function project(name: string): string {
  const dir = join(base, name)
  mkdirSync(dir)
  return dir
}
const rules = async (dir: string) =>
  (await loadProject(dir, { locale: 'en' })).diagnostics.map((d) => [d.ruleId, d.location.file])

describe('files that would block or exhaust the reader', () => {
  it('a plan that is a pipe is a finding, not a hang', async () => {
    const dir = project('fifo-plan')
    execFileSync('mkfifo', [join(dir, 'plan.yaml')])
    expect(await rules(dir)).toEqual([['source/not-a-file', 'plan.yaml']])
  })

  it('a plan of 3 GiB is refused before it is read', async () => {
    const dir = project('huge-plan')
    writeFileSync(join(dir, 'plan.yaml'), '')
    truncateSync(join(dir, 'plan.yaml'), 3 * 1024 ** 3)
    expect(await rules(dir)).toEqual([['source/too-large', 'plan.yaml']])
  })

  it('a ledger file of 20 MiB is read, as in the browser; one of 3 GiB is refused: split it', async () => {
    const dir = project('large-ledger')
    copyFileSync(plan, join(dir, 'plan.yaml'))
    mkdirSync(join(dir, 'ledger'))
    const entry = { id: 'e1', item: 'item-01', unit: 'fgj', kind: 'progress', date: '2017-03-01' }
    const note = 'x'.repeat(20 * 1024 ** 2)
    const entries = [{ ...entry, title: '推进情况', note }]
    writeFileSync(
      join(dir, 'ledger', 'all.json'),
      JSON.stringify({ schema: 'reformkit/ledger@1', entries }),
    )
    const read = await loadProject(dir, { locale: 'en' })
    expect(read.diagnostics.filter((d) => d.location.file === 'ledger/all.json')).toEqual([])
    expect(read.entries.map((e) => e.id)).toEqual(['e1'])
    writeFileSync(join(dir, 'ledger', 'all.json'), '')
    truncateSync(join(dir, 'ledger', 'all.json'), 3 * 1024 ** 3)
    const refused = (await loadProject(dir, { locale: 'en' })).diagnostics
    expect(refused.map((d) => [d.ruleId, d.location.file, d.message])).toEqual([
      [
        'source/too-large',
        'ledger/all.json',
        'The ledger file is 3.0 GiB, over the 64.0 MiB limit; split it into smaller ledger files, by unit or by year',
      ],
    ])
  })

  it('a config or a ledger that is a pipe is a finding; the rest is read', async () => {
    const dir = project('fifo-config')
    copyFileSync(plan, join(dir, 'plan.yaml'))
    execFileSync('mkfifo', [join(dir, 'reformkit.config.yaml')])
    execFileSync('mkfifo', [join(dir, 'ledger')])
    const found = await rules(dir)
    expect(found).toContainEqual(['source/not-a-file', 'reformkit.config.yaml'])
    expect(found).toContainEqual(['source/not-a-file', 'ledger'])
  })
})
