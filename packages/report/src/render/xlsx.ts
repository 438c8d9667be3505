import { type Locale, pick } from '@reformkit/model'
import ExcelJS from 'exceljs'
import { lightColours, type ReportModel } from '../reports/model.js'
import type { Light } from '../views/types.js'
import { type CellModel, type RowSource, workbookFiles } from './exceljs-internals.js'
import { cellText, subtitle } from './text.js'
import { officeZip, reportDate } from './zip.js'

/** One shared (empty) style for the data rows: exceljs looks styles up by identity. */
const ROW_STYLE: Partial<ExcelJS.Style> = {}

/** Column 1 → A, 27 → AA. */
function columnName(n: number): string {
  let name = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    name = String.fromCharCode(65 + ((k - 1) % 26)) + name
  return name
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(text: string, used: Set<string>): string {
  const base =
    text
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 28)
      .trim() || 'Sheet'
  let name = base
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 26)} ${n}`
  used.add(name)
  return name
}

/**
 * XLSX with exceljs: one sheet per section with a table, title and subtitle above a frozen
 * header row, column widths, number and date formats, light fills, workbook properties.
 * Text cells are written as text: a title like "=HYPERLINK(…)" is never a formula.
 */
export async function renderXlsx(model: ReportModel, locale: Locale): Promise<Uint8Array> {
  const date = reportDate(model.asOf)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'reformkit'
  workbook.lastModifiedBy = 'reformkit'
  workbook.created = date
  workbook.modified = date
  workbook.title = `${pick(model.title, locale)} · ${model.plan.title}`
  workbook.subject = model.plan.title
  workbook.company = model.plan.issuer ?? ''
  const used = new Set<string>()
  // Cells share their style objects: exceljs recognises a style it has seen by identity,
  // so a few dozen shared objects write much faster than one object per cell. A shared
  // style is only ever assigned whole, never changed through a cell.
  const styles = new Map<string, Partial<ExcelJS.Style>>()
  const style = (wrap: boolean, numFmt?: string, light?: Light): Partial<ExcelJS.Style> => {
    const key = `${wrap}|${numFmt ?? ''}|${light ?? ''}`
    let shared = styles.get(key)
    if (!shared) {
      shared = { alignment: { vertical: 'top', wrapText: wrap } }
      if (numFmt) shared.numFmt = numFmt
      if (light)
        shared.fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: `FF${lightColours[light]}` },
        }
      styles.set(key, shared)
    }
    return shared
  }
  // The data rows of each sheet (by worksheet id), each made as it is written.
  const dataRows = new Map<number, RowSource>()
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } },
    alignment: { vertical: 'middle', wrapText: true },
  }
  const tables = model.sections.filter((s) => s.table)
  if (tables.length === 0) workbook.addWorksheet(sheetName(pick(model.title, locale), used))
  for (const section of tables) {
    const table = section.table
    if (!table) continue
    const sheet = workbook.addWorksheet(sheetName(pick(section.heading, locale), used), {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 0 }],
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    })
    sheet.columns = table.columns.map((c) => ({
      key: c.key,
      width: Math.max(6, Math.round(c.width * 1.6)),
    }))
    const title = sheet.getRow(1)
    title.getCell(1).value = `${pick(model.title, locale)} — ${pick(section.heading, locale)}`
    title.font = { bold: true, size: 14 }
    sheet.getRow(2).getCell(1).value = subtitle(model, locale)
    const header = sheet.getRow(3)
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1)
      cell.value = pick(c.label, locale)
      cell.style = headerStyle
    })
    // Each column's styles, looked up once per sheet instead of once per cell.
    const columnStyles = table.columns.map((c) => {
      const wrap = c.type === 'text'
      return {
        whole: style(wrap, c.type === 'percent' ? '0.0%' : '0'),
        fraction: style(wrap, c.type === 'percent' ? '0.0%' : '0.0'),
        date: style(wrap, 'yyyy-mm-dd'),
        text: style(wrap),
      }
    })
    // Each row's cells made as the row is written, not held for the whole workbook.
    const cellsOf = (row: (typeof table.rows)[number], number: number) =>
      table.columns.map((c, i): CellModel => {
        const address = `${columnName(i + 1)}${number}`
        const value = row[c.key] ?? null
        const styles = columnStyles[i] as (typeof columnStyles)[number]
        if (typeof value === 'number') {
          const look = Number.isInteger(value) ? styles.whole : styles.fraction
          return { address, type: ExcelJS.ValueType.Number, value, style: look }
        }
        if (c.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
          const when = new Date(`${value}T00:00:00Z`)
          return { address, type: ExcelJS.ValueType.Date, value: when, style: styles.date }
        }
        const light = value !== null && typeof value === 'object' && 'light' in value
        const look = light ? style(c.type === 'text', undefined, value.light) : styles.text
        if (value === null) return { address, type: ExcelJS.ValueType.Null, style: look }
        // A string value is stored as a shared string, never parsed as a formula.
        return {
          address,
          type: ExcelJS.ValueType.String,
          value: cellText(value, c, locale),
          style: look,
        }
      })
    const rows: RowSource = {
      first: 4,
      count: table.rows.length,
      min: 1,
      max: table.columns.length,
      row: (r) => {
        const number = 4 + r
        const cells = cellsOf(table.rows[r] as (typeof table.rows)[number], number)
        return { number, min: 1, max: cells.length, style: ROW_STYLE, cells }
      },
    }
    dataRows.set(sheet.id, rows)
    sheet.autoFilter = {
      from: { row: 3, column: 1 },
      to: { row: 3 + table.rows.length, column: table.columns.length },
    }
  }
  return officeZip(await workbookFiles(workbook, dataRows), date)
}
