// The one place reformkit reaches into exceljs's internals (4.x): its XLSX writer's steps
// and its workbook model. Everything else uses exceljs's public API. The test beside this
// file fails loudly when exceljs renames or drops any of them.
import type ExcelJS from 'exceljs'
import { joinBytes, Utf8Sink } from './utf8-sink.js'

const encoder = new TextEncoder()

/**
 * A cell and a row as exceljs models them when it writes (what `workbook.model` makes of
 * its Row and Cell objects). Data rows built in this form directly skip a Cell object per
 * cell, which cost most of the rendering time on large reports.
 */
export interface CellModel {
  address: string
  type: ExcelJS.ValueType
  value?: number | string | Date
  style: Partial<ExcelJS.Style>
}
export interface RowModel {
  number: number
  min: number
  max: number
  style: Partial<ExcelJS.Style>
  cells: CellModel[]
}
/**
 * Data rows made one at a time as they are written, none held: `count` rows numbered from
 * `first`, over columns `min`…`max`, each cell null, a number, text, a date or a boolean.
 * A province's assessment has some 70,000 rows of 8–11 cells: as row models held until
 * the end, three-quarters of a million objects that every garbage collection walks.
 */
export interface RowSource {
  first: number
  count: number
  min: number
  max: number
  row(index: number): RowModel
}
interface SheetModel {
  id: number
  rows: RowModel[]
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void }
}
interface Collector {
  append(data: string | Uint8Array, options: { name: string }): void
}

/** The steps of exceljs's own `xlsx.write`, in its order (parallel where it runs them so). */
export const WRITER_STEPS = [
  'prepareModel',
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const

type Step = (typeof WRITER_STEPS)[number]
type Writer = Record<Step, (zip: Collector | object, model: unknown) => unknown>

/**
 * exceljs's internals as reformkit uses them — its writer, and the workbook's model (a
 * getter that builds a new object on every read: read it once) — or an Error naming what
 * is missing.
 */
export function internalsOf(workbook: ExcelJS.Workbook): {
  writer: Writer
  model: { worksheets: SheetModel[] }
} {
  const writer = workbook.xlsx as unknown as Partial<Writer>
  const missing = WRITER_STEPS.filter((step) => typeof writer[step] !== 'function')
  const model = (workbook as unknown as { model?: { worksheets?: SheetModel[] } }).model
  const sheets = model?.worksheets
  const rowsOk =
    Array.isArray(sheets) &&
    sheets.every((s) => Array.isArray(s.rows) && typeof s.dimensions?.expand === 'function')
  if (missing.length > 0 || !rowsOk)
    throw new Error(
      `reformkit: this exceljs version lacks the writer internals reformkit uses (${
        missing.join(', ') || 'workbook.model.worksheets'
      }); install exceljs 4.x`,
    )
  return { writer: writer as Writer, model: model as { worksheets: SheetModel[] } }
}

/** What `prepareModel` leaves in the model that the data rows are written with. */
interface Prepared {
  styles: { addStyleModel(style: object, type?: ExcelJS.ValueType): number }
  /** `values` and `count`: what its part lists (getters of exceljs's SharedStringsXform). */
  sharedStrings: { add(text: string): number; values?: unknown; count?: unknown }
}

// exceljs's ValueType numbers (`ExcelJS.ValueType` is an enum of the runtime module: the
// type-only import above must not load it).
const NULL = 0
const NUMBER = 2
const STRING = 3
const DATE = 4
const BOOLEAN = 9
/** Cell types written here; a sheet with any other goes through exceljs's own row writer. */
const WRITTEN_HERE = new Set<number>([NULL, NUMBER, STRING, DATE, BOOLEAN])
/** Milliseconds per day, and the serial number of 1970-01-01 (exceljs's `dateToExcel`). */
const DAY_MS = 86_400_000
const EPOCH_SERIAL = 25_569

/**
 * Data rows as the XML exceljs's row and cell writers make of them — `<row r spans s
 * customFormat x14ac:dyDescent>` and `<c r s t><v>…</v></c>`, a style id and a shared string
 * taken from the prepared model in the order exceljs takes them — but written as one
 * string per row, and that straight into UTF-8 bytes: exceljs's XmlStream keeps a string
 * per tag and attribute and joins millions of them at the end (71,000 rows of a province's
 * assessment: most of the render and of its garbage). Addresses, numbers and ids need no
 * escaping; text goes to shared strings.
 */
function rowsXml(
  rows: readonly RowModel[] | RowSource,
  prepared: Prepared,
  date1904: boolean,
): Uint8Array {
  const { styles, sharedStrings } = prepared
  const offset = date1904 ? 1462 : 0
  const out = new Utf8Sink()
  const count = isSource(rows) ? rows.count : rows.length
  for (let index = 0; index < count; index++) {
    const row = isSource(rows) ? rows.row(index) : (rows[index] as RowModel)
    const rowStyle = styles.addStyleModel(row.style)
    let xml = `<row r="${row.number}"`
    if (row.min > 0 && row.max > 0 && row.min <= row.max) xml += ` spans="${row.min}:${row.max}"`
    if (rowStyle) xml += ` s="${rowStyle}" customFormat="1"`
    xml += ' x14ac:dyDescent="0.25"'
    let cells = ''
    for (const cell of row.cells) {
      const style = styles.addStyleModel(cell.style ?? {}, cell.type)
      if (cell.type === NULL && !style) continue
      cells += `<c r="${cell.address}"${style ? ` s="${style}"` : ''}`
      const { value } = cell
      if (cell.type === NUMBER) cells += `><v>${value}</v></c>`
      else if (cell.type === STRING)
        cells += ` t="s"><v>${sharedStrings.add(String(value))}</v></c>`
      else if (cell.type === DATE)
        cells += `><v>${EPOCH_SERIAL + (value as Date).getTime() / DAY_MS - offset}</v></c>`
      else if (cell.type === BOOLEAN) cells += ` t="b"><v>${value ? '1' : '0'}</v></c>`
      else cells += '/>'
    }
    out.write(cells ? `${xml}>${cells}</row>` : `${xml}/>`)
  }
  return out.bytes()
}

const isSource = (rows: readonly RowModel[] | RowSource): rows is RowSource => !Array.isArray(rows)

/** What exceljs's `xmlEncode` changes in text: the five XML characters, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
const ENCODED = /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
const ENTITIES: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
}
/** Text as exceljs writes it: the five escaped, the control characters XML forbids (and DEL) dropped. */
const encode = (text: string) => text.replace(ENCODED, (c) => ENTITIES[c] ?? '')
/** Where exceljs keeps the white space of a shared string (`xml:space="preserve"`). */
const KEEP_SPACE = /^\s|\n|\s$/

/**
 * The shared strings part as exceljs's SharedStringsXform renders it — `<si><t>…</t></si>` a
 * string — written as one string per string, not a string per tag (a province's assessment
 * holds over 100,000), and straight into UTF-8 bytes. Undefined when one is not plain text
 * (rich text): exceljs's then.
 */
function sharedStringsXml(values: readonly unknown[], count: number): Uint8Array | undefined {
  const out = new Utf8Sink()
  out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
  out.write(
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${values.length}">`,
  )
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (typeof value !== 'string') return undefined
    const open = KEEP_SPACE.test(value) ? '<si><t xml:space="preserve">' : '<si><t>'
    out.write(`${open}${encode(value)}</t></si>`)
  }
  out.write('</sst>')
  return out.bytes()
}

/** A sheet's XML, as UTF-8, with the bytes of `rows` added at the end of its sheetData. */
function withRows(sheetXml: string, rows: Uint8Array): Uint8Array {
  const end = sheetXml.lastIndexOf('</sheetData>')
  const empty = end >= 0 ? -1 : sheetXml.indexOf('<sheetData/>')
  if (end < 0 && empty < 0)
    throw new Error('reformkit: exceljs wrote a worksheet without sheetData')
  const head = encoder.encode(
    end >= 0 ? sheetXml.slice(0, end) : `${sheetXml.slice(0, empty)}<sheetData>`,
  )
  const tail = encoder.encode(
    end >= 0 ? sheetXml.slice(end) : `</sheetData>${sheetXml.slice(empty + 12)}`,
  )
  return joinBytes([head, rows, tail])
}

/**
 * The files of the workbook as exceljs renders them, before they are zipped: the steps of
 * exceljs's `xlsx.write` with `dataRows` (per worksheet id) after each sheet's own rows
 * and a collector in place of its zip writer. exceljs zips with JSZip, which encodes,
 * checksums and copies every file in JavaScript; collecting the files and zipping them
 * once saves that round trip (bench/zip.bench.ts). The data rows' XML is written here
 * (`rowsXml`) when their cells are null, numbers, text, dates or booleans.
 */
export async function workbookFiles(
  workbook: ExcelJS.Workbook,
  dataRows: ReadonlyMap<number, readonly RowModel[] | RowSource>,
): Promise<Record<string, Uint8Array>> {
  const { writer, model: m } = internalsOf(workbook)
  const files: Record<string, Uint8Array> = {}
  const ours = new Map<number, readonly RowModel[] | RowSource>()
  for (const sheet of m.worksheets) {
    const rows = dataRows.get(sheet.id) ?? []
    if (isSource(rows)) {
      if (rows.count === 0) continue
      ours.set(sheet.id, rows)
      sheet.dimensions.expand(rows.first, rows.min, rows.first + rows.count - 1, rows.max)
      continue
    }
    const here = rows.every((row) => row.cells.every((cell) => WRITTEN_HERE.has(cell.type)))
    if (here && rows.length > 0) ours.set(sheet.id, rows)
    for (const row of rows) {
      if (!here) sheet.rows.push(row)
      sheet.dimensions.expand(row.number, row.min, row.number, row.max)
    }
  }
  writer.prepareModel(m, {})
  const prepared = m as unknown as Partial<Prepared>
  if (
    typeof prepared.styles?.addStyleModel !== 'function' ||
    typeof prepared.sharedStrings?.add !== 'function'
  )
    throw new Error(
      'reformkit: this exceljs version lacks the writer internals reformkit uses (styles, sharedStrings); install exceljs 4.x',
    )
  const date1904 = (m as { properties?: { date1904?: boolean } }).properties?.date1904 === true
  const rowsOf = new Map<string, Uint8Array>()
  for (const [id, rows] of ours)
    rowsOf.set(`xl/worksheets/sheet${id}.xml`, rowsXml(rows, prepared as Prepared, date1904))
  const zip: Collector = {
    append(data, { name }) {
      const rows = rowsOf.get(name)
      // A sheet's rows are let go once joined into it, not held until the workbook is done.
      if (rows !== undefined && typeof data === 'string') {
        files[name] = withRows(data, rows)
        rowsOf.delete(name)
      } else files[name] = typeof data === 'string' ? encoder.encode(data) : data
    },
  }
  await writer.addContentTypes(zip, m)
  await writer.addOfficeRels(zip, m)
  await writer.addWorkbookRels(zip, m)
  await writer.addWorksheets(zip, m)
  // exceljs renders the shared strings through its XmlStream, a string per tag and text.
  const { values, count } = (prepared as Prepared).sharedStrings
  const sst =
    Array.isArray(values) && typeof count === 'number' && count > 0
      ? sharedStringsXml(values, count)
      : undefined
  if (sst !== undefined) files['xl/sharedStrings.xml'] = sst
  else await writer.addSharedStrings(zip, m)
  await writer.addDrawings(zip, m)
  await writer.addTables(zip, m)
  await Promise.all([writer.addThemes(zip, m), writer.addStyles(zip, m)])
  await writer.addMedia(zip, m)
  await Promise.all([writer.addApp(zip, m), writer.addCore(zip, m)])
  await writer.addWorkbook(zip, m)
  return files
}

/**
 * An exceljs workbook as XLSX bytes, zipped by reformkit rather than by exceljs: every
 * part dated `date` (the same bytes for the same workbook), and text intact — exceljs's
 * own zip (JSZip) encodes a part to UTF-8 in 16 KiB pieces and breaks a character outside
 * the BMP (an emoji, a rare 汉字 of CJK extension B) that straddles two pieces. `rows`
 * (per worksheet id) are data rows given as exceljs's own row models, added after the
 * rows the sheets have: no Row and Cell object per cell, for large sheets.
 */
export async function workbookBytes(
  workbook: ExcelJS.Workbook,
  date: Date,
  rows: ReadonlyMap<number, RowModel[]> = new Map(),
): Promise<Uint8Array> {
  const { officeZip } = await import('./zip.js')
  return officeZip(await workbookFiles(workbook, rows), date)
}
