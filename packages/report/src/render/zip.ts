import { deflateSync, strFromU8, strToU8, unzipSync } from 'fflate'
import { joinBytes } from './utf8-sink.js'

/**
 * Make an Office file reproducible: re-zip it with every entry dated `date` (zip tools
 * stamp the current time) and with the timestamps inside docProps/core.xml set to `date`.
 */
export async function reproducibleZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  return officeZip(unzipSync(bytes), date)
}

/**
 * Zip the parts of an Office file (name → bytes) as `zipFiles` does, with the timestamps
 * inside docProps/core.xml set to `date` and [Content_Types].xml first, as Office writes it;
 * the other parts keep their order.
 */
export async function officeZip(
  files: Record<string, Uint8Array>,
  date: Date,
): Promise<Uint8Array> {
  const core = files['docProps/core.xml']
  if (core) {
    const iso = `${date.toISOString().slice(0, 19)}Z`
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _name: string, close: string) => `${open}${iso}${close}`,
      ),
    )
  }
  const names = Object.keys(files).sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  )
  return zipFiles(
    names.map((name) => [name, files[name] as Uint8Array]),
    date,
  )
}

/**
 * The one zip writer of reformkit, for XLSX, DOCX and bundles: the files in the order
 * given, every entry dated `date` as its UTC wall clock — the same bytes in every time
 * zone — each part deflated by fflate, or, from 64 KiB up, by the platform's own deflate
 * (Node's zlib; CompressionStream in browsers) where there is one. Zip64 is not written: more
 * than 65,535 files or 4 GiB is a RangeError, said plainly.
 */
export async function zipFiles(
  files: ReadonlyArray<readonly [name: string, data: Uint8Array]>,
  date: Date,
): Promise<Uint8Array> {
  if (files.length > 0xffff)
    throw new RangeError(`${files.length} files: a zip without zip64 holds at most 65,535`)
  const zlib = nodeZlib()
  const entries = await Promise.all(
    files.map(async ([name, data]) => {
      // The checksum is taken while the platform's deflate works (on Node, in its pool).
      const packing = deflateRaw(data, zlib)
      const crc = zlib ? zlib.crc32(data) : crc32(data)
      return { name: strToU8(name), data, packed: await packing, crc }
    }),
  )
  return writeZip(entries, date)
}

/** Noon UTC of a YYYY-MM-DD day: the date of a report, stamped into its files. */
export function reportDate(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`)
}

/**
 * Node's zlib when this runs on Node — reached through `process.getBuiltinModule`, so that
 * the module imports nothing a browser lacks: its deflate without web streams (their first
 * use costs some 50 ms), its CRC-32 native.
 */
const nodeZlib = () =>
  (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
  ).process?.getBuiltinModule?.('node:zlib') as typeof import('node:zlib') | undefined

async function deflateRaw(
  data: Uint8Array,
  zlib: typeof import('node:zlib') | undefined,
): Promise<Uint8Array> {
  if (zlib && data.length >= NATIVE_FROM) return zlibDeflate(data, zlib)
  const compressor = data.length >= NATIVE_FROM ? nativeDeflate() : undefined
  if (!compressor) return deflateSync(data, { level: 6 })
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(compressor)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Node's deflate; a part of more than two pieces in pieces of PIECE bytes, all at once on
 * Node's thread pool (both cores) and joined as pigz joins them — each piece but the last
 * ended by a sync flush (a byte boundary), each but the first given the 32 KiB before it as
 * its dictionary, so that the pieces compress as the whole does. One inflater reads the
 * joined stream. A province's assessment sheet (18 MB) waited ~180 ms for one thread; the
 * pieces are fixed in size, so the bytes do not depend on the machine's cores.
 */
async function zlibDeflate(
  data: Uint8Array,
  zlib: typeof import('node:zlib'),
): Promise<Uint8Array> {
  const deflate = (piece: Uint8Array, options: import('node:zlib').ZlibOptions) =>
    new Promise<Uint8Array>((resolve, reject) =>
      zlib.deflateRaw(piece, options, (error, packed) => (error ? reject(error) : resolve(packed))),
    )
  if (data.length <= 2 * PIECE) return deflate(data, {})
  const pieces: Promise<Uint8Array>[] = []
  for (let at = 0; at < data.length; at += PIECE) {
    const end = Math.min(at + PIECE, data.length)
    pieces.push(
      deflate(data.subarray(at, end), {
        ...(end < data.length ? { finishFlush: zlib.constants.Z_SYNC_FLUSH } : {}),
        ...(at > 0 ? { dictionary: data.subarray(Math.max(0, at - WINDOW), at) } : {}),
      }),
    )
  }
  return joinBytes(await Promise.all(pieces))
}

/** The size of the pieces a large part is deflated in, and deflate's window. */
const PIECE = 1 << 20
const WINDOW = 32 * 1024

/**
 * Parts from this size up go to the platform's deflate, smaller ones to fflate: measured
 * on Node 20 (bench/zip.bench.ts), native deflate is about twice as fast from 100 KB up,
 * while below some 50 KB a stream's set-up costs more than fflate's whole work (5× at 1 KB).
 */
const NATIVE_FROM = 64 * 1024

/** The platform's raw deflate, where it has one (older browsers lack "deflate-raw"). */
function nativeDeflate(): CompressionStream | undefined {
  try {
    return new CompressionStream('deflate-raw')
  } catch {
    return undefined
  }
}

/** CRC tables for slicing by 8: table k gives the CRC of a byte followed by k zero bytes. */
const CRC_TABLES = (() => {
  const tables = new Uint32Array(256 * 8)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    tables[n] = c >>> 0
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) {
      const prev = tables[(k - 1) * 256 + n] as number
      tables[k * 256 + n] = ((tables[prev & 0xff] as number) ^ (prev >>> 8)) >>> 0
    }
  return tables
})()

/** CRC-32 as zip files use it, eight bytes a step (a byte-by-byte table is ~4× slower). */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES
  let crc = ~0
  let i = 0
  for (const end = data.length - 7; i < end; i += 8) {
    const lo =
      (crc ^
        ((data[i] as number) |
          ((data[i + 1] as number) << 8) |
          ((data[i + 2] as number) << 16) |
          ((data[i + 3] as number) << 24))) >>>
      0
    crc =
      (t[1792 + (lo & 0xff)] as number) ^
      (t[1536 + ((lo >>> 8) & 0xff)] as number) ^
      (t[1280 + ((lo >>> 16) & 0xff)] as number) ^
      (t[1024 + (lo >>> 24)] as number) ^
      (t[768 + (data[i + 4] as number)] as number) ^
      (t[512 + (data[i + 5] as number)] as number) ^
      (t[256 + (data[i + 6] as number)] as number) ^
      (t[data[i + 7] as number] as number)
  }
  for (; i < data.length; i++) crc = (t[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8)
  return ~crc >>> 0
}

interface ZipEntry {
  name: Uint8Array
  data: Uint8Array
  packed: Uint8Array
  crc: number
}

/**
 * A plain zip (no zip64: Office files stay far below 4 GB): local headers with deflated
 * data, then the central directory. Times are the UTC wall clock of `date`, so the bytes
 * do not depend on the machine's time zone.
 */
function writeZip(entries: ZipEntry[], date: Date): Uint8Array {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  const size = entries.reduce((sum, e) => sum + 30 + e.name.length + e.packed.length, 0)
  const directory = entries.reduce((sum, e) => sum + 46 + e.name.length, 0)
  if (size + directory > 0xffffffff || entries.some((e) => e.data.length > 0xffffffff))
    throw new RangeError(`${size + directory} bytes: a zip without zip64 holds at most 4 GiB`)
  const out = new Uint8Array(size + directory + 22)
  const view = new DataView(out.buffer)
  let at = 0
  // The fields local and central headers share, from "version needed" to the name length.
  const common = (e: ZipEntry) => {
    view.setUint16(at, 20, true)
    // General purpose flag 11: the name is UTF-8 (set where it is not plain ASCII).
    view.setUint16(at + 2, e.name.some((byte) => byte > 0x7f) ? 0x800 : 0, true)
    view.setUint16(at + 4, 8, true)
    view.setUint16(at + 6, time, true)
    view.setUint16(at + 8, day, true)
    view.setUint32(at + 10, e.crc, true)
    view.setUint32(at + 14, e.packed.length, true)
    view.setUint32(at + 18, e.data.length, true)
    view.setUint16(at + 22, e.name.length, true)
    view.setUint16(at + 24, 0, true)
    at += 26
  }
  const offsets: number[] = []
  for (const e of entries) {
    offsets.push(at)
    view.setUint32(at, 0x04034b50, true)
    at += 4
    common(e)
    out.set(e.name, at)
    at += e.name.length
    out.set(e.packed, at)
    at += e.packed.length
  }
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true)
    view.setUint16(at + 4, 20, true)
    at += 6
    common(e)
    // comment length, disk, internal and external attributes: all zero
    at += 10
    view.setUint32(at, offsets[i] as number, true)
    at += 4
    out.set(e.name, at)
    at += e.name.length
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, entries.length, true)
  view.setUint16(at + 10, entries.length, true)
  view.setUint32(at + 12, directory, true)
  view.setUint32(at + 16, size, true)
  return out
}
