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
