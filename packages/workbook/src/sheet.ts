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
 * Copy the value of each merged range's first cell into the rest of the range, below
 * `fromRow`: a task merged over three rows is the task of each of them.
 */
export function fillMerges(sheet: Sheet, fromRow: number): void {
  for (const { top, left, bottom, right } of sheet.merges) {
    if (bottom <= fromRow) continue
    const value = sheet.rows[top]?.[left]
    if (value === undefined) continue
    for (let r = Math.max(top, fromRow + 1); r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue
        const row = sheet.rows[r] ?? []
        sheet.rows[r] = row
        if (row[c] === undefined) row[c] = value
      }
  }
}
