import type { Sheet } from './sheet.js'

/**
 * A CSV or TSV text as a sheet (RFC 4180 quoting: "a, b", "say ""hi""", newlines inside
 * quotes). The separator is the tab when the first line has more tabs than commas (WPS
 * and Excel save "Unicode text" that way), else the comma.
 */
export function readDelimited(text: string, name: string): Sheet {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n'))
  const count = (ch: string) => firstLine.split(ch).length - 1
  const separator = count('\t') > count(',') ? '\t' : ','
  const sheet: Sheet = { name, rows: [], merges: [], formulas: [] }
  let row: string[] = []
  let field = ''
  let quoted = false
  let r = 1
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    if (row.some((cell) => cell !== '')) {
      const cells: Array<string | undefined> = [undefined]
      for (const cell of row) cells.push(cell === '' ? undefined : cell)
      sheet.rows[r] = cells
    }
    row = []
    r++
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === separator) endField()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
    } else field += ch
  }
  if (field !== '' || row.length > 0) endRow()
  return sheet
}
