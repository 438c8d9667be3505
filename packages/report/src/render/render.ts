import type { Locale } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { csvPieces } from './csv.js'
import { htmlPieces } from './html.js'
import { jsonPieces } from './json.js'
import { markdownPieces } from './markdown.js'
import { xmlSafeModel } from './xml-safe.js'

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json', 'xlsx', 'docx'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
/** The formats that are text, which `renderReportPieces` writes in pieces. */
export const TEXT_FORMATS = ['md', 'html', 'csv', 'json'] as const
export type TextFormat = (typeof TEXT_FORMATS)[number]

export function isTextFormat(format: ReportFormat): format is TextFormat {
  return (TEXT_FORMATS as readonly string[]).includes(format)
}

/**
 * A text report (md, html, csv, json) in pieces of a few thousand rows, for output of any
 * size: a province's ledger index (a million rows, several hundred MB) is longer than one
 * string may be. Joined, the pieces are what `renderReport` gives.
 */
export function renderReportPieces(
  model: ReportModel,
  options: { format: TextFormat; locale?: Locale },
): Iterable<string> {
  const locale = options.locale ?? 'zh-CN'
  switch (options.format) {
    case 'md':
      return markdownPieces(model, locale)
    case 'html':
      return htmlPieces(model, locale)
    case 'csv':
      return csvPieces(model, locale)
    case 'json':
      return jsonPieces(model, locale)
    default:
      throw new TypeError(
        `reformkit: "${String(options.format)}" is not a text format; use one of ${TEXT_FORMATS.join(', ')}, or renderReport`,
      )
  }
}

/**
 * Table rows a DOCX holds at the most: Word's tables are meant to be read, and each row
 * costs the docx library some 100 KB while it builds the file (5,000 rows ≈ 640 MB,
 * some 100 pages). Larger reports go to XLSX or CSV.
 */
export const DOCX_MAX_ROWS = 5000

/**
 * Table rows an XLSX holds at the most: exceljs builds the workbook in memory, some 9 KB a
 * row (100,000 rows ≈ 1 GB). Larger reports go to CSV, which opens in Excel and WPS too.
 */
export const XLSX_MAX_ROWS = 100_000

/** A report too large for the format asked for; `suggested` formats hold it. */
export class ReportTooLargeError extends Error {
  override name = 'ReportTooLargeError'
  constructor(
    readonly format: ReportFormat,
    readonly rows: number,
    readonly limit: number,
    readonly suggested: readonly ReportFormat[] = ['xlsx', 'csv'],
  ) {
    super(
      `reformkit: this report has ${rows} table rows; ${format.toUpperCase()} holds at most ${limit}. Use ${suggested.join(' or ')}.`,
    )
  }
}

/** Rows of all the tables of a model. */
export function tableRows(model: ReportModel): number {
  return model.sections.reduce((sum, section) => sum + (section.table?.rows.length ?? 0), 0)
}

export interface RenderOptions {
  format: ReportFormat
  locale?: Locale
}

/**
 * Render a report. Text formats resolve to a string; xlsx and docx to bytes, with their
 * libraries (exceljs, docx) loaded only when asked for. The same model gives the same
 * bytes every time, in every format.
 */
export async function renderReport(
  model: ReportModel,
  options: RenderOptions,
): Promise<string | Uint8Array> {
  const locale = options.locale ?? 'zh-CN'
  switch (options.format) {
    case 'md':
    case 'html':
    case 'csv':
    case 'json':
      return [...renderReportPieces(model, { format: options.format, locale })].join('')
    // Office files are XML: characters XML forbids (from a pasted title) become U+FFFD.
    case 'xlsx': {
      const rows = tableRows(model)
      if (rows > XLSX_MAX_ROWS) throw new ReportTooLargeError('xlsx', rows, XLSX_MAX_ROWS, ['csv'])
      return (await import('./xlsx.js')).renderXlsx(xmlSafeModel(model), locale)
    }
    case 'docx': {
      const rows = tableRows(model)
      if (rows > DOCX_MAX_ROWS) throw new ReportTooLargeError('docx', rows, DOCX_MAX_ROWS)
      return (await import('./docx.js')).renderDocx(xmlSafeModel(model), locale)
    }
    default:
      throw new TypeError(
        `reformkit: unknown report format "${String(options.format)}"; use one of ${REPORT_FORMATS.join(', ')}`,
      )
  }
}
