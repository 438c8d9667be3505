// verifyBundle against copies made to deceive or exhaust it (issue 14, items 3, 4, 5, 11):
// every one a finding, read in bounded memory, nothing thrown.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { crc32, zipFiles } from '../render/zip.js'
import { verifyBundle } from './bundle.js'

const base = await mkdtemp(join(tmpdir(), 'reformkit-verify-'))
afterAll(() => rm(base, { recursive: true, force: true }))
const date = new Date('2017-12-31T12:00:00Z')
const text = (s: string) => new TextEncoder().encode(s)
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')
const manifestOf = (files: Array<[string, Uint8Array]>) =>
  text(
    JSON.stringify({
      schema: 'reformkit/bundle@1',
      files: files.map(([path, data]) => ({ path, sha256: sha(data), bytes: data.length })),
    }),
  )

async function zipAt(name: string, files: Array<[string, Uint8Array]>): Promise<string> {
  const path = join(base, name)
  await writeFile(path, await zipFiles(files, date))
  return path
}

/** A zip of one deflated entry whose local header says what we like about its sizes. */
async function craftedZip(
  name: string,
  entry: { name: string; packed: Uint8Array; size: number; crc: number },
): Promise<string> {
  const nameBytes = text(entry.name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8) // deflate
  local.writeUInt32LE(entry.crc, 14)
  local.writeUInt32LE(entry.packed.length, 18)
  local.writeUInt32LE(entry.size, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const path = join(base, name)
  await writeFile(path, Buffer.concat([local, nameBytes, entry.packed]))
  return path
}

const rules = async (path: string) => (await verifyBundle(path)).diagnostics.map((d) => d.ruleId)

describe('verify refuses what would deceive it', () => {
  it('a name that appears twice: both are findings, not the last one checked', async () => {
    const a = text('a')
    const path = await zipAt('dup.zip', [
      ['manifest.json', manifestOf([['files/a.txt', a]])],
      ['files/a.txt', a],
      ['files/a.txt', text('forged')],
    ])
    expect(await rules(path)).toEqual(['bundle/duplicate-name'])
  })

  it('a name that leaves the copy (zip slip) is a finding', async () => {
    const path = await zipAt('slip.zip', [
      ['manifest.json', manifestOf([])],
      ['../../evil.txt', text('x')],
      ['/etc/cron.d/x', text('x')],
    ])
    expect(await rules(path)).toEqual(['bundle/unsafe-name', 'bundle/unsafe-name'])
  })

  it.each([
    ['sha256 is a number', { files: [{ path: 'a', sha256: 5, bytes: 1 }] }],
    ['a file is null', { files: [null] }],
    ['no files', { schema: 'reformkit/bundle@1' }],
    ['not JSON', '{'],
  ])('a malformed manifest (%s) is a finding, not an internal error', async (_, manifest) => {
    const body = typeof manifest === 'string' ? manifest : JSON.stringify(manifest)
    const path = await zipAt(`manifest-${_.length}.zip`, [['manifest.json', text(body)]])
    const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en' })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['bundle/bad-manifest'])
    expect(diagnostics[0]?.message).toMatch(/manifest\.json is malformed/)
  })

  it('a symbolic link in a bundle folder is reported, never followed', async () => {
    const dir = join(base, 'linked')
    await mkdir(join(dir, 'files'), { recursive: true })
    await writeFile(join(dir, 'manifest.json'), manifestOf([]))
    await symlink('/etc/passwd', join(dir, 'files', 'evil.txt'))
    const { ok, diagnostics } = await verifyBundle(dir, undefined, { locale: 'en' })
    expect(ok).toBe(false)
    expect(diagnostics.map((d) => [d.ruleId, d.data.path])).toEqual([
      ['bundle/not-a-file', 'files/evil.txt'],
    ])
    expect(diagnostics[0]?.message).toMatch(/symbolic link/)
  })
})

describe('verify in bounded memory', () => {
  // 256 MiB of zeros deflate to about 256 KB: a ratio of 1,000 to 1.
  const zeros = new Uint8Array(256 * 1024 * 1024)
  const packed = deflateRawSync(zeros)
  const crc = crc32(zeros)

  // The ratio is judged only past `ratioFrom` inflated (256 MiB; a copy's own 80 MiB scan of
  // zeros must verify): lowered here so that 256 MiB stands for a bomb.
  const limits = { ratioFrom: 64 * 1024 * 1024 }

  it('refuses an entry that declares a zip bomb ratio before inflating it', async () => {
    const path = await craftedZip('bomb.zip', { name: 'big.bin', packed, size: zeros.length, crc })
    const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en', limits })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['bundle/refused'])
    expect(diagnostics[0]?.message).toMatch(/zip bomb/)
  })

  it('refuses an entry declaring 4 GiB from 256 KB with the default limits, at once', async () => {
    const path = await craftedZip('bomb4.zip', { name: 'big.bin', packed, size: 0xfffffffe, crc })
    const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en' })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['bundle/refused'])
    expect(diagnostics[0]?.message).toMatch(/declares 4096 MiB inflated.*zip bomb/)
  })

  it('stops an entry that inflates past the size it declares', async () => {
    const path = await craftedZip('liar.zip', { name: 'small.txt', packed, size: 100, crc })
    const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en' })
    expect(diagnostics.map((d) => d.ruleId)).toContain('bundle/refused')
    expect(diagnostics[0]?.message).toMatch(/reading stopped/)
  })

  it('stops an entry without declared sizes once the ratio betrays it', async () => {
    const path = await craftedZip('silent.zip', { name: 'z.bin', packed, size: 0, crc: 0 })
    const { diagnostics } = await verifyBundle(path, undefined, { limits })
    expect(diagnostics.map((d) => d.ruleId)).toContain('bundle/refused')
  })

  it('a device or a FIFO is not a copy, and is never opened', async () => {
    const fifo = join(base, 'fifo')
    execFileSync('mkfifo', [fifo])
    for (const path of ['/dev/zero', fifo]) {
      const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en' })
      expect(diagnostics.map((d) => d.ruleId)).toEqual(['bundle/unreadable'])
      expect(diagnostics[0]?.message).toMatch(/neither a folder nor a regular file/)
    }
  })

  it('a damaged zip says so in words, not a bare code', async () => {
    const path = join(base, 'damaged.zip')
    const whole = await zipFiles([['a.txt', text('x'.repeat(5000))]], date)
    await writeFile(path, whole.subarray(0, 40))
    const { diagnostics } = await verifyBundle(path, undefined, { locale: 'en' })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['bundle/unreadable'])
    expect(diagnostics[0]?.message).toMatch(/a damaged one \(invalid zip data\)/)
    const gone = await verifyBundle(join(base, 'nowhere.zip'), undefined, { locale: 'en' })
    expect(gone.diagnostics[0]?.message).toMatch(/no such file or folder/)
  })
})
