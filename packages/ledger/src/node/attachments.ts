import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { pathEscape } from '../engine/paths.js'
import type { AttachmentFact } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'
import { HashCache } from './hash-cache.js'

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
  /**
   * A cache file of hashes (`reformkit/attachment-cache@1`): a file unchanged since it was
   * recorded (size, times, inode) is not read again; the cache is rewritten at the end.
   */
  cacheFile?: string
  /** Hash the files (default true); false only looks: inside the root, exists, size. */
  hash?: boolean
  onProgress?: (progress: AttachmentProgress) => void
}

/**
 * Look at every attachment the entries name: is it inside the root, does it exist, its
 * size and SHA-256 (streamed, so large scans cost little memory). Paths that leave the
 * root — absolute, drive letters, `..`, or a symbolic link pointing outside — are judged
 * before anything is opened and are never read.
 *
 * Each folder on the way is listed once (readdir), so that a missing file costs no system
 * call of its own and an existing one a single stat: a province's ledger names a hundred
 * thousand files. Only a symbolic link on the way, or a name that matches only when case
 * or Unicode form is ignored (as Windows and macOS match names), is resolved by realpath.
 */
export async function gatherAttachments(
  entries: readonly LedgerEntry[],
  options: GatherAttachmentsOptions,
): Promise<Map<string, AttachmentFact>> {
  const paths = [...new Set(entries.flatMap((entry) => entry.attachments.map((a) => a.path)))]
  const facts = new Map<string, AttachmentFact>()
  const realRoot = await realpath(options.root)
  const listings = new Listings(realRoot)
  const cache = options.cacheFile ? await HashCache.open(options.cacheFile) : undefined
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string
      facts.set(
        path,
        await inspect(realRoot, listings, path, options.hash === false ? 'no' : cache),
      )
      options.onProgress?.({ done: ++done, total: paths.length, path })
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker))
  await cache?.save()
  // Insertion order follows completion; give callers the ledger's order.
  return new Map(paths.map((path) => [path, facts.get(path) as AttachmentFact]))
}

/** What a folder holds, listed once: name → kind, and the names folded for a loose match. */
interface Listing {
  kinds: Map<string, 'file' | 'dir' | 'link' | 'other'>
  folded: Set<string>
}

const fold = (name: string) => name.normalize('NFC').toLowerCase()

/** Folder listings under the root, each read once however many attachments it holds. */
class Listings {
  #cache = new Map<string, Promise<Listing | undefined>>()
  constructor(readonly root: string) {}

  get(dir: string): Promise<Listing | undefined> {
    let listing = this.#cache.get(dir)
    if (!listing) {
      listing = readdir(dir, { withFileTypes: true }).then(
        (items) => {
          const kinds: Listing['kinds'] = new Map()
          const folded = new Set<string>()
          for (const item of items) {
            kinds.set(
              item.name,
              item.isFile()
                ? 'file'
                : item.isDirectory()
                  ? 'dir'
                  : item.isSymbolicLink()
                    ? 'link'
                    : 'other',
            )
            folded.add(fold(item.name))
          }
          return { kinds, folded }
        },
        () => undefined,
      )
      this.#cache.set(dir, listing)
    }
    return listing
  }
}

/**
 * Where `path` leads, from the listings: a regular file inside the root, nothing, or
 * "resolve" when a symbolic link or a loosely matching name is on the way.
 */
async function locateInListings(
  listings: Listings,
  path: string,
): Promise<{ file: string } | 'missing' | 'resolve'> {
  const parts = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
  let dir = listings.root
  for (const [i, name] of parts.entries()) {
    const listing = await listings.get(dir)
    if (!listing) return 'missing'
    const kind = listing.kinds.get(name)
    if (kind === undefined) return listing.folded.has(fold(name)) ? 'resolve' : 'missing'
    if (kind === 'link') return 'resolve'
    const last = i === parts.length - 1
    if (last) return kind === 'file' ? { file: join(dir, name) } : 'missing'
    if (kind !== 'dir') return 'missing'
    dir = join(dir, name)
  }
  return 'missing'
}

async function inspect(
  realRoot: string,
  listings: Listings,
  path: string,
  cache?: HashCache | 'no',
): Promise<AttachmentFact> {
  const leaves = pathEscape(path)
  if (leaves) return { path, outsideRoot: leaves, exists: false }
  const found = await locateInListings(listings, path)
  if (found === 'missing') return { path, exists: false }
  let real: string
  if (found === 'resolve') {
    try {
      real = await realpath(resolve(realRoot, path.replace(/\\/g, '/')))
    } catch {
      return { path, exists: false }
    }
    if (!isInside(realRoot, real)) return { path, outsideRoot: 'symlink', exists: false }
  } else real = found.file
  try {
    const info = await stat(real)
    if (!info.isFile()) return { path, exists: false }
    if (cache === 'no') return { path, exists: true, bytes: info.size }
    let sha256 = cache?.get(path, info)
    if (sha256 === undefined) {
      sha256 = await sha256File(real)
      cache?.set(path, info, sha256)
    }
    return { path, exists: true, bytes: info.size, sha256 }
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
