import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { realpath } from 'node:fs/promises'
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
   * many. Default: one per core, at most four; 0 looks at them on the main thread.
   */
  threads?: number
  /**
   * A cache file of hashes (`reformkit/attachment-cache@2`): a file unchanged since it was
   * recorded (size, times, inode) is not read again; the cache is rewritten at the end.
   */
  cacheFile?: string
  /**
   * Hash the files (default true); false only looks: inside the root, exists, size;
   * `'declared'` hashes only the files an entry gives a `sha256` for — all that checking a
   * ledger needs of them (attachment/hash-mismatch): the others are looked at, not read.
   */
  hash?: boolean | 'declared'
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
  /** Every path added, each with its fact once looked at: one table both de-duplicates and
   * answers in the ledger's order (a Map keeps a key where it was first set). */
  readonly #facts = new Map<string, AttachmentFact | undefined>()
  /** The files asked of the pool, in asking order (a file asked again to be hashed, twice). */
  readonly #askedFor: string[] = []
  /** Whether each ask is to hash (by asking order). */
  readonly #hashing: boolean[] = []
  /** With `hash: 'declared'`: the paths an entry gives a hash for. */
  readonly #declared = new Set<string>()
  /** With `hash: 'declared'`: paths asked without hashing, to ask again if one is declared. */
  readonly #unhashed = new Set<string>()
  #pool: LookPool | undefined
  #done = 0
  #realRoot: Promise<string> | undefined
  #cache: Promise<HashCache | undefined> | undefined
  /** The cache once open: files are asked for only after that. */
  #openCache: HashCache | undefined
  #work: Promise<void> = Promise.resolve()
  #error: { error: unknown } | undefined

  constructor(options: GatherAttachmentsOptions) {
    this.#options = options
  }

  /** The attachments of more entries: looked at from now on, in the background. */
  add(entries: readonly LedgerEntry[]): void {
    const fresh: string[] = []
    const declaredOnly = this.#options.hash === 'declared'
    for (const entry of entries)
      for (const { path, sha256 } of entry.attachments) {
        if (declaredOnly && sha256 !== undefined && !this.#declared.has(path)) {
          this.#declared.add(path)
          // Looked at already without its hash: asked again, to be hashed.
          if (this.#unhashed.delete(path)) fresh.push(path)
        }
        if (!this.#facts.has(path)) {
          this.#facts.set(path, undefined)
          fresh.push(path)
        }
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
    await this.#pool?.finish()
    if (this.#error) throw this.#error.error
    await (await this.#cache)?.save()
    // Every path has its fact now, in the ledger's order whatever order they came in.
    return this.#facts as Map<string, AttachmentFact>
  }

  /** Stop looking (the caller failed): the threads end and nothing is written. */
  async abort(): Promise<void> {
    await this.#work
    await this.#pool?.abort()
  }

  #finished(path: string, fact: AttachmentFact): void {
    this.#facts.set(path, fact)
    this.#options.onProgress?.({ done: ++this.#done, total: this.#facts.size, path })
  }

  /** Paths whose text leaves the root are judged here; the rest go to the threads. */
  async #locate(paths: readonly string[]): Promise<void> {
    this.#realRoot ??= realpath(this.#options.root)
    const { cacheFile } = this.#options
    this.#cache ??= cacheFile ? HashCache.open(cacheFile) : Promise.resolve(undefined)
    const root = await this.#realRoot
    const cache = await this.#cache
    this.#openCache = cache
    const { threads } = this.#options
    this.#pool ??= new LookPool((i, look) => this.#looked(i, look), {
      root,
      ...(threads === undefined ? {} : { threads }),
    })
    const asks: FileAsk[] = []
    for (const path of paths) {
      const leaves = pathEscape(path)
      if (leaves) this.#finished(path, { path, outsideRoot: leaves, exists: false })
      else {
        const hash = this.#toHash(path)
        const known = cache?.known(path)
        asks.push({ file: path, hash, ...(known ? { known } : {}) })
        this.#askedFor.push(path)
        this.#hashing.push(hash)
        if (!hash && this.#options.hash === 'declared') this.#unhashed.add(path)
      }
    }
    this.#pool.push(asks)
  }

  #toHash(path: string): boolean {
    const { hash } = this.#options
    return hash === 'declared' ? this.#declared.has(path) : hash !== false
  }

  #looked(i: number, look: FileLook): void {
    const path = this.#askedFor[i] as string
    const fact = this.#fact(path, look, this.#hashing[i] as boolean)
    // A file asked again to be hashed replaces what was seen of it, counted once.
    if (this.#facts.get(path) === undefined) this.#finished(path, fact)
    else if (this.#hashing[i]) this.#facts.set(path, fact)
  }

  #fact(path: string, look: FileLook, hashed: boolean): AttachmentFact {
    if (look.kind === 'outside') return { path, outsideRoot: 'symlink', exists: false }
    if (look.kind !== 'file') return { path, exists: false }
    const { stamp } = look
    const cache = this.#openCache
    if (!hashed) {
      // Not read: a hash the cache holds for it stays there while the file is unchanged.
      cache?.get(path, stamp)
      return { path, exists: true, bytes: stamp.size }
    }
    if (look.sha256 !== undefined) cache?.set(path, stamp, look.sha256)
    // No hash read: the thread found the stamp the cache recorded, so the cache has it.
    const sha256 = look.sha256 ?? (cache?.get(path, stamp) as string)
    return { path, exists: true, bytes: stamp.size, sha256 }
  }
}

/** SHA-256 of a file, lower-case hex, read as a stream. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
