// Reading zipped sources (XLSX, DOCX) within bounds: the central directory as written, and
// each part inflated in small pieces against a budget, so that a zip bomb — whatever sizes
// it declares — is stopped within a piece. Browser-safe (fflate).
import { Inflate } from 'fflate'

/** One file of a zip archive, as its central directory lists it. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  /** What the archive declares; the inflating never trusts it. */
  size: number
  offset: number
  encrypted: boolean
}

/** Why an archive could not be read: every reason is a finding, never an exception. */
export type ZipProblem = 'not-zip' | 'zip64' | 'too-large' | 'corrupt'

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly entry?: string,
  ) {
    super(`${problem}${entry ? ` (${entry})` : ''}`)
  }
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0

/** The central directory of a zip archive: names, methods, sizes, where each file starts. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--)
    if (u32(bytes, at) === 0x06054b50) {
      end = at
      break
    }
  if (end < 0) throw new ZipError('not-zip')
  const count = u16(bytes, end + 10)
  const directory = u32(bytes, end + 16)
  if (count === 0xffff || directory === 0xffffffff) throw new ZipError('zip64')
  const entries = new Map<string, ZipEntry>()
  const decoder = new TextDecoder()
  let at = directory
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('corrupt')
    const nameLength = u16(bytes, at + 28)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    entries.set(name, {
      name,
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    })
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
  }
  return entries
}

/** A budget of inflated bytes shared by every file read from one archive. */
export interface InflateBudget {
  left: number
}

const CHUNK = 16 * 1024

/**
 * The text of one file of the archive, inflated in small pieces so that a file that
 * inflates past the budget (a zip bomb, whatever it declares) is stopped within a piece.
 */
export function readZipText(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): string {
  if (entry.encrypted) throw new ZipError('corrupt', entry.name)
  const header = entry.offset
  if (u32(bytes, header) !== 0x04034b50) throw new ZipError('corrupt', entry.name)
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28)
  const data = bytes.subarray(start, start + entry.compressedSize)
  const decoder = new TextDecoder()
  const parts: string[] = []
  const take = (chunk: Uint8Array) => {
    budget.left -= chunk.length
    if (budget.left < 0) throw new ZipError('too-large', entry.name)
    parts.push(decoder.decode(chunk, { stream: true }))
  }
  if (entry.method === 0) take(data)
  else if (entry.method === 8) {
    const inflate = new Inflate((chunk) => take(chunk))
    try {
      for (let at = 0; at < data.length; at += CHUNK)
        inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length)
      if (data.length === 0) inflate.push(data, true)
    } catch (error) {
      throw error instanceof ZipError ? error : new ZipError('corrupt', entry.name)
    }
  } else throw new ZipError('corrupt', entry.name)
  parts.push(decoder.decode())
  return parts.join('')
}
