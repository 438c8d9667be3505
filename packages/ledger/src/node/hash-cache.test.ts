import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LedgerEntry } from '../entry/schema.js'
import { gatherAttachments } from './attachments.js'
import { HASH_CACHE_SCHEMA } from './hash-cache.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reformkit-cache-'))
  await mkdir(join(root, 'files'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

const entries = (paths: string[]) =>
  paths.map((path, i) => ({ id: `e${i}`, attachments: [{ path }] }) as unknown as LedgerEntry)
const FAKE = 'a'.repeat(64)

describe('the attachment hash cache', () => {
  it('keeps hashes of unchanged files, re-hashes changed ones, forgets recent ones', async () => {
    const cacheFile = join(root, '.reformkit-cache.json')
    await writeFile(join(root, 'files', 'old.pdf'), 'scan')
    await writeFile(join(root, 'files', 'new.pdf'), 'fresh')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(join(root, 'files', 'old.pdf'), hourAgo, hourAgo)
    const list = entries(['files/old.pdf', 'files/new.pdf', 'files/none.pdf'])

    const first = await gatherAttachments(list, { root, cacheFile })
    const saved = JSON.parse(await readFile(cacheFile, 'utf8'))
    expect(saved.schema).toBe(HASH_CACHE_SCHEMA)
    // A file changed in the last two seconds is not trusted to the cache.
    // One row a file: path, size, modification and change times, inode, hash.
    expect(saved.files.map((row: unknown[]) => row[0])).toEqual(['files/old.pdf'])
    expect(saved.files[0]).toEqual([
      'files/old.pdf',
      4,
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      first.get('files/old.pdf')?.sha256,
    ])

    // What the cache says is what a run reads, as long as the file is as recorded.
    saved.files[0][5] = FAKE
    await writeFile(cacheFile, JSON.stringify(saved))
    const second = await gatherAttachments(list, { root, cacheFile })
    expect(second.get('files/old.pdf')?.sha256).toBe(FAKE)

    // Changed (even to the same size, its time set back): hashed again.
    await writeFile(join(root, 'files', 'old.pdf'), 'SCAN')
    await utimes(join(root, 'files', 'old.pdf'), hourAgo, hourAgo)
    const third = await gatherAttachments(list, { root, cacheFile })
    expect(third.get('files/old.pdf')?.sha256).not.toBe(FAKE)
  })

  it('a cache that cannot be read is not used, and is written anew', async () => {
    const cacheFile = join(root, 'cache.json')
    await writeFile(
      cacheFile,
      '{"schema": "reformkit/attachment-cache@2", "files": [["files/a.pdf", 1, 2, 3, 4, 3]',
    )
    await writeFile(join(root, 'files', 'a.pdf'), 'a')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(join(root, 'files', 'a.pdf'), hourAgo, hourAgo)
    const facts = await gatherAttachments(entries(['files/a.pdf']), { root, cacheFile })
    expect(facts.get('files/a.pdf')?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).files[0][5]).toBe(
      facts.get('files/a.pdf')?.sha256,
    )
  })

  it('takes the rows that are whole, skips the others, and rewrites a cache of version 1', async () => {
    const cacheFile = join(root, 'cache.json')
    const hourAgo = new Date(Date.now() - 3_600_000)
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) {
      await writeFile(join(root, 'files', name), name)
      await utimes(join(root, 'files', name), hourAgo, hourAgo)
    }
    const list = entries(['files/a.pdf', 'files/b.pdf', 'files/c.pdf'])
    await gatherAttachments(list, { root, cacheFile })
    const saved = JSON.parse(await readFile(cacheFile, 'utf8'))
    expect(saved.files).toHaveLength(3)
    const [a, b, c] = saved.files as unknown[][]
    // a: whole, its hash changed to tell it was used; b: a row too short; c: a hash not one.
    saved.files = [
      [...(a as unknown[]).slice(0, 5), FAKE],
      b?.slice(0, 5),
      [...(c ?? []).slice(0, 5), 'x'],
    ]
    await writeFile(cacheFile, JSON.stringify(saved))
    const facts = await gatherAttachments(list, { root, cacheFile })
    expect(facts.get('files/a.pdf')?.sha256).toBe(FAKE)
    expect(facts.get('files/b.pdf')?.sha256).toBe((b as unknown[])[5])
    expect(facts.get('files/c.pdf')?.sha256).toBe((c as unknown[])[5])

    // The object of version 1, keyed by path: not read (every file hashed), written anew.
    const v1 = {
      schema: 'reformkit/attachment-cache@1',
      files: { 'files/a.pdf': { size: 5, mtimeMs: 1, ctimeMs: 1, ino: 1, sha256: FAKE } },
    }
    await writeFile(cacheFile, JSON.stringify(v1))
    const again = await gatherAttachments(list, { root, cacheFile })
    expect(again.get('files/a.pdf')?.sha256).toBe((a as unknown[])[5])
    const rewritten = JSON.parse(await readFile(cacheFile, 'utf8'))
    expect(rewritten.schema).toBe(HASH_CACHE_SCHEMA)
    expect(rewritten.files.map((row: unknown[]) => row[0])).toEqual([
      'files/a.pdf',
      'files/b.pdf',
      'files/c.pdf',
    ])
  })
})
