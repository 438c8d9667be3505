import { type Locale, pick } from '@reformkit/model'
import { type Cell, type Column, lightLabels, type ReportModel } from '../reports/model.js'

/** A cell as text in a locale: numbers as written, fractions as percent, lights by name. */
export function cellText(cell: Cell, column: Pick<Column, 'type'>, locale: Locale): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') {
    if (column.type === 'percent') return `${Math.round(cell * 1000) / 10}%`
    return String(cell)
  }
  if (typeof cell === 'string') return cell
  if ('light' in cell) return pick(lightLabels[cell.light], locale)
  return pick(cell, locale)
}

/** "计划名称 · 截至 2017-12-31" — the line under every report title. */
export function subtitle(model: ReportModel, locale: Locale): string {
  return locale === 'en'
    ? `${model.plan.title} · as of ${model.asOf}`
    : `${model.plan.title} · 截至 ${model.asOf}`
}

/** Lines a piece holds at the most: a report of a million rows is never one string. */
const LINES_PER_PIECE = 4096

/** `[...lines].join(separator)` in pieces of a few thousand lines: joined, the same text. */
export function* joinedPieces(lines: Iterable<string>, separator: string): Generator<string> {
  let batch: string[] = []
  let first = true
  for (const line of lines) {
    batch.push(line)
    if (batch.length === LINES_PER_PIECE) {
      yield `${first ? '' : separator}${batch.join(separator)}`
      first = false
      batch = []
    }
  }
  if (first || batch.length > 0) yield `${first ? '' : separator}${batch.join(separator)}`
}
