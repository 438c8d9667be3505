import { joinedPieces, type Locale, pick } from '@reformkit/model'
import { lightColours, type ReportModel } from '../reports/model.js'
import { cellText, subtitle } from './text.js'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

const style = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f2328; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.6; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", serif; text-align: center; font-weight: normal; font-size: 1.9rem; margin-bottom: 0.2rem; }
.subtitle { text-align: center; color: #59636e; margin-top: 0; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d1d9e0; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #aeb8c2; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.light { white-space: nowrap; text-align: center; }
${Object.entries(lightColours)
  .map(([light, colour]) => `td.light-${light} { background: #${colour}; }`)
  .join('\n')}
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } }
`

/**
 * One self-contained HTML file: inline CSS (A4 print styles included), no scripts, no
 * external requests; every text escaped.
 */
export function htmlPieces(model: ReportModel, locale: Locale): Iterable<string> {
  return joinedPieces(htmlLines(model, locale), '\n')
}

function* htmlLines(model: ReportModel, locale: Locale): Generator<string> {
  yield* [
    '<!doctype html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${pick(model.title, locale)} · ${model.plan.title}`)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(pick(model.title, locale))}</h1>`,
    `<p class="subtitle">${escapeHtml(subtitle(model, locale))}</p>`,
  ]
  for (const p of model.summary) yield `<p>${escapeHtml(pick(p, locale))}</p>`
  for (const section of model.sections) {
    const tag = section.level === 1 ? 'h2' : 'h3'
    yield `<section id="${escapeHtml(section.id)}">`
    yield `<${tag}>${escapeHtml(pick(section.heading, locale))}</${tag}>`
    for (const p of section.paragraphs) yield `<p>${escapeHtml(pick(p, locale))}</p>`
    const table = section.table
    if (table) {
      yield* ['<table>', '<thead><tr>']
      for (const c of table.columns)
        yield `<th scope="col">${escapeHtml(pick(c.label, locale))}</th>`
      yield* ['</tr></thead>', '<tbody>']
      for (const row of table.rows) {
        const cells = table.columns.map((c) => {
          const cell = row[c.key] ?? null
          const text = escapeHtml(cellText(cell, c, locale)).replace(/\n/g, '<br>')
          if (cell !== null && typeof cell === 'object' && 'light' in cell)
            return `<td class="light light-${cell.light}">${text}</td>`
          return c.type === 'number' || c.type === 'percent'
            ? `<td class="num">${text}</td>`
            : `<td>${text}</td>`
        })
        yield `<tr>${cells.join('')}</tr>`
      }
      yield* ['</tbody>', '</table>']
    }
    yield '</section>'
  }
  yield* ['</body>', '</html>', '']
}
