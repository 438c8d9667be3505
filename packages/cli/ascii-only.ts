// The bundle as ASCII alone. esbuild escapes what is not ASCII in strings, but not in
// regular expressions (the Chinese ones that read dates, ordinals and document numbers): a
// few such characters make V8 hold the whole 0.8 MB file as two-byte text, decode it from
// UTF-8 at every start and scan it more slowly. Escaped (`年` → `\u5e74`, the same
// expression with or without the u flag), the file is ASCII: read as Latin-1 at start, one
// byte a character (src/compile-cache.ts). Its source map is shifted to match.
import { readFileSync, writeFileSync } from 'node:fs'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * `text` with every character that is not ASCII written as `\uXXXX`, and per line the
 * columns of the escapes, each with how many columns it added.
 */
export function escapeNonAscii(text: string): { text: string; shifts: Map<number, number[]> } {
  const shifts = new Map<number, number[]>()
  let out = ''
  let copied = 0
  let line = 0
  let lineStart = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      line++
      lineStart = i + 1
    }
    if (c < 128) continue
    let backslashes = 0
    while (text.charCodeAt(i - 1 - backslashes) === 92) backslashes++
    // `\（` (an identity escape, allowed without the u flag) is the character itself.
    const dropped = backslashes % 2
    out += `${text.slice(copied, i - dropped)}\\u${c.toString(16).padStart(4, '0')}`
    copied = i + 1
    const list = shifts.get(line) ?? []
    list.push(i - lineStart, 5 - dropped)
    shifts.set(line, list)
  }
  return { text: out + text.slice(copied), shifts }
}

function decodeVlq(text: string, at: number): [value: number, next: number] {
  let value = 0
  let shift = 0
  for (;;) {
    const digit = B64.indexOf(text[at++] ?? '')
    value += (digit & 31) << shift
    shift += 5
    if ((digit & 32) === 0) break
  }
  return [value & 1 ? -(value >>> 1) : value >>> 1, at]
}

function encodeVlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1
  let out = ''
  do {
    const digit = rest & 31
    rest >>>= 5
    out += B64[rest > 0 ? digit | 32 : digit]
  } while (rest > 0)
  return out
}

/**
 * Source map `mappings` with the generated columns of the lines in `shifts` moved: a
 * segment after an escape starts that many columns later.
 */
export function shiftMappings(mappings: string, shifts: ReadonlyMap<number, number[]>): string {
  return mappings
    .split(';')
    .map((segments, line) => {
      const list = shifts.get(line)
      if (!list || segments === '') return segments
      let column = 0
      let previous = 0
      return segments
        .split(',')
        .map((segment) => {
          const [delta, next] = decodeVlq(segment, 0)
          column += delta
          let moved = column
          for (let k = 0; k < list.length; k += 2)
            if ((list[k] as number) < column) moved += list[k + 1] as number
          const out = encodeVlq(moved - previous) + segment.slice(next)
          previous = moved
          return out
        })
        .join(',')
    })
    .join(';')
}

/**
 * Rewrite a built file (and its `.map` beside it, when there is one) as ASCII; a map that
 * cannot be read or written fails the build.
 */
export function asciiOnly(file: string): void {
  const { text, shifts } = escapeNonAscii(readFileSync(file, 'utf8'))
  if (shifts.size === 0) return
  writeFileSync(file, text)
  try {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'))
    map.mappings = shiftMappings(map.mappings, shifts)
    writeFileSync(`${file}.map`, JSON.stringify(map))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
