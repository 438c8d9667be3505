import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { readCopy } from './read-copy.js'
import { ZipWriter } from './zip-writer.js'

const base = await mkdtemp(join(tmpdir(), 'reformkit-zipwriter-'))
afterAll(() => rm(base, { recursive: true, force: true }))
const date = new Date('2017-12-31T12:00:00Z')
// Bytes, a small file (read whole) and a large one (streamed), incompressible and not.
const parts = {
  'manifest.json': new TextEncoder().encode('{"schema":"x"}\n'),
  'files/小文件.txt': new TextEncoder().encode('调研报告\n'.repeat(100)),
  'files/scan.pdf': randomBytes(3 * 1024 * 1024),
  // Read whole and deflated in one call, into output pieces about the input's size (at most
  // 16 KiB): incompressible ones of one piece and of several.
  'files/photo.jpg': randomBytes(10_000),
  'files/photo-large.jpg': randomBytes(200_000),
  'files/empty.txt': new Uint8Array(0),
  'ledger/fgj.yaml': new TextEncoder().encode('- id: a\n'.repeat(400_000)),
  // Bytes made in memory (a report) larger than a file read whole.
  'reports/index.xlsx': randomBytes(1536 * 1024),
}
/** Entries given as bytes, not as a file to read. */
const inMemory = new Set(['manifest.json', 'reports/index.xlsx'])

async function write(name: string, zip64: 'auto' | 'always') {
  const path = join(base, name)
  const zip = await ZipWriter.create(path, date, { zip64 })
  const written: Record<string, { sha256: string; bytes: number }> = {}
  for (const [entry, data] of Object.entries(parts)) {
    const file = join(base, `${name}-${entry.replaceAll('/', '_')}`)
    await writeFile(file, data)
    written[entry] = inMemory.has(entry)
      ? await zip.add(entry, data)
      : await zip.add(entry, { path: file })
  }
  await zip.close()
  return { path, written }
}

describe('ZipWriter', () => {
  it.each(['auto', 'always'] as const)(
    'writes a zip (zip64 %s) that fflate and the verify reader read back',
    async (zip64) => {
      const { path, written } = await write(`copy-${zip64}.zip`, zip64)
      const bytes = new Uint8Array(await readFile(path))
      const unzipped = unzipSync(bytes)
      expect(Object.keys(unzipped)).toEqual(Object.keys(parts))
      for (const [entry, data] of Object.entries(parts))
        expect(Buffer.from(unzipped[entry] as Uint8Array).equals(Buffer.from(data))).toBe(true)
      const copy = await readCopy(path)
      expect(copy.problems).toEqual([])
      expect(copy.manifest).toBe('{"schema":"x"}\n')
      for (const [entry, facts] of Object.entries(written))
        if (entry !== 'manifest.json')
          expect(copy.files.get(entry)).toEqual({ path: entry, ...facts })
      expect(written['reports/index.xlsx']?.bytes).toBe(1536 * 1024)
      // Zip64 records are there only when asked for (or needed): the zip64 locator, if any,
      // sits just before the end record (searching the bytes for its signature would find
      // it now and then inside the random data stored).
      const locator = Buffer.from(bytes).readUInt32LE(bytes.length - 22 - 20)
      expect(locator === 0x07064b50).toBe(zip64 === 'always')
    },
  )

  it('gives the same bytes for the same files and date', async () => {
    const a = await write('same-a.zip', 'auto')
    const b = await write('same-b.zip', 'auto')
    expect((await readFile(a.path)).equals(await readFile(b.path))).toBe(true)
  })

  it.runIf(existsSync('/proc/self/fd'))(
    'closes every file it opened, streamed or not',
    async () => {
      const open = () => readdirSync('/proc/self/fd').length
      const before = open()
      await write('closed.zip', 'auto')
      const zip = await ZipWriter.create(join(base, 'failed.zip'), date)
      await expect(zip.add('missing', { path: join(base, 'no-such-file') })).rejects.toThrow(
        /ENOENT/,
      )
      await zip.abort()
      expect(open()).toBe(before)
    },
  )

  it('never overwrites: the zip must not exist', async () => {
    await writeFile(join(base, 'taken.zip'), 'mine')
    await expect(ZipWriter.create(join(base, 'taken.zip'), date)).rejects.toThrow(/EEXIST/)
    expect(await readFile(join(base, 'taken.zip'), 'utf8')).toBe('mine')
  })
})
