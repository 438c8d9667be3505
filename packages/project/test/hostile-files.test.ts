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
