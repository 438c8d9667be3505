// A zip written straight to a file, one entry at a time, in bounded memory: each file is
// streamed through deflate (never held whole), hashed on the way, and its local header
// patched in place once its CRC and sizes are known (no data descriptors, which streaming
// readers handle badly). Zip64 where a size, an offset or the count needs it, so a copy of
// a province's ledger has no 4 GiB or 65,535-file ceiling. Reproducible: the same files in
// the same order with the same date give the same bytes.
import * as crypto from 'node:crypto'
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'

const MAX16 = 0xffff
const MAX32 = 0xffffffff
/**
 * Entries declared this large or larger carry zip64 sizes in their local header: deflate
 * may grow incompressible data by some 0.03 %, so the margin keeps a file just under 4 GiB
 * from overflowing the 32-bit field.
 */
const ZIP64_FROM = MAX32 - 16 * 1024 * 1024
/** Files smaller than this are read whole and deflated in one call (a stream costs more). */
export const SMALL = 1024 * 1024

/** A small file as the zip stores it: what was read, its CRC-32 and SHA-256, deflated. */
export interface PackedFile {
  bytes: number
  crc: number
  sha256: string
  deflated: Uint8Array
}

/**
 * Bytes read whole, packed as the zip stores them: on the main thread and, through its
 * source text, on `packFiles`'s threads — so it names nothing outside itself. Deflate level 6
 * into output pieces about the input's size (zlib's default is 16 KiB each time: for a scan
 * of 1 KB a fresh allocation outside Buffer's pool, and then the collector's work — a .zip
 * of 100,000 small scans 15.1 → 11.7 s); the same bytes either way.
 */
export function packBytes(
  zlib: typeof import('node:zlib'),
  crypto: typeof import('node:crypto'),
  data: Uint8Array,
): PackedFile {
  return {
    bytes: data.length,
    crc: zlib.crc32(data),
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    deflated: zlib.deflateRawSync(data, {
      level: 6,
      chunkSize: Math.min(16384, Math.max(64, data.length + 64)),
    }),
  }
}

export interface ZipWritten {
  sha256: string
  bytes: number
}

export class ZipWriter {
  readonly #handle: FileHandle
  readonly #time: number
  readonly #day: number
  /** Where the next byte goes: what is written plus what waits in `#pending`. */
  #at = 0
  /** Bytes not yet written, at most about a mebibyte: one write for many small files. */
  #pending: Uint8Array[] = []
  #pendingBytes = 0
  #readBuffer: Buffer | undefined
  readonly #central: Buffer[] = []
  #count = 0
  readonly #always64: boolean

  private constructor(handle: FileHandle, date: Date, always64: boolean) {
    this.#handle = handle
    this.#always64 = always64
    this.#time =
      (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
    this.#day =
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  }

  /**
   * A new zip at `path` (which must not exist), every entry dated `date` (UTC wall clock).
   * `zip64: 'always'` writes zip64 fields everywhere (for tests of what large copies get).
   */
  static async create(
    path: string,
    date: Date,
    options: { zip64?: 'auto' | 'always' } = {},
  ): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'wx'), date, options.zip64 === 'always')
  }

  /**
   * Add an entry: `source` is bytes, or the path of a file to read (whole when small,
   * streamed when not; its size as the open file's stat gives it). Returns the SHA-256 and
   * size of what was stored.
   */
  async add(name: string, source: Uint8Array | { path: string }): Promise<ZipWritten> {
    if (source instanceof Uint8Array) return this.#add(name, source, source.length)
    // Opened once and stat-ed through the handle: no second look-up of the path per file.
    const fd = openSync(source.path, 'r')
    try {
      return await this.#add(name, { path: source.path, fd }, fstatSync(fd).size)
    } finally {
      closeSync(fd)
    }
  }

  /**
   * Add a small file packed elsewhere (on a thread: `packFiles`): the same entry `add` would
   * write for the bytes it describes.
   */
  async addPacked(name: string, packed: PackedFile): Promise<ZipWritten> {
    return this.#add(name, packed, packed.bytes)
  }

  async #add(
    name: string,
    source: Uint8Array | { path: string; fd: number } | PackedFile,
    declared: number,
  ): Promise<ZipWritten> {
    const nameBytes = Buffer.from(name, 'utf8')
    const zip64 = this.#always64 || declared >= ZIP64_FROM
    const offset = this.#at
    const header = Buffer.alloc(30 + nameBytes.length + (zip64 ? 20 : 0))
    header.writeUInt32LE(0x04034b50, 0)
    this.#common(header, 4, nameBytes, zip64)
    nameBytes.copy(header, 30)
    if (zip64) {
      header.writeUInt16LE(20, 28)
      header.writeUInt16LE(0x0001, 30 + nameBytes.length)
      header.writeUInt16LE(16, 32 + nameBytes.length)
    }
    // A small entry is read whole and packed first, so its header is written once, complete.
    let ready: PackedFile | undefined
    if ('deflated' in source) ready = source
    else if (source instanceof Uint8Array || declared < SMALL) {
      this.#readBuffer ??= Buffer.allocUnsafe(2 * SMALL + 1)
      const data = source instanceof Uint8Array ? source : readSmall(source, this.#readBuffer)
      ready = packBytes(zlib, crypto, data)
    } else await this.#write(header)

    let { crc, bytes, sha256, deflated } = ready ?? { crc: 0, bytes: 0, sha256: '' }
    let packed = deflated?.length ?? 0
    if (!ready) {
      const hash = crypto.createHash('sha256')
      await pipeline(
        // The file stays ours to close (`add` does), however the stream ends.
        createReadStream('', { fd: (source as { fd: number }).fd, start: 0, autoClose: false }),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk)
            crc = zlib.crc32(chunk, crc)
            bytes += chunk.length
            yield chunk
          }
        },
        zlib.createDeflateRaw({ level: 6 }),
        async (chunks: AsyncIterable<Buffer>) => {
          for await (const chunk of chunks) {
            packed += chunk.length
            await this.#write(chunk)
          }
        },
      )
      sha256 = hash.digest('hex')
    }
    // A file that grew past 4 GiB between stat and read cannot be described without zip64.
    if (!zip64 && (bytes > MAX32 || packed > MAX32))
      throw new RangeError(`${name} grew past 4 GiB while it was being read`)

    // The header again, complete, written over the first.
    header.writeUInt32LE(crc >>> 0, 14)
    if (zip64) {
      header.writeBigUInt64LE(BigInt(bytes), 34 + nameBytes.length)
      header.writeBigUInt64LE(BigInt(packed), 42 + nameBytes.length)
    } else {
      header.writeUInt32LE(packed, 18)
      header.writeUInt32LE(bytes, 22)
    }
    if (deflated) {
      await this.#write(header)
      await this.#write(deflated)
    } else {
      await this.#flush()
      await this.#handle.write(header, 0, header.length, offset)
    }

    // Its central directory record, zip64 fields for what does not fit in 32 bits.
    const wide = [bytes, packed, offset].map((n) => this.#always64 || n >= MAX32)
    const extra = wide.filter(Boolean).length * 8
    const record = Buffer.alloc(46 + nameBytes.length + (extra ? 4 + extra : 0))
    record.writeUInt32LE(0x02014b50, 0)
    record.writeUInt16LE(extra ? 45 : 20, 4)
    this.#common(record, 6, nameBytes, extra > 0)
    record.writeUInt32LE(crc >>> 0, 16)
    record.writeUInt32LE(wide[1] ? MAX32 : packed, 20)
    record.writeUInt32LE(wide[0] ? MAX32 : bytes, 24)
    record.writeUInt16LE(extra ? 4 + extra : 0, 30)
    record.writeUInt32LE(wide[2] ? MAX32 : offset, 42)
    nameBytes.copy(record, 46)
    if (extra) {
      let at = 46 + nameBytes.length
      record.writeUInt16LE(0x0001, at)
      record.writeUInt16LE(extra, at + 2)
      at += 4
      for (const [i, value] of [bytes, packed, offset].entries())
        if (wide[i]) {
          record.writeBigUInt64LE(BigInt(value), at)
          at += 8
        }
    }
    this.#central.push(record)
    this.#count++
    return { sha256, bytes }
  }

  /** Write the central directory and close the file. */
  async close(): Promise<void> {
    const start = this.#at
    for (const record of this.#central) await this.#write(record)
    const size = this.#at - start
    const needs64 = this.#always64 || this.#count > MAX16 || start >= MAX32 || size >= MAX32
    if (needs64) {
      const end64 = this.#at
      const record = Buffer.alloc(56 + 20)
      record.writeUInt32LE(0x06064b50, 0)
      record.writeBigUInt64LE(44n, 4)
      record.writeUInt16LE(45, 12)
      record.writeUInt16LE(45, 14)
      record.writeBigUInt64LE(BigInt(this.#count), 24)
      record.writeBigUInt64LE(BigInt(this.#count), 32)
      record.writeBigUInt64LE(BigInt(size), 40)
      record.writeBigUInt64LE(BigInt(start), 48)
      // The locator: where the zip64 end record is.
      record.writeUInt32LE(0x07064b50, 56)
      record.writeBigUInt64LE(BigInt(end64), 64)
      record.writeUInt32LE(1, 72)
      await this.#write(record)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(Math.min(this.#count, MAX16), 8)
    end.writeUInt16LE(Math.min(this.#count, MAX16), 10)
    end.writeUInt32LE(Math.min(size, MAX32), 12)
    end.writeUInt32LE(Math.min(start, MAX32), 16)
    await this.#write(end)
    await this.#flush()
    await this.#handle.close()
  }

  /** Close the file without finishing it (after a failure; the caller removes it). */
  async abort(): Promise<void> {
    await this.#handle.close().catch(() => undefined)
  }

  /**
   * The fields local and central headers share, from "version needed" to the name length:
   * UTF-8 names flagged, deflate, the date; CRC and sizes are filled in by the caller.
   */
  #common(target: Buffer, at: number, name: Buffer, zip64: boolean): void {
    target.writeUInt16LE(zip64 ? 45 : 20, at)
    target.writeUInt16LE(name.some((byte) => byte > 0x7f) ? 0x800 : 0, at + 2)
    target.writeUInt16LE(8, at + 4)
    target.writeUInt16LE(this.#time, at + 6)
    target.writeUInt16LE(this.#day, at + 8)
    if (zip64) {
      target.writeUInt32LE(MAX32, at + 14)
      target.writeUInt32LE(MAX32, at + 18)
    }
    target.writeUInt16LE(name.length, at + 22)
  }

  async #write(data: Uint8Array): Promise<void> {
    this.#pending.push(data)
    this.#pendingBytes += data.length
    this.#at += data.length
    if (this.#pendingBytes >= SMALL) await this.#flush()
  }

  async #flush(): Promise<void> {
    const data = Buffer.concat(this.#pending)
    let at = this.#at - data.length
    this.#pending = []
    this.#pendingBytes = 0
    let done = 0
    while (done < data.length) {
      const { bytesWritten } = await this.#handle.write(data, done, data.length - done, at)
      done += bytesWritten
      at += bytesWritten
    }
  }
}

/**
 * A small file read whole (under SMALL bytes by stat; one that has grown since is refused),
 * with one synchronous read: for ten thousand scans, a stream each costs more than the reads.
 * The bytes are `buffer`'s, good until the next read.
 */
function readSmall(file: { path: string; fd: number }, buffer: Buffer): Uint8Array {
  let total = 0
  for (let n = readSync(file.fd, buffer, 0, buffer.length, 0); n > 0; ) {
    total += n
    if (total > 2 * SMALL) throw new RangeError(`${file.path} grew while it was being read`)
    n = readSync(file.fd, buffer, total, buffer.length - total, total)
  }
  return buffer.subarray(0, total)
}
