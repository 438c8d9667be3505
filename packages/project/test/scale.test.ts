// A province's findings through the loader: 150,000 reading findings from 37,500 sloppy
// entries once overflowed the stack (an argument spread) and the CLI died with an
// internal error; they are appended one by one now.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadProject } from '../src/node/index.js'

const dir = mkdtempSync(join(tmpdir(), 'reformkit-scale-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a project with findings beyond any argument list', () => {
  it('loads 150,000 findings', async () => {
    copyFileSync(
      new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url),
      join(dir, 'plan.yaml'),
    )
    mkdirSync(join(dir, 'ledger'))
    for (let f = 0; f < 5; f++) {
      // Each entry written as people write it: the unit by name, an ordinal, a Chinese
      // kind, a Chinese date — four `ledger/normalized` findings each.
      const entries = Array.from({ length: 7_500 }, (_, i) => ({
        id: `u${f}-${i}`,
        unit: '发改局',
        item: '（一）',
        kind: '调研',
        date: '2017年3月5日',
        title: `调研${i}`,
        attachments: [],
      }))
      writeFileSync(
        join(dir, 'ledger', `u${f}.json`),
        JSON.stringify({ schema: 'reformkit/ledger@1', entries }),
      )
    }
    const project = await loadProject(dir)
    expect(project.entries).toHaveLength(37_500)
    expect(project.diagnostics.length).toBe(150_000)
  })
})
