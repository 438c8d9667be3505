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
