// Looking at attachment files — stat, then SHA-256 — with synchronous calls on threads of
// their own. A province names a hundred thousand small files; a stream per file costs four
// round trips through the event loop each (open, stat, read, close: 17–24 s for 98,500
// files here), where plain synchronous calls cost what `sha256sum` costs (1.5 s) and a few
// threads doing them overlap the waits (0.9 s with three).

import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** What identifies a file's content without reading it (the hash cache's key). */
export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
}

/** One file to look at; `known`: a recorded stamp — if it still holds, nothing is read. */
export interface FileAsk {
  file: string
  hash: boolean
  known?: FileStamp
}

/** What was seen: nothing readable, not a file, or a file with its stamp and hash. */
export type FileLook =
  | { kind: 'unreadable' | 'not-file' }
  | { kind: 'file'; stamp: FileStamp; sha256?: string; read?: number }

/**
 * Look at one file. Its source is sent to the worker threads as text, so it names nothing
 * outside itself: the modules and the read buffer come in as arguments.
 */
export function lookAt(
  files: typeof fs,
  hasher: typeof createHash,
  buffer: Buffer,
  ask: FileAsk,
): FileLook {
  let fd: number | undefined
  try {
    // stat before open: opening a FIFO or a device would block or read forever.
    const info = files.statSync(ask.file)
    if (!info.isFile()) return { kind: 'not-file' }
    const stamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino }
    const k = ask.known
    const unchanged =
      k !== undefined &&
      k.size === stamp.size &&
      k.mtimeMs === stamp.mtimeMs &&
      k.ctimeMs === stamp.ctimeMs &&
      k.ino === stamp.ino
    if (!ask.hash || unchanged) return { kind: 'file', stamp }
    fd = files.openSync(ask.file, 'r')
    const hash = hasher('sha256')
    let read = 0
    for (let n = files.readSync(fd, buffer); n > 0; n = files.readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n))
      read += n
    }
    return { kind: 'file', stamp, sha256: hash.digest('hex'), read }
  } catch {
    return { kind: 'unreadable' }
  } finally {
    if (fd !== undefined) files.closeSync(fd)
  }
}

const BUFFER_BYTES = 1 << 16
/** Below this many files the threads cost more to start (~30 ms) than they save. */
const THREADS_FROM = 512
/** Files sent to a thread at once: big enough to amortise a message, small for progress. */
const BATCH = 256

/**
 * A batch as a thread gets it, and its answers, packed: a structured clone of hundreds of
 * small objects costs more than looking at their files. Paths are joined by NUL (no path
 * holds one); `hash` is a 0/1 per path; recorded stamps go by position.
 */
interface AskBatch {
  files: string
  hash: string
  known: Array<[number, FileStamp]>
}
/** A letter per file (u unreadable, n not a file, f file); five numbers per file (size,
 * mtimeMs, ctimeMs, ino, bytes read or -1); the hashes of those hashed, in order. */
interface LookBatch {
  kinds: string
  numbers: Float64Array
  hashes: string
}

function packAsks(asks: readonly FileAsk[]): AskBatch {
  const known: Array<[number, FileStamp]> = []
  asks.forEach((ask, i) => {
    if (ask.known) known.push([i, ask.known])
  })
  return {
    files: asks.map((ask) => ask.file).join('\0'),
    hash: asks.map((ask) => (ask.hash ? '1' : '0')).join(''),
    known,
  }
}

/** Answer a batch on a thread; like `lookAt`, names nothing outside itself. */
export function answerBatch(
  look: typeof lookAt,
  files: typeof fs,
  hasher: typeof createHash,
  buffer: Buffer,
  batch: AskBatch,
): LookBatch {
  const paths = batch.files.split('\0')
  const known = new Map(batch.known)
  const numbers = new Float64Array(paths.length * 5)
  let kinds = ''
  let hashes = ''
  paths.forEach((file, i) => {
    const stamp = known.get(i)
    const seen = look(files, hasher, buffer, {
      file,
      hash: batch.hash[i] === '1',
      ...(stamp ? { known: stamp } : {}),
    })
    if (seen.kind !== 'file') {
      kinds += seen.kind === 'not-file' ? 'n' : 'u'
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
  let h = 0
  return [...batch.kinds].map((kind, i): FileLook => {
    if (kind === 'u') return { kind: 'unreadable' }
    if (kind === 'n') return { kind: 'not-file' }
    const [size, mtimeMs, ctimeMs, ino, read] = batch.numbers.subarray(i * 5, i * 5 + 5)
    const stamp = { size, mtimeMs, ctimeMs, ino } as FileStamp
    if (kind === 'f') return { kind: 'file', stamp }
    h += 64
    return { kind: 'file', stamp, sha256: batch.hashes.slice(h - 64, h), read: read as number }
  })
}

const WORKER_SOURCE = `'use strict'
const { parentPort } = require('node:worker_threads')
const files = require('node:fs')
const { createHash } = require('node:crypto')
const lookAt = ${lookAt.toString()}
const answerBatch = ${answerBatch.toString()}
const buffer = Buffer.allocUnsafe(${BUFFER_BYTES})
parentPort.on('message', (batch) => {
  const answer = answerBatch(lookAt, files, createHash, buffer, batch)
  parentPort.postMessage(answer, [answer.numbers.buffer])
})
`

/**
 * Files looked at as they are asked for — `push` them while the ledger is still being read,
 * `finish` when all are asked — calling `onLook(index, look)` as each is seen (index in
 * the order pushed; answers come in batches, in no fixed order). Once 512 are waiting the
 * work goes to `threads` worker threads (default: the cores plus one, at most four — the
 * waits for the disk overlap); fewer, or when a thread cannot start, are looked at here.
 */
export class LookPool {
  readonly #onLook: (index: number, look: FileLook) => void
  readonly #threads: number
  readonly #asks: FileAsk[] = []
  readonly #seen: boolean[] = []
  readonly #idle: Worker[] = []
  readonly #workers: Worker[] = []
  #sent = 0
  #pending = 0
  #threaded = 0
  #failed: unknown
  #drained: (() => void) | undefined

  constructor(
    onLook: (index: number, look: FileLook) => void,
    threads = Math.min(4, availableParallelism() + 1),
  ) {
    this.#onLook = onLook
    this.#threads = threads
  }

  push(asks: readonly FileAsk[]): void {
    for (const ask of asks) this.#asks.push(ask)
    this.#pump()
  }

  /** When every file pushed is seen: how many the threads answered. */
  async finish(): Promise<number> {
    if (this.#workers.length > 0 && this.#failed === undefined)
      await new Promise<void>((resolve) => {
        this.#drained = resolve
        this.#pump()
      })
    // A thread failed (none may start under some sandboxes): what it had not answered,
    // and what was never sent, is looked at here.
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES)
    this.#asks.forEach((ask, i) => {
      if (!this.#seen[i]) this.#report(i, lookAt(fs, createHash, buffer, ask))
    })
    await Promise.all(this.#workers.map((worker) => worker.terminate()))
    return this.#threaded
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
    while (this.#idle.length > 0 && this.#sent < this.#asks.length) {
      const worker = this.#idle.pop() as Worker
      const from = this.#sent
      this.#sent = Math.min(this.#asks.length, from + BATCH)
      this.#pending++
      worker.once('message', (answer: LookBatch) => {
        const looks = unpackLooks(answer)
        this.#pending--
        this.#threaded += looks.length
        for (const [i, look] of looks.entries()) this.#report(from + i, look)
        this.#idle.push(worker)
        this.#pump()
      })
      worker.postMessage(packAsks(this.#asks.slice(from, this.#sent)))
    }
    if (this.#drained && this.#pending === 0 && this.#sent === this.#asks.length) this.#drained()
  }

  #start(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    worker.on('error', (error) => {
      this.#failed ??= error
      this.#drained?.()
    })
    this.#workers.push(worker)
    this.#idle.push(worker)
  }
}

/** Look at every file asked at once (see `LookPool`). */
export async function lookAtAll(
  asks: readonly FileAsk[],
  onLook: (index: number, look: FileLook) => void,
  threads?: number,
): Promise<number> {
  const pool = new LookPool(onLook, threads)
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
