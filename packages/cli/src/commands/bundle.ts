import { resolve, sep } from 'node:path'
import { formatDiagnostics } from '@reformkit/ledger'
import { DOCX_MAX_ROWS, XLSX_MAX_ROWS } from '@reformkit/report'
import { createBundle } from '@reformkit/report/node'
import { UsageError } from '../errors.js'
import { exists, progress } from '../io.js'
import { say } from '../messages.js'
import { asOfOf, type CommonOptions, cacheOf, localeOf } from '../options.js'
import { openProject } from '../project.js'
import { err, out } from '../stdio.js'
import { guardOutput } from '../write-output.js'

export interface BundleOptions extends CommonOptions {
  out: string
  force?: boolean
}

export async function bundle(dir: string, options: BundleOptions): Promise<void> {
  const locale = localeOf(options)
  const asOf = asOfOf(options, locale)
  if (!options.force && (await exists(options.out)))
    throw new UsageError(say(locale, 'exists', { path: options.out }))
  const project = await openProject(dir, { locale, asOf, ...cacheOf(options) })
  if (!project.plan) {
    err(formatDiagnostics(project.diagnostics, { locale }))
    process.exitCode = 1
    return
  }
  // The output may not hold an input: "pro" is not inside "proj", "proj/x" is.
  const target = resolve(options.out)
  if (
    project.inputs.some(
      (input) => resolve(input) === target || resolve(input).startsWith(target + sep),
    )
  )
    throw new UsageError(say(locale, 'holdsInputs', { path: options.out }))
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length
  const bar = progress(say(locale, 'bundling'))
  const release = guardOutput(target)
  const { manifest, skipped } = await createBundle({
    plan: project.plan,
    entries: project.entries,
    diagnostics: project.diagnostics,
    asOf,
    root: project.dir,
    files: project.ledgerFiles,
    out: options.out,
    force: options.force ?? false,
    locale,
    onProgress: (p) => bar.update(p.done, p.total),
  }).finally(() => {
    release()
    bar.end()
  })
  const count = manifest.files.length
  out(`${say(locale, 'bundled', { path: options.out, count })}\n`)
  if (skipped.length > 0)
    err(
      `${say(locale, 'skippedIndex', {
        skipped: { zh: skipped.join('、'), en: skipped.join(', ') },
        docx: DOCX_MAX_ROWS,
        xlsx: XLSX_MAX_ROWS,
      })}\n`,
    )
  if (errors > 0) err(`${say(locale, 'bundledWithErrors', { errors })}\n`)
}
