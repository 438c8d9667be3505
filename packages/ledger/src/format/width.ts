// Display width in a terminal: CJK ideographs, kana, hangul and full-width forms take two
// columns; combining marks and ANSI colour codes take none. Enough for aligning tables of
// Chinese messages; ambiguous-width punctuation (“”) counts as one, as most terminals do.

const wide: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
]

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ansi = /\u001b\[[0-9;]*m/g

export function displayWidth(text: string): number {
  let width = 0
  for (const char of text.replace(ansi, '')) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code <= 0x36f)) continue
    width += wide.some(([from, to]) => code >= from && code <= to) ? 2 : 1
  }
  return width
}

/** Pad on the right to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}
