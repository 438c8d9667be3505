import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { packFiles } from './pack-files.js'
import type { PackedFile } from './zip-writer.js'

const base = await mkdtemp(join(tmpdir(), 'reformkit-pack-'))
afterAll(() => rm(base, { recursive: true, force: true }))

// 600 small files (enough for threads), an empty one, one too large to read whole, one
// missing and a FIFO (which must not hang a thread): the last three are left to the caller.
const paths: string[] = []
for (let i = 0; i < 600; i++) {
  const path = join(base, `scan-${i}.pdf`)
  await writeFile(path, i % 3 === 0 ? randomBytes(i * 7) : `扫描件 ${i}\n`.repeat(i % 50))
  paths.push(path)
}
await writeFile(join(base, 'empty.txt'), '')
await writeFile(join(base, 'large.bin'), randomBytes(1024 * 1024))
execFileSync('mkfifo', [join(base, 'pipe')])
paths.splice(100, 0, join(base, 'empty.txt'), join(base, 'large.bin'), join(base, 'missing'))
paths.push(join(base, 'pipe'))
const left = new Set(['large.bin', 'missing', 'pipe'].map((name) => join(base, name)))

async function all(threads?: number): Promise<Array<PackedFile | undefined>> {
  const out: Array<PackedFile | undefined> = []
  for await (const packed of packFiles(paths, threads === undefined ? {} : { threads }))
    out.push(packed && { ...packed, deflated: Uint8Array.from(packed.deflated) })
  return out
}

describe('packFiles', () => {
  it('packs each small file as the zip writer would, in order, on threads', async () => {
    const packed = await all(2)
    expect(packed).toHaveLength(paths.length)
    for (const [i, path] of paths.entries()) {
      const got = packed[i]
      if (left.has(path)) {
        expect(got).toBeUndefined()
        continue
      }
      const data = await readFile(path)
      expect(got).toEqual({
        bytes: data.length,
        crc: crc32(data),
        sha256: createHash('sha256').update(data).digest('hex'),
        deflated: Uint8Array.from(deflateRawSync(data, { level: 6 })),
      })
    }
  })

  it('leaves every file to the caller without threads, or for a few files', async () => {
    expect((await all(0)).every((packed) => packed === undefined)).toBe(true)
    const few: unknown[] = []
    for await (const packed of packFiles(paths.slice(0, 10))) few.push(packed)
    expect(few).toEqual(Array(10).fill(undefined))
  })

  it('stops its threads when the caller stops early', async () => {
    const packing = packFiles(paths, { threads: 2 })
    expect((await packing.next()).value).toBeDefined()
    await packing.return(undefined)
    expect((await packing.next()).done).toBe(true)
  })
})
