import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathEscape } from '../engine/paths.js'
import type { AttachmentFact } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'
import { HashCache } from './hash-cache.js'
import { type FileAsk, type FileLook, LookPool } from './look.js'

export interface AttachmentProgress {
  done: number
  total: number
  /** The path just finished, as written in the ledger. */
  path: string
}

export interface GatherAttachmentsOptions {
  /** The ledger root; no file outside it is read. */
  root: string
  /**
   * Threads that look at the files (stat and hash, with synchronous calls) when there are
   * many. Default: the cores plus one, at most four; 0 looks at them on the main thread.
   */
  threads?: number
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
 * size and SHA-256 (read in 64 KiB pieces, so large scans cost little memory; many files
 * are looked at on worker threads, see `threads`). Paths that leave the
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
  const gatherer = new AttachmentGatherer(options)
  gatherer.add(entries)
  return gatherer.finish()
}

/**
 * `gatherAttachments` fed as the ledger is read: `add` the entries of each file as it is
 * parsed — their folders are listed and their files looked at on the threads while the
 * next file is parsed — and `finish` for the facts, in the order the paths first came.
 */
export class AttachmentGatherer {
  readonly #options: GatherAttachmentsOptions
  readonly #paths: string[] = []
  readonly #known = new Set<string>()
  readonly #facts = new Map<string, AttachmentFact>()
  readonly #listings = new Map<string, Listing | undefined>()
  readonly #askedFor: string[] = []
  readonly #pool: LookPool
  #done = 0
  #realRoot: Promise<string> | undefined
  #cache: Promise<HashCache | undefined> | undefined
  /** The cache once open: files are asked for only after that. */
  #openCache: HashCache | undefined
  #work: Promise<void> = Promise.resolve()
  #error: { error: unknown } | undefined

  constructor(options: GatherAttachmentsOptions) {
    this.#options = options
    this.#pool = new LookPool((i, look) => this.#looked(i, look), options.threads)
  }

  /** The attachments of more entries: looked at from now on, in the background. */
  add(entries: readonly LedgerEntry[]): void {
    const fresh: string[] = []
    for (const entry of entries)
      for (const { path } of entry.attachments)
        if (!this.#known.has(path)) {
          this.#known.add(path)
          this.#paths.push(path)
          fresh.push(path)
        }
    if (fresh.length === 0) return
    this.#work = this.#work
      .then(() => this.#locate(fresh))
      .catch((error: unknown) => {
        this.#error ??= { error }
      })
  }

  /** Every attachment added, once all are looked at; the cache file is then written. */
  async finish(): Promise<Map<string, AttachmentFact>> {
    await this.#work
    await this.#pool.finish()
    if (this.#error) throw this.#error.error
    await (await this.#cache)?.save()
    // Insertion order follows completion; give callers the ledger's order.
    return new Map(this.#paths.map((path) => [path, this.#facts.get(path) as AttachmentFact]))
  }

  #finished(path: string, fact: AttachmentFact): void {
    this.#facts.set(path, fact)
    this.#options.onProgress?.({ done: ++this.#done, total: this.#paths.length, path })
  }

  /** Where each path leads (listings; a realpath for the few that need one), then ask. */
  async #locate(paths: readonly string[]): Promise<void> {
    this.#realRoot ??= realpath(this.#options.root)
    const { cacheFile } = this.#options
    this.#cache ??= cacheFile ? HashCache.open(cacheFile) : Promise.resolve(undefined)
    const realRoot = await this.#realRoot
    const cache = await this.#cache
    this.#openCache = cache
    const found = await findAll(realRoot, paths, this.#listings)
    const asks: FileAsk[] = []
    for (const path of paths) {
      const leaves = pathEscape(path)
      const where = found.get(path) ?? 'missing'
      if (leaves) this.#finished(path, { path, outsideRoot: leaves, exists: false })
      else if (where === 'missing') this.#finished(path, { path, exists: false })
      else {
        const real = await locate(realRoot, path, where)
        if (typeof real !== 'string') this.#finished(path, real)
        else {
          const known = cache?.known(path)
          asks.push({ file: real, hash: this.#options.hash !== false, ...(known ? { known } : {}) })
          this.#askedFor.push(path)
        }
      }
    }
    this.#pool.push(asks)
  }

  #looked(i: number, look: FileLook): void {
    const path = this.#askedFor[i] as string
    this.#finished(path, this.#fact(path, look))
  }

  #fact(path: string, look: FileLook): AttachmentFact {
    if (look.kind !== 'file') return { path, exists: false }
    const { stamp } = look
    if (this.#options.hash === false) return { path, exists: true, bytes: stamp.size }
    const cache = this.#openCache
    if (look.sha256 !== undefined) cache?.set(path, stamp, look.sha256)
    // No hash read: the thread found the stamp the cache recorded, so the cache has it.
    const sha256 = look.sha256 ?? (cache?.get(path, stamp) as string)
    return { path, exists: true, bytes: stamp.size, sha256 }
  }
}

/** Where a path leads, from the listings: a file, nothing, or "resolve" it with realpath. */
type Found = { file: string } | 'missing' | 'resolve'

/** What a folder holds, listed once: name → kind, and the names folded for a loose match. */
interface Listing {
  kinds: Map<string, 'file' | 'dir' | 'link' | 'other'>
  folded: Set<string>
}

const fold = (name: string) => name.normalize('NFC').toLowerCase()
/** Folders listed at once. */
const LISTING_CONCURRENCY = 64

/**
 * Where each path leads, walking the folder listings: each folder is read once, in rounds
 * (the folders the paths reach next, all at once), and every path is then followed in
 * memory. Paths that leave the root are not followed.
 */
async function findAll(
  root: string,
  paths: readonly string[],
  listings: Map<string, Listing | undefined>,
): Promise<Map<string, Found>> {
  const walks = paths
    .filter((path) => !pathEscape(path))
    .map((path) => ({
      path,
      parts: path
        .replace(/\\/g, '/')
        .split('/')
        .filter((part) => part !== '' && part !== '.'),
      at: 0,
      dir: root,
    }))
  const found = new Map<string, Found>()
  let open = walks
  while (open.length > 0) {
    const needed = new Set<string>()
    const still: typeof walks = []
    for (const walk of open) {
      const result = follow(walk, listings)
      if (result === undefined) {
        needed.add(walk.dir)
        still.push(walk)
      } else found.set(walk.path, result)
    }
    const dirs = [...needed]
    for (let i = 0; i < dirs.length; i += LISTING_CONCURRENCY)
      await Promise.all(
        dirs.slice(i, i + LISTING_CONCURRENCY).map(async (dir) => {
          listings.set(dir, await list(dir))
        }),
      )
    open = still
  }
  return found
}

/** Follow a path through the listings read so far: where it leads, or undefined for more. */
function follow(
  walk: { parts: string[]; at: number; dir: string },
  listings: ReadonlyMap<string, Listing | undefined>,
): Found | undefined {
  while (walk.at < walk.parts.length) {
    if (!listings.has(walk.dir)) return undefined
    const listing = listings.get(walk.dir)
    if (!listing) return 'missing'
    const name = walk.parts[walk.at] as string
    const kind = listing.kinds.get(name)
    if (kind === undefined) return listing.folded.has(fold(name)) ? 'resolve' : 'missing'
    if (kind === 'link') return 'resolve'
    if (walk.at === walk.parts.length - 1)
      return kind === 'file' ? { file: `${walk.dir}${sep}${name}` } : 'missing'
    if (kind !== 'dir') return 'missing'
    walk.dir = `${walk.dir}${sep}${name}`
    walk.at++
  }
  return 'missing'
}

/** A folder's listing, or undefined when it cannot be read. */
async function list(dir: string): Promise<Listing | undefined> {
  try {
    const kinds: Listing['kinds'] = new Map()
    const folded = new Set<string>()
    for (const item of await readdir(dir, { withFileTypes: true })) {
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
  } catch {
    return undefined
  }
}

/** The real file a found path leads to, or the fact that it leads nowhere readable. */
async function locate(
  realRoot: string,
  path: string,
  found: Exclude<Found, 'missing'>,
): Promise<string | AttachmentFact> {
  if (found !== 'resolve') return found.file
  let real: string
  try {
    real = await realpath(resolve(realRoot, path.replace(/\\/g, '/')))
  } catch {
    return { path, exists: false }
  }
  return isInside(realRoot, real) ? real : { path, outsideRoot: 'symlink', exists: false }
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
