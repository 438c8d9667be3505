import { diagnosticFactory } from '../diagnostic/create.js'
import type { Diagnostic, Locale } from '../diagnostic/diagnostic.js'
import { modelMessages } from '../diagnostic/messages.js'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodeSourceOptions {
  filename?: string
  locale?: Locale
}

export interface DecodedSource {
  /** The text, without a byte-order mark; undefined when the bytes are not text. */
  text?: string
  encoding?: TextEncodingName
  /** `source/encoding` (info) when the file was not UTF-8; `source/binary` when it is not text. */
  diagnostics: Diagnostic[]
}

/**
 * Turn the bytes of a plan, ledger or config file into text. UTF-8 (with or without BOM)
 * and UTF-16 with BOM are read as such; anything else that is not valid UTF-8 is read as
 * GB18030 (which includes GBK and GB2312, what WPS and older Excel save on Chinese
 * Windows), with an info diagnostic. Bytes with NUL in them (a spreadsheet or PDF chosen
 * by mistake) are refused. Browser-safe: uses TextDecoder only.
 */
export function decodeSource(bytes: Uint8Array, options: DecodeSourceOptions = {}): DecodedSource {
  const report = diagnosticFactory(modelMessages, options.locale)
  const location = options.filename === undefined ? {} : { file: options.filename }
  const [b0, b1, b2] = bytes
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decoded(bytes.subarray(3), 'utf-8', [])
  if (b0 === 0xff && b1 === 0xfe) return decoded(bytes.subarray(2), 'utf-16le', [])
  if (b0 === 0xfe && b1 === 0xff) return decoded(bytes.subarray(2), 'utf-16be', [])
  if (bytes.includes(0)) return { diagnostics: [report({ ruleId: 'source/binary', location })] }
  try {
    return decoded(bytes, 'utf-8', [], true)
  } catch {
    // Mostly UTF-8 with a few bad bytes (a paste, a truncated copy): still UTF-8, the bad
    // bytes located. Read as GB18030 it would turn every Chinese character into mojibake.
    const check = utf8Check(bytes)
    if (check.good >= 4 * check.bad && check.firstBad !== undefined) {
      const before = bytes.subarray(0, check.firstBad)
      const lineStart = before.lastIndexOf(0x0a) + 1
      let line = 1
      for (let i = 0; i < lineStart; i++) if (before[i] === 0x0a) line++
      const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1
      const error = report({
        ruleId: 'source/invalid-utf8',
        data: { count: check.bad },
        location: { ...location, line, column },
      })
      return decoded(bytes, 'utf-8', [error])
    }
    const notice = report({
      ruleId: 'source/encoding',
      severity: 'info',
      data: { encoding: 'GB18030' },
      location,
    })
    return decoded(bytes, 'gb18030', [notice])
  }
}

function decoded(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  diagnostics: Diagnostic[],
  fatal = false,
): DecodedSource {
  const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes)
  return { text, encoding, diagnostics }
}

/**
 * Valid and invalid UTF-8 sequences among the bytes ≥ 0x80, and where the first invalid
 * one starts. GB18030 text makes a valid two-byte sequence now and then by chance, and an
 * invalid one at most other characters; UTF-8 text with a stray byte, the other way round.
 */
function utf8Check(bytes: Uint8Array): { good: number; bad: number; firstBad?: number } {
  let good = 0
  let bad = 0
  let firstBad: number | undefined
  const continuation = (at: number) => ((bytes[at] ?? 0) & 0xc0) === 0x80
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = continuation(i + k)
    if (ok) {
      good++
      i += length
    } else {
      bad++
      firstBad ??= i
      i++
    }
  }
  return firstBad === undefined ? { good, bad } : { good, bad, firstBad }
}
