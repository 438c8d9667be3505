import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathEscape } from '../engine/paths.js'
import type { AttachmentFact } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'

export interface AttachmentProgress {
  done: number
  total: number
  /** The path just finished, as written in the ledger. */
  path: string
}

export interface GatherAttachmentsOptions {
  /** The ledger root; no file outside it is read. */
  root: string
  /** Files hashed at once. Default 4. */
  concurrency?: number
  onProgress?: (progress: AttachmentProgress) => void
}

/**
 * Look at every attachment the entries name: is it inside the root, does it exist, its
 * size and SHA-256 (streamed, so large scans cost little memory). Paths that leave the
 * root — absolute, drive letters, `..`, or a symbolic link pointing outside — are judged
 * before anything is opened and are never read.
 */
export async function gatherAttachments(
  entries: readonly LedgerEntry[],
  options: GatherAttachmentsOptions,
): Promise<Map<string, AttachmentFact>> {
  const paths = [...new Set(entries.flatMap((entry) => entry.attachments.map((a) => a.path)))]
  const facts = new Map<string, AttachmentFact>()
  const realRoot = await realpath(options.root)
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string
      facts.set(path, await inspect(realRoot, path))
      options.onProgress?.({ done: ++done, total: paths.length, path })
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  // Insertion order follows completion; give callers the ledger's order.
  return new Map(paths.map((path) => [path, facts.get(path) as AttachmentFact]))
}

async function inspect(realRoot: string, path: string): Promise<AttachmentFact> {
  const leaves = pathEscape(path)
  if (leaves) return { path, outsideRoot: leaves, exists: false }
  let real: string
  try {
    real = await realpath(resolve(realRoot, path.replace(/\\/g, '/')))
  } catch {
    return { path, exists: false }
  }
  if (!isInside(realRoot, real)) return { path, outsideRoot: 'symlink', exists: false }
  try {
    const info = await stat(real)
    if (!info.isFile()) return { path, exists: false }
    return { path, exists: true, bytes: info.size, sha256: await sha256File(real) }
  } catch {
    return { path, exists: false }
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** SHA-256 of a file, lower-case hex, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
