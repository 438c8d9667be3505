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

const WORKER_SOURCE = `'use strict'
const { parentPort } = require('node:worker_threads')
const files = require('node:fs')
const { createHash } = require('node:crypto')
const lookAt = ${lookAt.toString()}
const buffer = Buffer.allocUnsafe(${BUFFER_BYTES})
parentPort.on('message', (asks) =>
  parentPort.postMessage(asks.map((ask) => lookAt(files, createHash, buffer, ask))))
`

/**
 * Look at every file asked, calling `onLook(index, look)` as each is seen (in batches, in
 * no fixed order). Many files go to `threads` worker threads (default: the cores plus one,
 * at most four — the waits for the disk overlap); a few, or when threads cannot start,
 * are looked at here. Resolves to how many files the threads answered.
 */
export async function lookAtAll(
  asks: readonly FileAsk[],
  onLook: (index: number, look: FileLook) => void,
  threads = Math.min(4, availableParallelism() + 1),
): Promise<number> {
  const seen = new Uint8Array(asks.length)
  const report = (index: number, look: FileLook) => {
    if (seen[index]) return
    seen[index] = 1
    onLook(index, look)
  }
  const here = () => {
    const buffer = Buffer.allocUnsafe(BUFFER_BYTES)
    asks.forEach((ask, i) => {
      if (!seen[i]) report(i, lookAt(fs, createHash, buffer, ask))
    })
  }
  if (asks.length < THREADS_FROM || threads < 1) {
    here()
    return 0
  }
  let threaded = 0
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0
      let pending = 0
      const feed = (worker: Worker) => {
        if (next >= asks.length) {
          if (pending === 0) resolve()
          return
        }
        const from = next
        next = Math.min(asks.length, next + BATCH)
        pending++
        worker.once('message', (looks: FileLook[]) => {
          pending--
          threaded += looks.length
          for (const [i, look] of looks.entries()) report(from + i, look)
          feed(worker)
        })
        worker.postMessage(asks.slice(from, next))
      }
      for (let i = 0; i < threads; i++) {
        const worker = new Worker(WORKER_SOURCE, { eval: true })
        worker.on('error', reject)
        workers.push(worker)
        feed(worker)
      }
    })
  } catch {
    // A thread failed (none may start under some sandboxes): what it had not answered,
    // and what was never sent, is looked at here.
    here()
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return threaded
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
