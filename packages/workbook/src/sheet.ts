/** A value as a cell holds it. Dates are ISO days; errors keep their code (#N/A). */
export type CellValue = string | number | boolean | { date: string } | { error: string }

/** A worksheet as read: rows of cells (1-based: `rows[r][c]` is row r, column c). */
export interface Sheet {
  name: string
  rows: Array<Array<CellValue | undefined> | undefined>
  /** Merged ranges, 1-based and inclusive. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>
  /** Cells with a formula (their cached value is in `rows`). */
  formulas: string[]
  hidden?: boolean
}

/** The text of a cell, as a person would read it; '' for an empty cell. */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return 'date' in value ? value.date : value.error
}

/**
 * Copy the value of each merged range's first cell down its first column, below `fromRow`:
 * a task merged over three rows is the task of each of them. A heading merged across a
 * row stays in its one cell, and a blank row a merge reaches over stays blank.
 */
export function fillMerges(sheet: Sheet, fromRow: number): void {
  // A row with nothing of its own stays blank: a merge reaching over it fills nothing.
  const blank = (r: number) => !sheet.rows[r]?.some((cell) => cell !== undefined)
  const empty = new Set<number>()
  for (const { top, bottom } of sheet.merges)
    for (let r = Math.max(top, fromRow + 1); r <= bottom; r++) if (blank(r)) empty.add(r)
  for (const { top, left, bottom } of sheet.merges) {
    const value = sheet.rows[top]?.[left]
    if (value === undefined) continue
    for (let r = Math.max(top, fromRow + 1); r <= bottom; r++) {
      const row = sheet.rows[r]
      if (!row || empty.has(r)) continue
      if (row[left] === undefined) row[left] = value
    }
  }
}
