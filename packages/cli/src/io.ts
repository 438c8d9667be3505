import { stat } from 'node:fs/promises'
import type { Locale } from '@reformkit/model'
import { UsageError } from './errors.js'
import { say } from './messages.js'
import { err, type Fd, isTerminal, out } from './stdio.js'

/** zh-CN unless LANG / LC_ALL / LC_MESSAGES ask for English (a Chinese office is the default). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^en/i.test(lang) ? 'en' : 'zh-CN'
}

export function parseLang(value: string | undefined): Locale {
  if (value === undefined) return localeFromEnv()
  if (/^zh/i.test(value)) return 'zh-CN'
  if (/^en/i.test(value)) return 'en'
  throw new UsageError(`${say('zh-CN', 'badLang', { value })} / ${say('en', 'badLang', { value })}`)
}

/** Colour only for a terminal, and never with NO_COLOR (https://no-color.org). */
export function useColor(fd: Fd = 1): boolean {
  return isTerminal(fd) && !process.env.NO_COLOR && process.env.TERM !== 'dumb'
}

/** Today in local time as YYYY-MM-DD: the CLI's default "as of" (libraries never read the clock). */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/**
 * A progress line on stderr for work that takes more than a second, on a terminal only
 * (piped output stays clean). Returns the callback and a function that clears the line.
 */
export function progress(label: string): {
  /** False when nothing will be drawn (not a terminal, or CI): no need to report progress. */
  active: boolean
  update: (done: number, total: number) => void
  end: () => void
} {
  const start = Date.now()
  let shown = false
  let drawn = 0
  const enabled = isTerminal(2) && !process.env.CI
  return {
    active: enabled,
    update(done, total) {
      if (!enabled) return
      // Drawn after a second, then at most ten times a second: a province's 100,000
      // files would otherwise be 100,000 writes to the terminal.
      const now = Date.now()
      if (now - start < 1000 || (now - drawn < 100 && done < total)) return
      drawn = now
      shown = true
      const width = 24
      const filled = total > 0 ? Math.round((done / total) * width) : 0
      err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    },
    end() {
      if (shown) err('\r\u001b[2K')
    },
  }
}

/** Pieces of text joined into about `size` characters each: fewer, larger writes. */
export function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let batch: string[] = []
  let length = 0
  for (const piece of pieces) {
    batch.push(piece)
    length += piece.length
    if (length >= size) {
      yield batch.join('')
      batch = []
      length = 0
    }
  }
  if (batch.length > 0) yield batch.join('')
}

/**
 * Pieces of text as UTF-8, about `size` bytes at a time, each piece encoded straight into
 * one buffer: joining them into a string and encoding that costs several times more
 * (100,000 findings as JSON: ~400 ms against ~60). The buffer is reused: write each chunk
 * before asking for the next. Pieces are whole strings (a line, a finding): a surrogate
 * pair split between two would be written as two replacement characters.
 */
export function* utf8Batches(pieces: Iterable<string>, size = 1 << 20): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(size)
  let used = 0
  for (const piece of pieces) {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (used > 0 && used + piece.length * 3 > size) {
      yield buffer.subarray(0, used)
      used = 0
    }
    if (piece.length * 3 > size) yield Buffer.from(piece)
    else used += buffer.write(piece, used)
  }
  if (used > 0) yield buffer.subarray(0, used)
}

/**
 * Write output made in pieces to stdout, about 1 MB at a time; a slower reader (a pipe to
 * less) makes each write wait. A province's findings are never one string in memory. A
 * terminal is written text (its stream shows Chinese right in a Windows console).
 */
export function writePieces(pieces: Iterable<string>): void {
  if (isTerminal(1)) for (const text of batched(pieces)) out(text)
  else for (const bytes of utf8Batches(pieces)) out(bytes)
}
