// A cache of attachment hashes, as ESLint's --cache is of lint results: a file whose size,
// modification and change times and inode are those recorded is not read again. A file
// changed in the last two seconds is never recorded (its time may not yet tell a later
// change apart: the "racily clean" case git knows), and a cache that cannot be read is
// simply not used. Each file is one row — `[path, size, mtimeMs, ctimeMs, ino, sha256]` — in
// a list: read back 40 % sooner than an object keyed by path (whose keys JSON.parse must
// intern, 100,000 of them for a province) and a quarter smaller.

import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { isSha256 } from '../entry/fast-entry.js'
import type { FileStamp } from './look.js'

export const HASH_CACHE_SCHEMA = 'reformkit/attachment-cache@2'

interface Recorded extends FileStamp {
  sha256: string
}

const MAX_CACHE_BYTES = 64 * 1024 * 1024
const RACY_MS = 2000

export class HashCache {
  #old = new Map<string, Recorded>()
  #new = new Map<string, Recorded>()
  #changed = false

  private constructor(readonly file: string) {}

  /** The cache at `file` (absent, unreadable or of another version: an empty one). */
  static async open(file: string): Promise<HashCache> {
    const cache = new HashCache(file)
    try {
      const info = await stat(file)
      if (!info.isFile() || info.size > MAX_CACHE_BYTES) return cache
      const data = JSON.parse(await readFile(file, 'utf8')) as { schema?: unknown; files?: unknown }
      if (data.schema !== HASH_CACHE_SCHEMA || !Array.isArray(data.files)) return cache
      for (const row of data.files as unknown[]) {
        if (!Array.isArray(row) || row.length !== 6) continue
        const path: unknown = row[0]
        const size: unknown = row[1]
        const mtimeMs: unknown = row[2]
        const ctimeMs: unknown = row[3]
        const ino: unknown = row[4]
        const sha256: unknown = row[5]
        if (
          typeof path === 'string' &&
          typeof size === 'number' &&
          typeof mtimeMs === 'number' &&
          typeof ctimeMs === 'number' &&
          typeof ino === 'number' &&
          isSha256(sha256)
        )
          cache.#old.set(path, { size, mtimeMs, ctimeMs, ino, sha256 })
      }
    } catch {
      // No cache yet, or not one we can read: every file is hashed.
    }
    return cache
  }

  /** What was recorded of `path`: a file still so stamped need not be read. */
  known(path: string): FileStamp | undefined {
    return this.#old.get(path)
  }

  /** The recorded hash of `path`, if the file is as it was when recorded. */
  get(path: string, info: FileStamp): string | undefined {
    const r = this.#old.get(path)
    const same =
      r &&
      r.size === info.size &&
      r.mtimeMs === info.mtimeMs &&
      r.ctimeMs === info.ctimeMs &&
      r.ino === info.ino
    if (same) this.#new.set(path, r)
    return same ? r.sha256 : undefined
  }

  /** Record a hash just computed (unless the file changed too recently to be trusted). */
  set(path: string, info: FileStamp, sha256: string): void {
    this.#changed = true
    if (Date.now() - info.mtimeMs < RACY_MS) return
    const { size, mtimeMs, ctimeMs, ino } = info
    this.#new.set(path, { size, mtimeMs, ctimeMs, ino, sha256 })
  }

  /** Write what this run saw, atomically; files no longer attached are forgotten. */
  async save(): Promise<void> {
    if (!this.#changed && this.#new.size === this.#old.size) return
    const files = [...this.#new]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, r]) => [path, r.size, r.mtimeMs, r.ctimeMs, r.ino, r.sha256])
    const temp = `${this.file}.${process.pid}.tmp`
    try {
      await writeFile(temp, `${JSON.stringify({ schema: HASH_CACHE_SCHEMA, files })}\n`)
      await rename(temp, this.file)
    } catch {
      await rm(temp, { force: true })
    }
  }
}
