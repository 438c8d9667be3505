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
    expect(Object.keys(saved.files)).toEqual(['files/old.pdf'])
    expect(saved.files['files/old.pdf'].sha256).toBe(first.get('files/old.pdf')?.sha256)

    // What the cache says is what a run reads, as long as the file is as recorded.
    saved.files['files/old.pdf'].sha256 = FAKE
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
      '{"schema": "reformkit/attachment-cache@1", "files": {"files/a.pdf": {"sha256": 3}',
    )
    await writeFile(join(root, 'files', 'a.pdf'), 'a')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(join(root, 'files', 'a.pdf'), hourAgo, hourAgo)
    const facts = await gatherAttachments(entries(['files/a.pdf']), { root, cacheFile })
    expect(facts.get('files/a.pdf')?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).files['files/a.pdf'].sha256).toBe(
      facts.get('files/a.pdf')?.sha256,
    )
  })
})
