/** The A1 reference of a cell from its 1-based row and column: (12, 3) → `C12`. */
export function cellReference(row: number, column: number): string {
  let letters = ''
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return `${letters}${row}`
}

/** Row and column (1-based) of an A1 reference such as `C12` or `$C$12`; undefined if not one. */
export function parseCellReference(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref)
  if (!match) return undefined
  let column = 0
  for (const letter of match[1] ?? '') column = column * 26 + letter.charCodeAt(0) - 64
  return { row: Number(match[2]), column }
}
