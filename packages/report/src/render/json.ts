import { type Locale, pick, prettyJsonPieces } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { cellText } from './text.js'

/**
 * JSON in one language, for scripts: `{ schema: 'reformkit/report@1', kind, locale, title,
 * plan, asOf, summary: string[], sections: [{ id, heading, level, paragraphs, columns:
 * [{ key, label, type }], rows: [{ key: value }] }] }`. Numbers stay numbers (a percent is
 * a fraction); lights are `red|yellow|blue|green`; texts are in the chosen language.
 */
export function* jsonPieces(model: ReportModel, locale: Locale): Generator<string> {
  const out = {
    schema: model.schema,
    kind: model.kind,
    locale,
    title: pick(model.title, locale),
    plan: model.plan,
    asOf: model.asOf,
    summary: model.summary.map((p) => pick(p, locale)),
    sections: model.sections.map((section) => ({
      id: section.id,
      heading: pick(section.heading, locale),
      level: section.level,
      paragraphs: section.paragraphs.map((p) => pick(p, locale)),
      ...(section.table
        ? {
            columns: section.table.columns.map((c) => ({
              key: c.key,
              label: pick(c.label, locale),
              type: c.type,
            })),
            rows: section.table.rows.map((row) =>
              Object.fromEntries(
                section.table?.columns.map((c) => {
                  const cell = row[c.key] ?? null
                  if (cell === null || typeof cell === 'number') return [c.key, cell]
                  if (typeof cell === 'object' && 'light' in cell) return [c.key, cell.light]
                  return [c.key, cellText(cell, c, locale)]
                }) ?? [],
              ),
            ),
          }
        : {}),
    })),
  }
  yield* prettyJsonPieces(out)
  yield '\n'
}
