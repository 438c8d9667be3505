import type { Locale } from '@reformkit/model'
import type { ReportModel } from '../reports/model.js'
import { renderCsv } from './csv.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { xmlSafeModel } from './xml-safe.js'

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json', 'xlsx', 'docx'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

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
      return renderMarkdown(model, locale)
    case 'html':
      return renderHtml(model, locale)
    case 'csv':
      return renderCsv(model, locale)
    case 'json':
      return renderJson(model, locale)
    // Office files are XML: characters XML forbids (from a pasted title) become U+FFFD.
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(xmlSafeModel(model), locale)
    case 'docx':
      return (await import('./docx.js')).renderDocx(xmlSafeModel(model), locale)
    default:
      throw new TypeError(
        `reformkit: unknown report format "${String(options.format)}"; use one of ${REPORT_FORMATS.join(', ')}`,
      )
  }
}
