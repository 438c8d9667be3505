import { execFileSync } from 'node:child_process'
import { createHash, hash as cryptoHash } from 'node:crypto'
import * as fs from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import * as paths from 'node:path'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answerBatch,
  directPath,
  type FileAsk,
  type FileLook,
  findIn,
  hashFiles,
  type Listings,
  type Looker,
  lookAt,
  lookAtAll,
} from './look.js'

/** Sizes at the edges of the 64 KiB read buffer. */
const EDGES = [0, 1, 65_535, 65_536, 65_537, 131_072]
const edge = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31) % 251))

let root: string
const bodies: string[] = []
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'reformkit-look-'))
  await mkdir(join(root, 'files'))
  for (let i = 0; i < 1200; i++) {
    bodies.push(`扫描件 ${i}\n`.repeat(i % 40))
    await writeFile(join(root, 'files', `${i}.pdf`), bodies[i] as string)
  }
  await writeFile(join(root, 'files', 'big.pdf'), Buffer.alloc(200_000, 7))
  for (const size of EDGES) await writeFile(join(root, 'files', `edge-${size}.pdf`), edge(size))
  execFileSync('mkfifo', [join(root, 'files', 'pipe.pdf')])
})
afterAll(() => rm(root, { recursive: true, force: true }))

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/**
 * What `lookAtAll` sees, each file reported once. `threaded`: how many the threads must
 * answer; null when this thread helps (then the threads answer some, or none).
 */
async function looks(
  asks: FileAsk[],
  threads?: number,
  threaded: number | null = 0,
): Promise<FileLook[]> {
  const out: FileLook[] = []
  let calls = 0
  const answered = await lookAtAll(
    asks,
    (i, look) => {
      calls++
      out[i] = look
    },
    { ...(threads === undefined ? {} : { threads }), help: threaded === null },
  )
  expect(calls).toBe(asks.length)
  if (threaded === null) expect(answered).toBeLessThanOrEqual(asks.length)
  else expect(answered).toBe(threaded)
  return out
}

describe('looking at attachment files', () => {
  it('on threads, as on the main thread: each file once, its size and SHA-256', async () => {
    const asks = bodies.map((_, i) => ({ file: join(root, 'files', `${i}.pdf`), hash: true }))
    const threaded = await looks(asks, 3, asks.length)
    expect(threaded).toEqual(await looks(asks, 0))
    // This thread taking batches from the end (those the thread then skips): the same.
    expect(await looks(asks, 1, null)).toEqual(threaded)
    // Recorded stamps and hashing off, mixed, and files that are none: the same both ways.
    const mixed: FileAsk[] = asks.map((ask, i) => {
      const look = threaded[i]
      if (i % 3 === 0 && look?.kind === 'file') return { ...ask, known: look.stamp }
      if (i % 3 === 1) return { ...ask, hash: false }
      return i % 7 === 0 ? { ...ask, file: `${ask.file}.none` } : ask
    })
    expect(await looks(mixed, 2, mixed.length)).toEqual(await looks(mixed, 0))
    expect(await looks(mixed, 2, null)).toEqual(await looks(mixed, 0))
    threaded.forEach((look, i) => {
      expect(look.kind).toBe('file')
      if (look.kind === 'file') {
        expect(look.stamp.size).toBe(Buffer.byteLength(bodies[i] as string))
        expect(look.sha256).toBe(sha(bodies[i] as string))
      }
    })
  })

  it('reads a file larger than its buffer whole; does not open a pipe or a folder', async () => {
    const [big, pipe, folder, none] = await looks([
      { file: join(root, 'files', 'big.pdf'), hash: true },
      { file: join(root, 'files', 'pipe.pdf'), hash: true },
      { file: join(root, 'files'), hash: true },
      { file: join(root, 'files', 'none.pdf'), hash: true },
    ])
    expect(big).toMatchObject({
      kind: 'file',
      sha256: sha(Buffer.alloc(200_000, 7)),
      read: 200_000,
    })
    expect([pipe?.kind, folder?.kind, none?.kind]).toEqual(['not-file', 'not-file', 'unreadable'])
  })

  it('hashes a file of any size around its read buffer (64 KiB) as a whole', async () => {
    const seen = await looks(
      EDGES.map((size) => ({ file: join(root, 'files', `edge-${size}.pdf`), hash: true })),
    )
    expect(seen).toEqual(
      EDGES.map((size) => ({
        kind: 'file',
        stamp: expect.objectContaining({ size }),
        sha256: sha(edge(size)),
        read: size,
      })),
    )
  })

  it('a file still as recorded, or with hashing off, is not read', async () => {
    const file = join(root, 'files', '3.pdf')
    const [first] = await looks([{ file, hash: true }])
    if (first?.kind !== 'file') throw new Error('3.pdf should be a file')
    const [known, changed, unhashed] = await looks([
      { file, hash: true, known: first.stamp },
      { file, hash: true, known: { ...first.stamp, mtimeMs: 0 } },
      { file, hash: false },
    ])
    expect(known).toEqual({ kind: 'file', stamp: first.stamp })
    expect(changed).toEqual(first)
    expect(unhashed).toEqual({ kind: 'file', stamp: first.stamp })
  })

  it('a file still as recorded is taken on lstat alone; a link there is not (not opened either way)', async () => {
    const file = join(root, 'files', '5.pdf')
    const [first] = await looks([{ file, hash: true }])
    if (first?.kind !== 'file') throw new Error('5.pdf should be a file')
    // A file system that can lstat but not open: only what lstat answers can be seen.
    const noOpen = {
      ...fs,
      openSync: () => {
        throw new Error('opened')
      },
    } as typeof fs
    const buffer = Buffer.alloc(1024)
    const crypto = { createHash, hash: cryptoHash }
    expect(lookAt(noOpen, crypto, buffer, { file, hash: true, known: first.stamp })).toEqual({
      kind: 'file',
      stamp: first.stamp,
    })
    // Changed since: lstat does not do, the file is opened (here: cannot be).
    const stale = { ...first.stamp, ctimeMs: first.stamp.ctimeMs - 1 }
    expect(lookAt(noOpen, crypto, buffer, { file, hash: true, known: stale })).toEqual({
      kind: 'unreadable',
    })
    // A symbolic link where the file was: lstat sees the link, not the file it leads to.
    const link = join(root, 'files', 'link-to-5.pdf')
    await symlink(file, link)
    expect(lookAt(noOpen, crypto, buffer, { file: link, hash: true, known: first.stamp })).toEqual({
      kind: 'unreadable',
    })
    await rm(link)
  })

  it('hashFiles: each in the order given, undefined for what is no readable file', async () => {
    const files = [...bodies.keys()].map((i) => join(root, 'files', `${i}.pdf`)).reverse()
    files.splice(5, 0, join(root, 'files', 'none.pdf'), join(root, 'files', 'pipe.pdf'))
    let done = 0
    const hashes = await hashFiles(files, () => done++)
    expect(done).toBe(files.length)
    expect(hashes.slice(4, 8)).toEqual([
      { bytes: Buffer.byteLength(bodies[1195] as string), sha256: sha(bodies[1195] as string) },
      undefined,
      undefined,
      { bytes: Buffer.byteLength(bodies[1194] as string), sha256: sha(bodies[1194] as string) },
    ])
  })
})

// One tree for the walk and the direct road: plain files, a name in another case, links
// inside and out of the root (a file, a folder, the folder above), a FIFO, a file at the top.
describe('finding a path under the root', () => {
  let base: string
  let top: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'reformkit-find-'))
    top = join(base, 'root')
    await mkdir(join(top, 'files', 'a', 'sub'), { recursive: true })
    await mkdir(join(top, 'files', 'b'))
    await writeFile(join(base, 'secret.txt'), 'outside')
    for (const file of ['a/x.pdf', 'a/y.pdf', 'a/Case.pdf', 'a/sub/z.pdf', 'b/x.pdf'])
      await writeFile(join(top, 'files', file), file)
    await writeFile(join(top, 'top.pdf'), 'top')
    await symlink(join(base, 'secret.txt'), join(top, 'files', 'a', 'out.pdf'))
    await symlink(join(top, 'files', 'b', 'x.pdf'), join(top, 'files', 'a', 'in.pdf'))
    await symlink(join(top, 'files', 'b'), join(top, 'files', 'a', 'linked'))
    await symlink(base, join(top, 'files', 'up'))
    execFileSync('mkfifo', [join(top, 'files', 'a', 'pipe.pdf')])
  })
  afterAll(() => rm(base, { recursive: true, force: true }))
  const written = [
    ...['files/a/x.pdf', 'files/a/y.pdf', 'files/a/case.pdf', 'files/a/out.pdf', 'top.pdf'],
    ...['files/a/in.pdf', 'files/a/sub', 'files/a/sub/z.pdf', 'files/a/', 'files/a/.'],
    ...['files\\a\\x.pdf', 'files/a/none.pdf', 'files/b/x.pdf', 'files//a/x.pdf'],
    ...['files/a/linked/x.pdf', 'files/a/x.pdf/y', 'files/none/x.pdf', 'files/a/..'],
    ...['files/../files/a/x.pdf', 'files/a/pipe.pdf', 'files/up/secret.txt', './files/b/x.pdf'],
  ]

  it('findIn after another path in the same folder finds what a walk from the root finds, in any order (property)', () => {
    const walked = (path: string) => findIn(fs, paths, { folders: new Map() }, top, path)
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...written), { maxLength: 30 }), (order) => {
        const listings: Listings = { folders: new Map() }
        for (const path of order)
          expect(findIn(fs, paths, listings, top, path), path).toEqual(walked(path))
      }),
      { numRuns: 300 },
    )
    // What the walk finds, so that the property compares something.
    expect(walked('files/a/x.pdf')).toBe(join(top, 'files', 'a', 'x.pdf'))
    expect(walked('files/a/out.pdf')).toEqual({ kind: 'outside' })
    expect(walked('files/a/in.pdf')).toBe(join(top, 'files', 'b', 'x.pdf'))
    expect(walked('files/a/linked/x.pdf')).toBe(join(top, 'files', 'b', 'x.pdf'))
    expect(walked('files/a/sub')).toEqual({ kind: 'not-file' })
  })

  it('the direct road (O_NOFOLLOW where every folder is a plain one) answers what the walk answers, in any order (property)', () => {
    let direct = 0
    const looker = (road: 'direct' | 'walk'): Looker => ({
      ...{ lookAt, findIn, files: fs, paths, crypto: { createHash, hash: cryptoHash } },
      ...{ buffer: Buffer.alloc(1 << 16), listings: { folders: new Map() } },
      directPath:
        road === 'walk'
          ? () => undefined
          : (...args) => {
              const path = directPath(...args)
              if (path !== undefined) direct++
              return path
            },
    })
    const batch = (order: string[]) => ({
      root: top,
      files: order.join('\0'),
      hash: '1'.repeat(order.length),
      known: [],
    })
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...written), { minLength: 1, maxLength: 30 }),
        (order) => {
          expect(answerBatch(looker('direct'), batch(order))).toEqual(
            answerBatch(looker('walk'), batch(order)),
          )
        },
      ),
      { numRuns: 200 },
    )
    // The direct road was taken, and what it found is what it should be.
    expect(direct).toBeGreaterThan(0)
    const one = answerBatch(looker('direct'), batch(['files/a/x.pdf', 'files/a/out.pdf']))
    expect(one.kinds).toBe('ho')
    expect(one.hashes).toBe(sha('a/x.pdf'))
  })
})
