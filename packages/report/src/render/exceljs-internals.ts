// The one place reformkit reaches into exceljs's internals (4.x): its XLSX writer's steps
// and its workbook model. Everything else uses exceljs's public API. The test beside this
// file fails loudly when exceljs renames or drops any of them.
import type ExcelJS from 'exceljs'

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

/**
 * The files of the workbook as exceljs renders them, before they are zipped: the steps of
 * exceljs's `xlsx.write` with `dataRows` (per worksheet id) added to its model and a
 * collector in place of its zip writer. exceljs zips with JSZip, which encodes, checksums
 * and copies every file in JavaScript; collecting the files and zipping them once saves
 * that round trip (bench/zip.bench.ts).
 */
export async function workbookFiles(
  workbook: ExcelJS.Workbook,
  dataRows: ReadonlyMap<number, RowModel[]>,
): Promise<Record<string, Uint8Array>> {
  const { writer, model: m } = internalsOf(workbook)
  const files: Record<string, Uint8Array> = {}
  const encoder = new TextEncoder()
  const zip: Collector = {
    append(data, { name }) {
      files[name] = typeof data === 'string' ? encoder.encode(data) : data
    },
  }
  for (const sheet of m.worksheets)
    for (const row of dataRows.get(sheet.id) ?? []) {
      sheet.rows.push(row)
      sheet.dimensions.expand(row.number, row.min, row.number, row.max)
    }
  writer.prepareModel(m, {})
  await writer.addContentTypes(zip, m)
  await writer.addOfficeRels(zip, m)
  await writer.addWorkbookRels(zip, m)
  await writer.addWorksheets(zip, m)
  await writer.addSharedStrings(zip, m)
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
