/** Control characters, and the marks that reorder text (bidi overrides), by code point. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
/** The same characters, tested without the global flag's state: most text has none. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ANY_UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/**
 * Text as it may reach a terminal: control characters (ESC, CR, LF, …) and bidi overrides
 * shown escaped (`\x1b`, `\n`, `\u202e`) so that data in a finding — a title, a path —
 * can neither clear the screen, forge a line nor reorder what is shown.
 */
export function printable(text: string): string {
  if (!ANY_UNPRINTABLE.test(text)) return text
  return text.replace(UNPRINTABLE, (c) => {
    if (c === '\n') return '\\n'
    if (c === '\r') return '\\r'
    if (c === '\t') return '\\t'
    const code = c.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
  })
}
