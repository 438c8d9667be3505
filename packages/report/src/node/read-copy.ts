// Reading one copy of the ledger (a bundle folder or .zip) to verify it, in bounded memory:
// every file is hashed as it streams by, never held whole; a zip is inflated chunk by chunk
// under limits on entries, sizes and compression ratio; names that repeat or leave the
// copy, symbolic links and special files are findings, never followed.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat, readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { pathEscape } from '@reformkit/ledger'
import { hashFiles } from '@reformkit/ledger/node'
import type { LocalizedMessage, MessageData } from '@reformkit/model'
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate'

export interface CopyFile {
  path: string
  sha256: string
  bytes: number
}

/** A problem found while reading a copy: a `bundle/…` finding of verifyBundle. */
export interface CopyProblem {
  ruleId:
    | 'bundle/unreadable'
    | 'bundle/duplicate-name'
    | 'bundle/unsafe-name'
    | 'bundle/not-a-file'
    | 'bundle/refused'
  data: MessageData
  path?: string
}

export interface ReadCopyResult {
  files: Map<string, CopyFile>
  /** The text of manifest.json, when there is one (at most MAX_MANIFEST_BYTES). */
  manifest?: string
  problems: CopyProblem[]
}

/** Limits of what verify inflates: a zip past them is refused, not read on. */
export const VERIFY_LIMITS = {
  /** Entries in one zip. */
  entries: 200_000,
  /** Bytes one entry may inflate to, and all of them together. */
  entryBytes: 16 * 1024 ** 3,
  totalBytes: 64 * 1024 ** 3,
  /**
   * Inflated to compressed bytes, once past `ratioFrom` inflated: ledger files compress
   * some 10× (a generated, repetitive one several hundred times), office files and scans
   * hardly at all; zip bombs 1,000× — and only matter when large.
   */
  ratio: 200,
  ratioFrom: 256 * 1024 * 1024,
  manifestBytes: 64 * 1024 * 1024,
}

/** What verify will inflate and read (VERIFY_LIMITS unless told otherwise). */
export type VerifyLimits = { [K in keyof typeof VERIFY_LIMITS]: number }

const MiB = 1024 * 1024
/** Input read at a time: at the most deflate's 1,032× this is inflated by one push. */
const CHUNK = 16 * 1024

const reason = (zh: string, en: string): LocalizedMessage => ({ zh, en })

/** Read a copy: a folder or a .zip file; anything else is a problem, not an exception. */
export async function readCopy(
  path: string,
  limits: VerifyLimits = VERIFY_LIMITS,
): Promise<ReadCopyResult> {
  const info = await stat(path)
  if (info.isDirectory()) return readFolder(path, limits)
  if (info.isFile()) return readZip(path, info.size, limits)
  return {
    files: new Map(),
    problems: [
      {
        ruleId: 'bundle/unreadable',
        data: {
          reason: reason('既不是文件夹也不是普通文件', 'neither a folder nor a regular file'),
        },
      },
    ],
  }
}

async function readFolder(root: string, limits: VerifyLimits): Promise<ReadCopyResult> {
  const result: ReadCopyResult = { files: new Map(), problems: [] }
  const toHash: Array<[string, string]> = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const full = join(dir, entry.name)
      const rel = relative(root, full).split(sep).join('/')
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) {
        if (rel === MANIFEST) {
          const text = await readManifestFile(full, result, rel, limits)
          if (text !== undefined) result.manifest = text
        } else toHash.push([rel, full])
      } else {
        // A symbolic link may point anywhere (/etc/passwd): never followed, always reported.
        const kind = (await lstat(full)).isSymbolicLink()
          ? reason('符号链接', 'a symbolic link')
          : reason('特殊文件', 'a special file')
        result.problems.push({ ruleId: 'bundle/not-a-file', data: { path: rel, kind }, path: rel })
      }
    }
  }
  await walk(root)
  // Hashed once the walk is done, on threads when many (a province's copy holds 100k).
  const hashes = await hashFiles(toHash.map(([, full]) => full))
  toHash.forEach(([rel], i) => {
    const hash = hashes[i]
    if (hash) result.files.set(rel, { path: rel, ...hash })
    else
      result.problems.push({
        ruleId: 'bundle/unreadable',
        data: { reason: reason(`${rel} 无法读取`, `${rel} cannot be read`) },
        path: rel,
      })
  })
  return result
}

const MANIFEST = 'manifest.json'

async function readManifestFile(
  file: string,
  result: ReadCopyResult,
  rel: string,
  limits: VerifyLimits,
): Promise<string | undefined> {
  const { size } = await stat(file)
  if (size > limits.manifestBytes) {
    result.problems.push(tooLarge(rel, size))
    return undefined
  }
  const chunks: Buffer[] = []
  for await (const chunk of createReadStream(file)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const tooLarge = (path: string, bytes: number): CopyProblem => ({
  ruleId: 'bundle/refused',
  data: {
    reason: reason(
      `“${path}”超过 ${Math.round(bytes / MiB)} MiB 的上限`,
      `"${path}" exceeds the limit of ${Math.round(bytes / MiB)} MiB`,
    ),
  },
  path,
})

/**
 * A zip, streamed: each entry inflated chunk by chunk and hashed as it comes. Refused (and
 * read no further) past the limits: too many entries, an entry or the whole larger
 * than allowed or than it declares, or a compression ratio only a zip bomb has.
 */
async function readZip(path: string, size: number, limits: VerifyLimits): Promise<ReadCopyResult> {
  const result: ReadCopyResult = { files: new Map(), problems: [] }
  const seen = new Set<string>()
  let refused: CopyProblem | undefined
  let entries = 0
  let total = 0
  let consumed = 0
  const refuse = (zh: string, en: string) => {
    refused ??= { ruleId: 'bundle/refused', data: { reason: reason(zh, en) } }
  }
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.register(UnzipPassThrough)
  unzip.onfile = (file) => {
    if (refused) return
    if (++entries > limits.entries) {
      refuse(`条目超过 ${limits.entries} 个`, `more than ${limits.entries} entries`)
      return
    }
    const name = file.name
    if (name.endsWith('/')) return
    if (seen.has(name)) {
      result.problems.push({ ruleId: 'bundle/duplicate-name', data: { path: name }, path: name })
      return
    }
    seen.add(name)
    // Nothing is extracted, but a name that would leave the copy is a finding (zip slip).
    if (pathEscape(name) || name.includes('\\')) {
      result.problems.push({ ruleId: 'bundle/unsafe-name', data: { path: name }, path: name })
      return
    }
    const declared = file.originalSize
    if (
      declared !== undefined &&
      file.size !== undefined &&
      declared > limits.ratioFrom &&
      declared / Math.max(1, file.size) > limits.ratio
    ) {
      refuse(
        `“${name}”声明解压后 ${Math.round(declared / MiB)} MiB,压缩比超过 ${limits.ratio}:1,疑为压缩炸弹`,
        `"${name}" declares ${Math.round(declared / MiB)} MiB inflated, a ratio over ${limits.ratio}:1: a zip bomb`,
      )
      return
    }
    const hash = createHash('sha256')
    const isManifest = name === MANIFEST
    const manifestChunks: Uint8Array[] = []
    let bytes = 0
    file.ondata = (error, chunk, final) => {
      if (refused) return
      if (error) {
        result.problems.push({
          ruleId: 'bundle/unreadable',
          data: {
            reason: reason(
              `“${name}”已损坏(${error.message})`,
              `"${name}" is damaged (${error.message})`,
            ),
          },
          path: name,
        })
        return
      }
      bytes += chunk.length
      total += chunk.length
      if (
        bytes > limits.entryBytes ||
        total > limits.totalBytes ||
        (declared !== undefined && declared > 0 && bytes > declared) ||
        (total > limits.ratioFrom && total / Math.max(1, consumed) > limits.ratio) ||
        (isManifest && bytes > limits.manifestBytes)
      ) {
        refuse(
          `“${name}”解压后超出上限或声明的大小,疑为压缩炸弹;未继续读取`,
          `"${name}" inflates past the limits or its declared size (a zip bomb?); reading stopped`,
        )
        file.terminate()
        return
      }
      if (isManifest) manifestChunks.push(chunk)
      else hash.update(chunk)
      if (!final) return
      if (isManifest) result.manifest = Buffer.concat(manifestChunks).toString('utf8')
      else result.files.set(name, { path: name, sha256: hash.digest('hex'), bytes })
    }
    file.start()
  }
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      consumed += (chunk as Buffer).length
      unzip.push(chunk as Buffer)
      if (refused) break
    }
    if (!refused) unzip.push(new Uint8Array(0), true)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    result.problems.push({
      ruleId: 'bundle/unreadable',
      data: {
        reason: reason(
          `不是 zip 文件或 zip 已损坏(${detail})`,
          `not a zip file, or a damaged one (${detail})`,
        ),
      },
    })
  }
  if (refused) result.problems.push(refused)
  else if (size > 0 && entries === 0)
    result.problems.push({
      ruleId: 'bundle/unreadable',
      data: { reason: reason('不是 zip 文件(没有任何条目)', 'not a zip file (no entries)') },
    })
  return result
}
