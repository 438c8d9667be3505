import { type Locale, pick } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { cellText, subtitle } from './text.js'

// Text that Markdown would read as markup (a title starting with "#", "<script>") stays text.
const escapeText = (text: string) => text.replace(/[\\`*_<>#[\]|]/g, (c) => `\\${c}`)
// In a table cell a line break is the one piece of HTML written on purpose.
const escapeCell = (text: string) => escapeText(text).replace(/\r?\n/g, '<br>')

export function renderMarkdown(model: ReportModel, locale: Locale): string {
  const lines = [
    `# ${escapeText(pick(model.title, locale))}`,
    '',
    `${escapeText(subtitle(model, locale))}`,
    '',
  ]
  for (const paragraph of model.summary) lines.push(escapeText(pick(paragraph, locale)), '')
  for (const section of model.sections) {
    lines.push(`${'#'.repeat(section.level + 1)} ${escapeText(pick(section.heading, locale))}`, '')
    for (const paragraph of section.paragraphs) lines.push(escapeText(pick(paragraph, locale)), '')
    const table = section.table
    if (!table) continue
    lines.push(`| ${table.columns.map((c) => escapeCell(pick(c.label, locale))).join(' | ')} |`)
    lines.push(
      `|${table.columns.map((c) => (c.type === 'number' || c.type === 'percent' ? '---:' : '---')).join('|')}|`,
    )
    for (const row of table.rows)
      lines.push(
        `| ${table.columns.map((c) => escapeCell(cellText(row[c.key] ?? null, c, locale))).join(' | ')} |`,
      )
    lines.push('')
  }
  return lines.join('\n')
}
