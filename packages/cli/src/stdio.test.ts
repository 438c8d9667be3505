import { spawn, spawnSync } from 'node:child_process'
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeAll } from './stdio.js'

const base = mkdtempSync(join(tmpdir(), 'reformkit-stdio-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('writeAll', () => {
  it('writes every byte to a non-blocking pipe whose reader is slow (EAGAIN is tried again)', async () => {
    const fifo = join(base, 'fifo')
    const copy = join(base, 'copy')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    // The reader opens the pipe, waits while the writer fills it, then reads it all.
    const reader = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs'); const fd = fs.openSync(${JSON.stringify(fifo)}, 'r');
       setTimeout(() => fs.writeFileSync(${JSON.stringify(copy)}, fs.readFileSync(fd)), 300)`,
    ])
    const done = new Promise((resolve) => reader.on('exit', resolve))
    // Opening for writing without blocking fails until the reader has it open.
    let fd = -1
    for (let tries = 0; fd < 0 && tries < 500; tries++) {
      try {
        fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }
    expect(fd).toBeGreaterThanOrEqual(0)
    // Far more than a pipe holds (64 KiB), text and bytes.
    const text = '台账条目 ledger entry\n'.repeat(40_000)
    const bytes = Buffer.alloc(300_000, 7)
    writeAll(fd, text)
    writeAll(fd, bytes)
    closeSync(fd)
    expect(await done).toBe(0)
    const written = readFileSync(copy)
    expect(written.length).toBe(Buffer.byteLength(text) + bytes.length)
    expect(written.subarray(0, Buffer.byteLength(text)).toString()).toBe(text)
    expect(written.subarray(Buffer.byteLength(text)).equals(bytes)).toBe(true)
  })
})
