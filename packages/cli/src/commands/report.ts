import { formatDiagnostics } from '@reformkit/ledger'
import {
  buildReport,
  isTextFormat,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportKind,
  renderReport,
  renderReportPieces,
} from '@reformkit/report'
import { UsageError } from '../errors.js'
import { writePieces } from '../io.js'
import { say } from '../messages.js'
import { asOfOf, type CommonOptions, cacheOf, localeOf } from '../options.js'
import { openProject } from '../project.js'
import { err, out } from '../stdio.js'
import { refuseOutput, writeOutput } from '../write-output.js'

export interface ReportOptions extends CommonOptions {
  kind: ReportKind
  format?: ReportFormat
  out?: string
  force?: boolean
}

export async function report(dir: string, options: ReportOptions): Promise<void> {
  const locale = localeOf(options)
  const asOf = asOfOf(options, locale)
  const fromOut = options.out?.split('.').pop()?.toLowerCase()
  const format =
    options.format ??
    ((REPORT_FORMATS as readonly string[]).includes(fromOut ?? '')
      ? (fromOut as ReportFormat)
      : 'md')
  if ((format === 'xlsx' || format === 'docx') && !options.out)
    throw new UsageError(say(locale, 'formatNeedsOut', { format }))
  if (options.out !== undefined)
    await refuseOutput(options.out, { force: options.force ?? false, locale })
  const project = await openProject(dir, { locale, asOf, ...cacheOf(options) })
  if (!project.plan) {
    err(formatDiagnostics(project.diagnostics, { locale }))
    process.exitCode = 1
    return
  }
  const model = buildReport({
    plan: project.plan,
    entries: project.entries,
    diagnostics: project.diagnostics,
    asOf,
    kind: options.kind,
    ...(project.reportConfig ? { config: project.reportConfig } : {}),
    ledgerConfig: project.ledgerConfig,
  })
  // Text comes in pieces: a province's ledger index is longer than one string may be.
  const output = isTextFormat(format)
    ? renderReportPieces(model, { format, locale })
    : await renderReport(model, { format, locale })
  if (!options.out) {
    if (output instanceof Uint8Array) out(output)
    else writePieces(output)
    return
  }
  await writeOutput(options.out, output, {
    force: options.force ?? false,
    inputs: project.inputs,
    locale,
  })
  err(`${say(locale, 'wrote', { path: options.out })}\n`)
}
