// Output safety (issue 14, item 8): never over an input by any path, never through a link,
// exactly one winner when two runs race, nothing left behind by a killed run.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { batched, utf8Batches } from './io.js'
import { refuseOutput, writeOutput } from './write-output.js'

const base = mkdtempSync(join(tmpdir(), 'reformkit-write-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const en = { locale: 'en' as const }

describe('writeOutput', () => {
  it('writes text made in pieces whole, and nothing when making it fails', async () => {
    const pieces = Array.from({ length: 3000 }, (_, i) => `第${i}行\n`)
    const target = join(base, 'pieces.md')
    await writeOutput(target, pieces, en)
    expect(readFileSync(target, 'utf8')).toBe(pieces.join(''))
    function* failing() {
      yield 'half a report'
      throw new Error('made badly')
    }
    const broken = join(base, 'broken.md')
    await expect(writeOutput(broken, failing(), en)).rejects.toThrow('made badly')
    expect(existsSync(broken)).toBe(false)
    expect(readdirSync(base).filter((name) => name.includes('broken.md'))).toEqual([])
  })

  it('makes the folders it goes in; refuses, before any work, a file in the way', async () => {
    const nested = join(base, 'new', '报告', 'report.md')
    await refuseOutput(nested, en)
    await writeOutput(nested, '考核', en)
    expect(readFileSync(nested, 'utf8')).toBe('考核')
    const file = join(base, 'a-file')
    writeFileSync(file, '')
    for (const [target, folder] of [
      [join(file, 'report.xlsx'), file],
      [join(file, 'sub', 'report.xlsx'), join(file, 'sub')],
    ] as const) {
      const refused = new RegExp(`^Cannot write .*: ${folder} is not a folder`)
      await expect(refuseOutput(target, en)).rejects.toThrow(refused)
      await expect(writeOutput(target, 'x', en)).rejects.toThrow(refused)
    }
    // A write that fails leaves no folder it made.
    function* failing() {
      yield 'half'
      throw new Error('made badly')
    }
    await expect(writeOutput(join(base, 'gone', 'deeper', 'x.md'), failing(), en)).rejects.toThrow(
      'made badly',
    )
    expect(existsSync(join(base, 'gone'))).toBe(false)
  })

  it('encodes pieces into UTF-8 chunks of about the size asked for, the same bytes as joined', () => {
    const pieces = Array.from(
      { length: 500 },
      (_, i) => `${i},调研${'😀'.repeat(i % 3)}${i % 97 === 0 ? '长'.repeat(40) : ''}\n`,
    )
    for (const size of [16, 64, 1000, 1 << 20]) {
      // Each chunk copied as it comes: the buffer is reused for the next.
      const chunks: Buffer[] = []
      for (const chunk of utf8Batches(pieces, size)) chunks.push(Buffer.from(chunk))
      expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join('')))).toBe(true)
      for (const chunk of chunks.slice(0, -1))
        expect(chunk.length <= size || chunk.length > size / 3).toBe(true)
    }
    expect([...utf8Batches([])]).toEqual([])
    expect(Buffer.from([...utf8Batches(['', 'a', ''])][0] ?? []).toString()).toBe('a')
  })

  it('batches pieces into writes of about the size asked for', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`)
    const batches = [...batched(pieces, 100)]
    expect(batches.join('')).toBe(pieces.join(''))
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(100)
    expect(batches.length).toBeLessThan(pieces.length / 10)
    expect([...batched([])]).toEqual([])
  })

  it('refuses an input reached through a symlinked folder, even with --force', async () => {
    const proj = join(base, 'p')
    mkdirSync(proj)
    writeFileSync(join(proj, 'plan.yaml'), 'plan')
    symlinkSync(proj, join(base, 'plink'))
    const inputs = [join(base, 'plink', 'plan.yaml')]
    await expect(
      writeOutput(join(proj, 'plan.yaml'), 'x', { ...en, inputs, force: true }),
    ).rejects.toThrow(/is an input/)
    expect(readFileSync(join(proj, 'plan.yaml'), 'utf8')).toBe('plan')
  })

  it('never writes through a symbolic link or replaces one', async () => {
    const link = join(base, 'out.md')
    symlinkSync('/proc/self/fd/1', link)
    await expect(writeOutput(link, 'x', { ...en, force: true })).rejects.toThrow(
      /not a regular file/,
    )
    expect(readlinkSync(link)).toBe('/proc/self/fd/1')
  })

  it('lets exactly one of many simultaneous runs create the file', async () => {
    const target = join(base, 'race.md')
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => writeOutput(target, `run ${i}`, en)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(readFileSync(target, 'utf8')).toMatch(/^run \d+$/)
  })

  it('removes what a killed run left, and only that', async () => {
    const target = join(base, 'report.md')
    const dead = join(base, '.report.md.reformkit-999999999-abcd1234.tmp')
    const live = join(base, `.report.md.reformkit-${process.pid}-abcd1234.tmp`)
    writeFileSync(dead, 'half')
    writeFileSync(live, 'in progress')
    await writeOutput(target, 'whole', en)
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(live)).toBe(true)
    expect(readFileSync(target, 'utf8')).toBe('whole')
  })
})
