// The small files of a .zip copy (under SMALL, which the zip writer reads whole) read,
// hashed and deflated on worker threads, in order: a province's copy is 100,000 scans of a
// few KB, each costing the zip writer more for being a file (open, read, a hash, a deflate)
// than for its bytes. The main thread only writes.
import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { joinBytes } from '../render/utf8-sink.js'
import { type PackedFile, packBytes, SMALL } from './zip-writer.js'

/** Fewer files than this are left to the main thread: starting threads costs more. */
const THREADS_FROM = 512
/** Files a thread packs per message. */
const BATCH = 64
/** Batches asked for and not yet taken, per thread: bounds what waits in memory. */
const AHEAD = 2

interface Answer {
  id: number
  /** Per file: [bytes, crc, deflated length], or null when the thread left it. */
  metas: Array<[number, number, number] | null>
  hashes: string[]
  data: Uint8Array
}

// Each file as the zip writer's own road reads and packs it (one read of the whole file,
// then its own packBytes: the same bytes). What is not a plain small file that stayed
// as stat saw it (missing, a FIFO, large, grown) is left, null, for the main thread's road,
// which says why.
const WORKER_SOURCE = `'use strict'
const { parentPort } = require('node:worker_threads')
const fs = require('node:fs')
const crypto = require('node:crypto')
const zlib = require('node:zlib')
const buffer = Buffer.allocUnsafe(${SMALL} + 1)
const packBytes = ${packBytes.toString()}
const joinBytes = ${joinBytes.toString()}
const pack = (path) => {
  let fd
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
    const stat = fs.fstatSync(fd)
    if (!stat.isFile() || stat.size >= ${SMALL}) return null
    let total = 0
    for (let n = fs.readSync(fd, buffer, 0, buffer.length, 0); n > 0 && total < buffer.length; ) {
      total += n
      n = fs.readSync(fd, buffer, total, buffer.length - total, total)
    }
    if (total !== stat.size) return null
    return packBytes(zlib, crypto, buffer.subarray(0, total))
  } catch {
    return null
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
parentPort.on('message', ({ id, paths }) => {
  const metas = []
  const hashes = []
  const parts = []
  for (const path of paths) {
    const packed = pack(path)
    metas.push(packed && [packed.bytes, packed.crc, packed.deflated.length])
    hashes.push(packed ? packed.sha256 : '')
    if (packed) parts.push(packed.deflated)
  }
  // One buffer of its own (never Buffer's shared pool), handed over, not copied.
  const data = joinBytes(parts)
  parentPort.postMessage({ id, metas, hashes, data }, [data.buffer])
})
`

/**
 * Each of `paths` packed, in order: a `PackedFile`, or undefined for one the threads left
 * (not a small regular file, missing, changed while read) — which the caller adds on its own
 * road, where the reason is found again. `threads` defaults to one per core, at most four;
 * with fewer than 512 files, or no threads, every file is left. Stop early with `return()`.
 */
export async function* packFiles(
  paths: readonly string[],
  options: { threads?: number } = {},
): AsyncGenerator<PackedFile | undefined> {
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism()))
  if (paths.length < THREADS_FROM || threads < 1) {
    for (let i = 0; i < paths.length; i++) yield undefined
    return
  }
  const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads')
  const workers: Worker[] = []
  const answers = new Map<number, Answer>()
  const batches = Math.ceil(paths.length / BATCH)
  let sent = 0
  let failed: unknown
  let wake: (() => void) | undefined
  const ask = (taken: number) => {
    for (; sent < batches && sent - taken < threads * AHEAD; sent++)
      workers[sent % threads]?.postMessage({
        id: sent,
        paths: paths.slice(sent * BATCH, (sent + 1) * BATCH),
      })
  }
  try {
    for (let t = 0; t < threads; t++) {
      const worker = new WorkerThread(WORKER_SOURCE, { eval: true })
      worker.on('message', (answer: Answer) => {
        answers.set(answer.id, answer)
        wake?.()
      })
      worker.on('error', (error) => {
        failed ??= error
        wake?.()
      })
      workers.push(worker)
    }
    ask(0)
    for (let b = 0; b < batches; b++) {
      let answer = answers.get(b)
      while (!answer) {
        if (failed) throw failed
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        answer = answers.get(b)
      }
      answers.delete(b)
      ask(b + 1)
      let at = 0
      for (let i = 0; i < answer.metas.length; i++) {
        const meta = answer.metas[i]
        if (!meta) {
          yield undefined
          continue
        }
        const [bytes, crc, length] = meta
        yield {
          bytes,
          crc,
          sha256: answer.hashes[i] as string,
          deflated: answer.data.subarray(at, at + length),
        }
        at += length
      }
    }
  } finally {
    for (const worker of workers) void worker.terminate()
  }
}
