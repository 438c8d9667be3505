import { joinedPieces, type Locale, pick } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { cellText } from './text.js'

/**
 * A cell Excel or WPS would run as a formula (= + - @, or a leading tab or carriage
 * return) is prefixed with an apostrophe, as OWASP advises against CSV injection.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (so Chinese opens correctly), CRLF
 * line ends, every table of the report one after the other — its heading on a line of its
 * own, then its header row and rows, then an empty line.
 */
export function* csvPieces(model: ReportModel, locale: Locale): Generator<string> {
  yield '\uFEFF'
  yield* joinedPieces(csvLines(model, locale), '\r\n')
}

function* csvLines(model: ReportModel, locale: Locale): Generator<string> {
  const row = (cells: string[]) => cells.map((c) => quote(neutralise(c))).join(',')
  yield row([pick(model.title, locale), model.plan.title, model.asOf])
  yield ''
  for (const section of model.sections) {
    const table = section.table
    if (!table) continue
    yield row([pick(section.heading, locale)])
    yield row(table.columns.map((c) => pick(c.label, locale)))
    for (const r of table.rows)
      yield row(table.columns.map((c) => cellText(r[c.key] ?? null, c, locale)))
    yield ''
  }
}
