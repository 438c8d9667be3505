import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LedgerEntry } from '../entry/schema.js'
import { AttachmentGatherer, gatherAttachments } from './attachments.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reformkit-gather-'))
  await mkdir(join(root, 'files', 'a'), { recursive: true })
})
afterEach(() => rm(root, { recursive: true, force: true }))

const entries = (paths: string[]) =>
  paths.map((path, i) => ({ id: `e${i}`, attachments: [{ path }] }) as unknown as LedgerEntry)

describe('gathering attachments as the ledger is read', () => {
  it('fed file by file: each path once, in the order first named, as if gathered at once', async () => {
    const names = Array.from({ length: 700 }, (_, i) => `files/a/${i}.pdf`)
    for (const [i, name] of names.entries())
      if (i % 5) await writeFile(join(root, name), `scan ${i}`)
    const parts = [names.slice(0, 300), [...names.slice(250, 600), '../x.pdf'], names.slice(100)]
    const gatherer = new AttachmentGatherer({ root })
    let last = 0
    for (const part of parts) gatherer.add(entries(part))
    const fed = await gatherer.finish()
    const once = await gatherAttachments(entries(parts.flat()), {
      root,
      threads: 0,
      onProgress: (p) => {
        last = p.done
      },
    })
    expect([...fed.keys()]).toEqual([...names.slice(0, 600), '../x.pdf', ...names.slice(600)])
    expect(fed).toEqual(once)
    expect(last).toBe(701)
    expect(fed.get('files/a/5.pdf')).toEqual({ path: 'files/a/5.pdf', exists: false })
    expect(fed.get('files/a/6.pdf')).toMatchObject({ exists: true, bytes: 6 })
    expect(fed.get('../x.pdf')).toMatchObject({ exists: false, outsideRoot: 'parent' })
  })

  it('a root that is not there rejects finish(), not the process', async () => {
    const gatherer = new AttachmentGatherer({ root: join(root, 'gone') })
    gatherer.add(entries(['files/a.pdf']))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await expect(gatherer.finish()).rejects.toThrow(/ENOENT/)
  })
})

describe('loadLedger with many attachments', () => {
  it('a progress callback that throws rejects the load and leaves no thread running', async () => {
    const { loadLedger } = await import('./load-ledger.js')
    await mkdir(join(root, 'ledger'))
    const entry = (i: number) => ({
      id: `e${i}`,
      item: 'i1',
      unit: 'u1',
      kind: 'research',
      date: '2017-05-01',
      title: `调研 ${i}`,
      attachments: [{ path: `files/a/${i}.pdf` }],
    })
    for (const f of [0, 1])
      await writeFile(
        join(root, 'ledger', `d${f}.json`),
        JSON.stringify({
          schema: 'reformkit/ledger@1',
          entries: Array.from({ length: 600 }, (_, i) => entry(f * 600 + i)),
        }),
      )
    const before = process.getActiveResourcesInfo().length
    await expect(
      loadLedger('ledger', {
        root,
        onProgress: (p) => {
          if (p.phase === 'read') throw new Error('the caller failed')
        },
      }),
    ).rejects.toThrow('the caller failed')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(before)
  })
})
