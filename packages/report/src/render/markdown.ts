import { joinedPieces, type Locale, pick } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { cellText, subtitle } from './text.js'

// Text that Markdown would read as markup (a title starting with "#", "<script>") stays text.
const escapeText = (text: string) => text.replace(/[\\`*_<>#[\]|]/g, (c) => `\\${c}`)
// In a table cell a line break is the one piece of HTML written on purpose.
const escapeCell = (text: string) => escapeText(text).replace(/\r?\n/g, '<br>')

/** Markdown in pieces of a few thousand lines. */
export function markdownPieces(model: ReportModel, locale: Locale): Iterable<string> {
  return joinedPieces(markdownLines(model, locale), '\n')
}

function* markdownLines(model: ReportModel, locale: Locale): Generator<string> {
  yield `# ${escapeText(pick(model.title, locale))}`
  yield ''
  yield `${escapeText(subtitle(model, locale))}`
  yield ''
  for (const paragraph of model.summary) yield* [escapeText(pick(paragraph, locale)), '']
  for (const section of model.sections) {
    yield* [`${'#'.repeat(section.level + 1)} ${escapeText(pick(section.heading, locale))}`, '']
    for (const paragraph of section.paragraphs) yield* [escapeText(pick(paragraph, locale)), '']
    const table = section.table
    if (!table) continue
    yield `| ${table.columns.map((c) => escapeCell(pick(c.label, locale))).join(' | ')} |`
    yield `|${table.columns.map((c) => (c.type === 'number' || c.type === 'percent' ? '---:' : '---')).join('|')}|`
    for (const row of table.rows)
      yield `| ${table.columns.map((c) => escapeCell(cellText(row[c.key] ?? null, c, locale))).join(' | ')} |`
    yield ''
  }
}
