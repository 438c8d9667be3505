import { createHash } from 'node:crypto'
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

  it("hash: 'declared' hashes only what an entry gives a hash for, here or in a later file", async () => {
    const names = Array.from({ length: 700 }, (_, i) => `files/a/${i}.pdf`)
    for (const [i, name] of names.entries()) await writeFile(join(root, name), `scan ${i}`)
    const sha = (i: number) => createHash('sha256').update(`scan ${i}`).digest('hex')
    const declaring = (from: number, to: number, every: number) =>
      names.slice(from, to).map(
        (path, k) =>
          ({
            id: `d${from + k}`,
            attachments: [(from + k) % every ? { path } : { path, sha256: sha(from + k) }],
          }) as unknown as LedgerEntry,
      )
    for (const threads of [0, 1]) {
      let progress = 0
      const gatherer = new AttachmentGatherer({
        root,
        threads,
        hash: 'declared',
        onProgress: () => progress++,
      })
      // Every 7th declared in the first part; in the second, every 5th of paths seen before.
      gatherer.add(declaring(0, 600, 7))
      await new Promise((resolve) => setTimeout(resolve, 20))
      gatherer.add(declaring(300, 700, 5))
      const facts = await gatherer.finish()
      expect(facts.size).toBe(700)
      expect(progress).toBe(700)
      for (const [i, name] of names.entries()) {
        const declared = (i < 600 && i % 7 === 0) || (i >= 300 && i % 5 === 0)
        const fact = facts.get(name)
        expect(fact, name).toMatchObject({ exists: true, bytes: `scan ${i}`.length })
        expect(fact?.sha256, name).toBe(declared ? sha(i) : undefined)
      }
    }
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
