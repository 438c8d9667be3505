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
