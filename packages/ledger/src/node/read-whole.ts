// A ledger file read whole with synchronous calls: open, fstat, a read or two, close — none
// through the thread pool. `fs/promises` readFile makes a round trip through it per call
// and per 512 KiB, and stat before it another: most of reading a district's ledger files.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

/** What a ledger file holds: its bytes, or why they were not read. */
export type WholeFile =
  | { kind: 'read'; bytes: Buffer }
  | { kind: 'not-file' }
  | { kind: 'too-large'; size: number }

/**
 * Read `file` whole, never more than `maxBytes` of it: one that grows while read is refused
 * as too large, not read without bound. A FIFO or a device is opened without waiting and
 * never read. Throws what `open` throws (a missing or unreadable file).
 */
export function readWhole(file: string, maxBytes: number): WholeFile {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    // A folder opens on Linux (and fstat says so below); on Windows it does not.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') return { kind: 'not-file' }
    throw error
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) return { kind: 'not-file' }
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size }
    let buffer = Buffer.allocUnsafe(info.size + 1)
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { kind: 'too-large', size: length }
        const grown = Buffer.allocUnsafe(Math.min(2 * length, maxBytes + 1))
        buffer.copy(grown)
        buffer = grown
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) return { kind: 'read', bytes: buffer.subarray(0, length) }
      length += n
    }
  } finally {
    closeSync(fd)
  }
}
