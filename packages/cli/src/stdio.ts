// Standard output and error. Written to a file or a pipe, they go straight to their file
// descriptors: Node makes `process.stdout` and `process.stderr` on first use — a pipe's
// stream classes, some 5–10 ms of every start (measured: `node -e` writing a line through
// process.stdout 54 ms, through writeSync 45, nothing 44) — and the CLI writes each piece
// whole, in order, so it needs none of what they add. A terminal is written through its
// stream as before: on Windows only the stream writes Chinese to the console correctly
// (writing UTF-8 bytes to it would show them in the console's code page), and a person
// reading does not notice 5 ms.
import { fstatSync, writeSync } from 'node:fs'

export type Fd = 1 | 2

/**
 * Whether `fd` is a terminal (colour, progress), without making its stream. A file or a
 * pipe is answered by fstat; only a character device (a terminal, or /dev/null) loads
 * node:tty to ask, which loads the stream classes (~5 ms).
 */
export function isTerminal(fd: Fd): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false
  } catch {
    return false
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(fd)
}

/** Write to standard output, all of it: through its stream to a terminal, else {@link writeAll}. */
export const out = (data: string | Uint8Array): void => write(1, data)

/** Write to standard error, all of it: through its stream to a terminal, else {@link writeAll}. */
export const err = (data: string | Uint8Array): void => write(2, data)

/** Whether each descriptor is a terminal, asked once. */
const terminal: Partial<Record<Fd, boolean>> = {}

function write(fd: Fd, data: string | Uint8Array): void {
  terminal[fd] ??= isTerminal(fd)
  if (terminal[fd]) (fd === 1 ? process.stdout : process.stderr).write(data)
  else writeAll(fd, data)
}

const pause = new Int32Array(new SharedArrayBuffer(4))

/**
 * Write every byte of `data` to `fd`, waiting while a slower reader (`| less`) catches up.
 * A reader that left (`| head`, EPIPE) ends the process quietly with the exit code it had,
 * as Unix tools do; a descriptor set non-blocking by another program (EAGAIN) is tried
 * again a millisecond later.
 */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1)
      else if (code === 'EPIPE') readerLeft()
      else throw error
    }
  }
}

/** The reader of a pipe went away (`| head`): end quietly with the exit code so far. */
const readerLeft = (): never => process.exit(process.exitCode ?? 0)

/**
 * Should anything make a stream of stdout or stderr (a terminal written to, the prompts of
 * init, a library), EPIPE on it ends the process quietly too. The streams are not made here
 * to say so, which would cost ~10 ms of every start: their getters are wrapped, and a stream
 * gets its listener when first made.
 */
export function quietWhenReaderLeaves(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const make = Object.getOwnPropertyDescriptor(process, name)?.get
    if (!make) continue
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: true,
      get() {
        const stream = make.call(process) as NodeJS.WriteStream
        Object.defineProperty(process, name, {
          configurable: true,
          enumerable: true,
          value: stream,
        })
        stream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'EPIPE') throw error
          readerLeft()
        })
        return stream
      },
    })
  }
}
