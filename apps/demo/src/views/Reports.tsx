import {
  buildReport,
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportFormat,
  type ReportKind,
  renderReport,
} from '@reformkit/report'
import { useState } from 'react'
import { save, usePage } from '../ui.js'

const MIME: Record<ReportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export function Reports() {
  const { t, locale, asOf, views, diagnostics, project } = usePage()
  const [busy, setBusy] = useState<string>()
  const [failure, setFailure] = useState<string>()

  const download = async (kind: ReportKind, format: ReportFormat) => {
    setBusy(`${kind}.${format}`)
    setFailure(undefined)
    try {
      const model = buildReport({
        plan: views.plan,
        entries: project.entries,
        diagnostics,
        asOf,
        kind,
        views,
        ledgerConfig: project.ledgerConfig,
        ...(project.reportConfig ? { config: project.reportConfig } : {}),
      })
      const content = await renderReport(model, { format, locale })
      save(`${t.reportKinds[kind]}-${asOf}.${format}`, content, MIME[format])
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section>
      <h1>{t.reports}</h1>
      <p className="muted">{t.reportNote}</p>
      {failure && (
        <p role="alert" className="failure">
          {failure}
        </p>
      )}
      <table className="reports">
        <tbody>
          {REPORT_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t.reportKinds[kind]}</th>
              <td>
                {REPORT_FORMATS.map((format) => (
                  <button
                    key={format}
                    type="button"
                    disabled={busy !== undefined}
                    aria-label={`${t.download} ${t.reportKinds[kind]} ${format.toUpperCase()}`}
                    onClick={() => void download(kind, format)}
                  >
                    {busy === `${kind}.${format}` ? t.generating : format.toUpperCase()}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
