// Looking at attachment files — opened directly where their folders are plain ones (found
// through the folder listings where not, or when that fails), fstat-ed and hashed — with
// synchronous calls on threads of their own. A province names a hundred
// thousand small files; a stream per file costs four round trips through the event loop
// each (17–24 s for 98,500 files here), where plain synchronous calls cost what `sha256sum`
// costs (1.5 s), and on a thread they run while the main thread parses the ledger.

import * as nodeCrypto from 'node:crypto'
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import * as paths from 'node:path'
import type { Worker } from 'node:worker_threads'

/** What identifies a file's content without reading it (the hash cache's key). */
export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

/** What `lookAt` hashes with (node:crypto). */
type Crypto = Pick<typeof nodeCrypto, 'createHash' | 'hash'>

/** One file to look at; `known`: a recorded stamp — if it still holds, nothing is read. */
export interface FileAsk {
  file: string
  hash: boolean
  known?: FileStamp
}

/**
 * What was seen: nothing readable (or nothing there), not a file, a symbolic link leading
 * out of the root, or a file with its stamp and hash.
 */
export type FileLook =
  | { kind: 'unreadable' | 'not-file' | 'outside' }
  | { kind: 'file'; stamp: FileStamp; sha256?: string; read?: number }

/**
 * Look at one file. Its source is sent to the worker threads as text, so it names nothing
 * outside itself: the modules and the read buffer come in as arguments.
 */
export function lookAt(
  files: typeof fs,
  crypto: Crypto,
  buffer: Buffer,
  ask: FileAsk,
  flags = 0,
): FileLook {
  const k = ask.known
  const same = (info: FileStamp) =>
    k !== undefined &&
    k.size === info.size &&
    k.mtimeMs === info.mtimeMs &&
    k.ctimeMs === info.ctimeMs &&
    k.ino === info.ino
  // A file the cache knows is first looked at by lstat alone — one call, not open, fstat
  // and close — and taken as it was when its stamp still holds. lstat follows no link, as
  // O_NOFOLLOW does not; a change of mode or owner (unreadable now) changes the ctime.
  if (k !== undefined) {
    try {
      const info = files.lstatSync(ask.file, { throwIfNoEntry: false })
      if (info?.isFile() && same(info)) {
        const { size, mtimeMs, ctimeMs, ino } = info
        return { kind: 'file', stamp: { size, mtimeMs, ctimeMs, ino } }
      }
    } catch {}
  }
  let fd: number | undefined
  try {
    // Opened without waiting (a FIFO would block an ordinary open until a writer came),
    // then fstat: one path lookup, and a FIFO or a device is never read. `flags`: more
    // (O_NOFOLLOW, on the direct road).
    const { O_RDONLY, O_NONBLOCK } = files.constants
    fd = files.openSync(ask.file, O_RDONLY | (O_NONBLOCK ?? 0) | flags)
    const info = files.fstatSync(fd)
    if (!info.isFile()) return { kind: 'not-file' }
    const stamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino }
    if (!ask.hash || same(stamp)) return { kind: 'file', stamp }
    // A short read is the end of a regular file: no second call to learn it. A file read
    // whole at once (most scans and documents) is hashed in one call, without a Hash object.
    let n = files.readSync(fd, buffer, 0, buffer.length, null)
    if (n < buffer.length)
      return {
        kind: 'file',
        stamp,
        sha256: crypto.hash('sha256', buffer.subarray(0, n), 'hex'),
        read: n,
      }
    const hash = crypto.createHash('sha256')
    let read = 0
    while (n > 0) {
      hash.update(buffer.subarray(0, n))
      read += n
      n = n === buffer.length ? files.readSync(fd, buffer, 0, buffer.length, null) : 0
    }
    return { kind: 'file', stamp, sha256: hash.digest('hex'), read }
  } catch {
    return { kind: 'unreadable' }
  } finally {
    if (fd !== undefined) files.closeSync(fd)
  }
}

/**
 * What a thread keeps between files: each folder's listing (name → kind), read once, and
 * its names folded for a loose match, when first needed (null: the folder is unreadable);
 * the folder the last path was in, as written and as found (paths come grouped by folder:
 * the next one in it is looked up by its name alone); and which folders are plain ones,
 * whose files are opened directly (`directPath`).
 */
export interface Listings {
  folders: Map<string, { kinds: Map<string, 'f' | 'd' | 'l' | 'o'>; folded?: Set<string> } | null>
  last?: { written: string; found: string }
  /** Under `root`, each folder as written → itself under the root if plain, else null. */
  plain?: { root: string; folders: Map<string, string | null> }
}

/**
 * Where to open `path` (relative to `root`, already known not to leave it by its text)
 * directly, with O_NOFOLLOW: when every folder on the way is a plain one (no symbolic link;
 * checked by lstat once a folder) and its folder has not been listed. A province's files
 * are opened so, as `sha256sum` opens them — no listing, no walk. Undefined: walk with
 * `findIn`, which also says what is wrong when the direct open fails (and lists the folder
 * then, so that a second missing file there costs no failed open). Like `lookAt`, it names
 * nothing outside itself.
 */
export function directPath(
  files: typeof fs,
  paths: typeof import('node:path'),
  listings: Listings,
  root: string,
  path: string,
): string | undefined {
  if (files.constants.O_NOFOLLOW === undefined) return undefined
  const cut = path.lastIndexOf('/')
  const name = path.slice(cut + 1)
  if (name === '' || name === '.' || name === '..' || name.includes('\\')) return undefined
  const written = cut < 0 ? '' : path.slice(0, cut)
  if (listings.plain?.root !== root) listings.plain = { root, folders: new Map() }
  const known = listings.plain.folders
  let dir = known.get(written)
  if (dir === undefined) {
    dir = root
    for (const part of written.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..' || part.includes('\\')) {
        dir = null
        break
      }
      dir = `${dir}${paths.sep}${part}`
      try {
        if (files.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) dir = null
      } catch {
        dir = null
      }
      if (dir === null) break
    }
    // At most 4096 folders kept (the oldest goes first).
    if (known.size >= 4096) known.delete(known.keys().next().value as string)
    known.set(written, dir)
  }
  return dir === null || listings.folders.has(dir) ? undefined : `${dir}${paths.sep}${name}`
}

/**
 * Where `path` (relative, already known not to leave the root by its text) leads under
 * `root`, walking the folder listings — each folder is listed once, so that a missing file
 * costs no system call of its own: the file, or what is wrong. Only a symbolic link on the
 * way, or a name that matches only when case or Unicode form is ignored (as Windows and
 * macOS match names), is resolved by realpath, and must stay inside the root. Like
 * `lookAt`, it names nothing outside itself.
 */
export function findIn(
  files: typeof fs,
  paths: typeof import('node:path'),
  listings: Listings,
  root: string,
  path: string,
): string | { kind: 'unreadable' | 'not-file' | 'outside' } {
  // In the folder of the path before (reached through plain folders only: nothing on the
  // way to resolve), only the name is looked up.
  const cut = path.lastIndexOf('/')
  const name = path.slice(cut + 1)
  const plain = cut > 0 && name !== '' && name !== '.' && !path.includes('\\')
  const written = plain ? `${root}\0${path.slice(0, cut)}` : undefined
  const same = written !== undefined && listings.last?.written === written
  const parts = same
    ? [name]
    : path
        .replace(/\\/g, '/')
        .split('/')
        .filter((part) => part !== '' && part !== '.')
  let dir = same ? (listings.last?.found as string) : root
  const fold = (n: string) => n.normalize('NFC').toLowerCase()
  for (let i = 0; i < parts.length; i++) {
    let listing = listings.folders.get(dir)
    if (listing === undefined) {
      try {
        const kinds = new Map<string, 'f' | 'd' | 'l' | 'o'>()
        for (const d of files.readdirSync(dir, { withFileTypes: true }))
          kinds.set(
            d.name,
            d.isFile() ? 'f' : d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : 'o',
          )
        listing = { kinds }
      } catch {
        listing = null
      }
      // At most 256 folders kept (the oldest listed goes first): a province's million names
      // would otherwise be held by every thread. Paths come grouped by unit, so few are
      // listed twice.
      if (listings.folders.size >= 256)
        listings.folders.delete(listings.folders.keys().next().value as string)
      listings.folders.set(dir, listing)
    }
    if (listing === null) return { kind: 'unreadable' }
    // Every folder before this name was a plain one: the next path written in the same
    // folder starts here.
    if (i === parts.length - 1 && written !== undefined) listings.last = { written, found: dir }
    const part = parts[i] as string
    const kind = listing.kinds.get(part)
    if (kind === undefined) listing.folded ??= new Set([...listing.kinds.keys()].map(fold))
    const loose = kind === undefined && (listing.folded as Set<string>).has(fold(part))
    if (kind === 'l' || loose) {
      let real: string
      try {
        real = files.realpathSync(paths.resolve(dir, parts.slice(i).join('/')))
      } catch {
        return { kind: 'unreadable' }
      }
      const rel = paths.relative(root, real)
      const inside =
        rel === '' || (!rel.startsWith(`..${paths.sep}`) && rel !== '..' && !paths.isAbsolute(rel))
      return inside ? real : { kind: 'outside' }
    }
    if (kind === undefined) return { kind: 'unreadable' }
    const at = `${dir}${paths.sep}${part}`
    if (i === parts.length - 1) return kind === 'f' ? at : { kind: 'not-file' }
    if (kind !== 'd') return { kind: 'unreadable' }
    dir = at
  }
  return { kind: 'not-file' }
}

const BUFFER_BYTES = 1 << 16
/** Below this many files the threads cost more to start (~30 ms) than they save. */
const THREADS_FROM = 512
/** Files sent to a thread at once: big enough to amortise a message, small for progress. */
const BATCH = 256

/**
 * A batch as a thread gets it, and its answers, packed: a structured clone of hundreds of
 * small objects costs more than looking at their files. Paths are joined by NUL (no path
 * holds one) — relative to `root` when there is one, walked with `findIn`; `hash` is a
 * 0/1 per path; recorded stamps go by position.
 */
interface AskBatch {
  root: string | null
  files: string
  hash: string
  known: Array<[number, FileStamp]>
  /** 0 until a thread takes the batch (the main thread may take it first: `LookPool`). */
  claim?: SharedArrayBuffer
}
/** A letter per file (u unreadable or missing, n not a file, o a link out of the root,
 * f a file, h a file hashed); five numbers per file (size, mtimeMs, ctimeMs, ino, bytes
 * read or -1); the hashes, in order. */
interface LookBatch {
  kinds: string
  numbers: Float64Array
  hashes: string
}

function packAsks(root: string | null, asks: readonly FileAsk[]): AskBatch {
  const known: Array<[number, FileStamp]> = []
  asks.forEach((ask, i) => {
    if (ask.known) known.push([i, ask.known])
  })
  return {
    root,
    files: asks.map((ask) => ask.file).join('\0'),
    hash: asks.map((ask) => (ask.hash ? '1' : '0')).join(''),
    known,
  }
}

/** The modules and state a batch is answered with, on a thread or here. */
export interface Looker {
  lookAt: typeof lookAt
  findIn: typeof findIn
  directPath: typeof directPath
  files: typeof fs
  paths: typeof import('node:path')
  crypto: Crypto
  buffer: Buffer
  listings: Listings
}

/** Answer a batch; like `lookAt`, it names nothing outside itself. */
export function answerBatch(my: Looker, batch: AskBatch): LookBatch {
  const list = batch.files.split('\0')
  const known = new Map(batch.known)
  const numbers = new Float64Array(list.length * 5)
  let kinds = ''
  let hashes = ''
  const { files, paths, listings } = my
  const { root } = batch
  list.forEach((path, i) => {
    const stamp = known.get(i)
    const ask = (file: string) => ({
      file,
      hash: batch.hash[i] === '1',
      ...(stamp ? { known: stamp } : {}),
    })
    // Opened directly where its folders are plain ones; walked when that fails (a missing
    // file, a symbolic link) or cannot be tried.
    const direct = root === null ? undefined : my.directPath(files, paths, listings, root, path)
    let seen: FileLook | undefined
    if (direct !== undefined) {
      seen = my.lookAt(files, my.crypto, my.buffer, ask(direct), files.constants.O_NOFOLLOW)
      if (seen.kind === 'unreadable') seen = undefined
    }
    if (seen === undefined) {
      const where = root === null ? path : my.findIn(files, paths, listings, root, path)
      seen = typeof where !== 'string' ? where : my.lookAt(files, my.crypto, my.buffer, ask(where))
    }
    if (seen.kind !== 'file') {
      kinds += seen.kind === 'not-file' ? 'n' : seen.kind === 'outside' ? 'o' : 'u'
      return
    }
    kinds += seen.sha256 === undefined ? 'f' : 'h'
    numbers.set(
      [seen.stamp.size, seen.stamp.mtimeMs, seen.stamp.ctimeMs, seen.stamp.ino, seen.read ?? -1],
      i * 5,
    )
    hashes += seen.sha256 ?? ''
  })
  return { kinds, numbers, hashes }
}

function unpackLooks(batch: LookBatch): FileLook[] {
  const { kinds, numbers, hashes } = batch
  const looks: FileLook[] = new Array(kinds.length)
  let h = 0
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]
    if (kind === 'u') looks[i] = { kind: 'unreadable' }
    else if (kind === 'n') looks[i] = { kind: 'not-file' }
    else if (kind === 'o') looks[i] = { kind: 'outside' }
    else {
      const at = i * 5
      const stamp: FileStamp = {
        size: numbers[at] as number,
        mtimeMs: numbers[at + 1] as number,
        ctimeMs: numbers[at + 2] as number,
        ino: numbers[at + 3] as number,
      }
      if (kind === 'f') looks[i] = { kind: 'file', stamp }
      else {
        h += 64
        const sha256 = hashes.slice(h - 64, h)
        looks[i] = { kind: 'file', stamp, sha256, read: numbers[at + 4] as number }
      }
    }
  }
  return looks
}

const WORKER_SOURCE = `'use strict'
const { parentPort } = require('node:worker_threads')
const my = {
  lookAt: ${lookAt.toString()},
  findIn: ${findIn.toString()},
  directPath: ${directPath.toString()},
  files: require('node:fs'),
  paths: require('node:path'),
  crypto: require('node:crypto'),
  buffer: Buffer.allocUnsafe(${BUFFER_BYTES}),
  listings: { folders: new Map() },
}
const answerBatch = ${answerBatch.toString()}
parentPort.on('message', (batch) => {
  // Taken already by the main thread (it helps once the ledger is read): null says so.
  if (batch.claim && Atomics.compareExchange(new Int32Array(batch.claim), 0, 0, 1) !== 0)
    return parentPort.postMessage(null)
  const answer = answerBatch(my, batch)
  parentPort.postMessage(answer, [answer.numbers.buffer])
})
`

interface PoolOptions {
  root?: string
  threads?: number
  help?: boolean
}

interface SentBatch {
  from: number
  to: number
  claim: Int32Array
}

/**
 * Files looked at as they are asked for — `push` them while the ledger is still being read,
 * `finish` when all are asked — calling `onLook(index, look)` as each is seen (index in
 * the order pushed; answers come in batches, in no fixed order). Once 512 are waiting the
 * work goes to `threads` worker threads: by default one per core but one, at most four,
 * since the main thread is still parsing (100k entries on two cores: 2.18 s with one
 * thread, 2.44 s with two; 1M: 14.8 s, 16.2 s). Once all are asked (`finish`) the main
 * thread helps too, taking batches from the end of what the threads have in hand, so that
 * no core idles while large files are hashed. Fewer than 512, or when a thread cannot
 * start, are looked at here.
 */
export class LookPool {
  readonly #onLook: (index: number, look: FileLook) => void
  readonly #threads: number
  readonly #root: string | null
  readonly #help: boolean
  readonly #asks: FileAsk[] = []
  readonly #seen: boolean[] = []
  /** Every batch sent: its asks [from, to) and its claim (see AskBatch). */
  readonly #batches: SentBatch[] = []
  /** Each thread, with the batches it has not yet answered (in sending order). */
  readonly #workers: Array<{ worker: Worker; inHand: number[] }> = []
  #looker: Looker | undefined
  #sent = 0
  #threaded = 0
  #failed: unknown
  #drained: (() => void) | undefined

  /**
   * `root`: the asks' files are relative to it and found by walking its folders (`findIn`);
   * without, they are absolute. `threads`: default one per core but one, at most four.
   * `help`: whether this thread takes batches too once all are asked (default true).
   */
  constructor(onLook: (index: number, look: FileLook) => void, options: PoolOptions = {}) {
    this.#onLook = onLook
    this.#threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1))
    this.#root = options.root ?? null
    this.#help = options.help ?? true
  }

  push(asks: readonly FileAsk[]): void {
    for (const ask of asks) this.#asks.push(ask)
    this.#pump()
  }

  /** When every file pushed is seen: how many the threads answered. */
  async finish(): Promise<number> {
    if (this.#help && this.#workers.length > 0 && this.#failed === undefined) await this.#helpOut()
    if (this.#workers.length > 0 && this.#failed === undefined)
      await new Promise<void>((resolve) => {
        this.#drained = resolve
        this.#pump()
      })
    // A thread failed (none may start under some sandboxes): what it had not answered,
    // and what was never sent, is looked at here.
    const left = [...this.#asks.keys()].filter((i) => !this.#seen[i])
    if (left.length > 0) {
      const batch = packAsks(
        this.#root,
        left.map((i) => this.#asks[i] as FileAsk),
      )
      for (const [k, look] of unpackLooks(answerBatch(this.#here(), batch)).entries())
        this.#report(left[k] as number, look)
    }
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()))
    return this.#threaded
  }

  /** Stop the threads without waiting for what they have in hand (after a failure). */
  async abort(): Promise<void> {
    this.#failed ??= new Error('aborted')
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()))
  }

  /**
   * Answer here the batches no thread has taken yet, the last sent first (the threads take
   * theirs from the first), yielding after each so that the threads' answers come in.
   */
  async #helpOut(): Promise<void> {
    for (let b = this.#batches.length - 1; b >= 0 && this.#failed === undefined; b--) {
      const { from, to, claim } = this.#batches[b] as SentBatch
      if (Atomics.compareExchange(claim, 0, 0, 1) !== 0) continue
      const batch = packAsks(this.#root, this.#asks.slice(from, to))
      for (const [i, look] of unpackLooks(answerBatch(this.#here(), batch)).entries())
        this.#report(from + i, look)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  /** What answers a batch on this thread. */
  #here(): Looker {
    this.#looker ??= {
      ...{ lookAt, findIn, directPath, files: fs, paths, crypto: nodeCrypto },
      ...{ buffer: Buffer.allocUnsafe(BUFFER_BYTES), listings: { folders: new Map() } },
    }
    return this.#looker
  }

  #report(index: number, look: FileLook): void {
    if (this.#seen[index]) return
    this.#seen[index] = true
    this.#onLook(index, look)
  }

  #pump(): void {
    if (this.#failed !== undefined) return
    if (this.#workers.length === 0) {
      if (this.#asks.length < THREADS_FROM || this.#threads < 1) return
      try {
        for (let i = 0; i < this.#threads; i++) this.#start()
      } catch (error) {
        this.#failed = error
        return
      }
    }
    // Everything asked goes out at once, in batches, to the thread with the least in hand:
    // a thread must not wait for the main thread, busy parsing the next ledger file, to
    // hand it more (at 1M entries the threads were idle most of the parse).
    while (this.#sent < this.#asks.length) {
      const least = this.#workers.reduce((a, b) => (b.inHand.length < a.inHand.length ? b : a))
      const from = this.#sent
      this.#sent = Math.min(this.#asks.length, from + BATCH)
      const claim = new Int32Array(new SharedArrayBuffer(4))
      least.inHand.push(this.#batches.length)
      this.#batches.push({ from, to: this.#sent, claim })
      const batch = packAsks(this.#root, this.#asks.slice(from, this.#sent))
      least.worker.postMessage({ ...batch, claim: claim.buffer })
    }
    const answered = this.#workers.every(({ inHand }) => inHand.length === 0)
    if (this.#drained && answered && this.#sent === this.#asks.length) this.#drained()
  }

  #start(): void {
    // Loaded when a thread is first started: a district's project starts none (3–4 ms).
    const { Worker } = process.getBuiltinModule('node:worker_threads')
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    const inHand: number[] = []
    worker.on('message', (answer: LookBatch | null) => {
      // A thread answers its batches in the order they were sent (null: taken here).
      const { from } = this.#batches[inHand.shift() as number] as SentBatch
      if (answer) {
        const looks = unpackLooks(answer)
        this.#threaded += looks.length
        for (const [i, look] of looks.entries()) this.#report(from + i, look)
      }
      this.#pump()
    })
    worker.on('error', (error) => {
      this.#failed ??= error
      this.#drained?.()
    })
    this.#workers.push({ worker, inHand })
  }
}

/** Look at every file asked at once (see `LookPool`). */
export async function lookAtAll(
  asks: readonly FileAsk[],
  onLook: (index: number, look: FileLook) => void,
  options?: PoolOptions,
): Promise<number> {
  const pool = new LookPool(onLook, options)
  pool.push(asks)
  return pool.finish()
}

/**
 * Size and SHA-256 of each file — `undefined` for one that is not a readable regular file —
 * in the order given; `onFile(index)` as each is done. Many files are read on worker
 * threads, as `gatherAttachments` reads them. `bytes` is what was read and hashed.
 */
export async function hashFiles(
  files: readonly string[],
  onFile?: (index: number) => void,
): Promise<Array<{ bytes: number; sha256: string } | undefined>> {
  const out: Array<{ bytes: number; sha256: string } | undefined> = new Array(files.length)
  await lookAtAll(
    files.map((file) => ({ file, hash: true })),
    (i, look) => {
      if (look.kind === 'file' && look.sha256 !== undefined)
        out[i] = { bytes: look.read ?? look.stamp.size, sha256: look.sha256 }
      onFile?.(i)
    },
  )
  return out
}
