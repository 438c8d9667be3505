// Display width in a terminal: CJK ideographs, kana, hangul and full-width forms take two
// columns; combining marks and ANSI colour codes take none. Enough for aligning tables of
// Chinese messages; ambiguous-width punctuation (“”) counts as one, as most terminals do.

/** Ranges of code points two columns wide, in ascending order. */
const wide: readonly number[] = [
  0x1100, 0x115f, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf,
  0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x1f300, 0x1f64f,
  0x1f900, 0x1f9ff, 0x20000, 0x3fffd,
]

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ansi = /\u001b\[[0-9;]*m/g
/** Anything but printable ASCII, whose width is its length. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/

function columns(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code <= 0x36f)) return 0
  if (code < 0x1100) return 1
  for (let i = 0; i < wide.length; i += 2)
    if (code <= (wide[i + 1] ?? 0)) return code >= (wide[i] ?? 0) ? 2 : 1
  return 1
}

export function displayWidth(text: string): number {
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length
  const plain = text.includes('\u001b') ? text.replace(ansi, '') : text
  let width = 0
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i) ?? 0
    if (code > 0xffff) i++
    width += columns(code)
  }
  return width
}

/** Pad on the right to a display width; `own` is the text's width when already known. */
export function padEnd(text: string, width: number, own = displayWidth(text)): string {
  return own >= width ? text : text + ' '.repeat(width - own)
}
