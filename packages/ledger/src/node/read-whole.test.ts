import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWhole } from './read-whole.js'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'reformkit-read-'))
  await writeFile(join(root, 'fgj.yaml'), 'unit: fgj\n台账: 是\n')
  await writeFile(join(root, 'empty.yaml'), '')
  await writeFile(join(root, 'big.yaml'), Buffer.alloc(5000, 97))
  execFileSync('mkfifo', [join(root, 'pipe.yaml')])
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('readWhole', () => {
  it('reads a file whole, byte for byte, and an empty one as no bytes', () => {
    const read = readWhole(join(root, 'fgj.yaml'), 1000)
    expect(read.kind === 'read' && read.bytes.toString('utf8')).toBe('unit: fgj\n台账: 是\n')
    const empty = readWhole(join(root, 'empty.yaml'), 1000)
    expect(empty.kind === 'read' && empty.bytes.length).toBe(0)
  })

  it('refuses what is larger than the limit without reading it, at the limit reads it', () => {
    expect(readWhole(join(root, 'big.yaml'), 4999)).toEqual({ kind: 'too-large', size: 5000 })
    const at = readWhole(join(root, 'big.yaml'), 5000)
    expect(at.kind === 'read' && at.bytes.length).toBe(5000)
  })

  it('never reads a FIFO (it would wait for a writer) or a folder', () => {
    expect(readWhole(join(root, 'pipe.yaml'), 1000)).toEqual({ kind: 'not-file' })
    expect(readWhole(root, 1000)).toEqual({ kind: 'not-file' })
  })

  it('throws what open throws for a file that is not there', () => {
    expect(() => readWhole(join(root, 'none.yaml'), 1000)).toThrow(/ENOENT/)
  })
})
