import { formatDiagnosticsChunks, rules } from '@reformkit/ledger'
import { countSeverities } from '@reformkit/model'
import { UsageError } from '../errors.js'
import { useColor, writePieces } from '../io.js'
import { say } from '../messages.js'
import { asOfOf, type CommonOptions, cacheOf, localeOf, ruleOverrides } from '../options.js'
import { openProject } from '../project.js'
import { err } from '../stdio.js'

declare const __REFORMKIT_VERSION__: string

export interface ValidateOptions extends CommonOptions {
  format: 'stylish' | 'json' | 'sarif'
  maxWarnings?: string
  rule?: string[]
  planOnly?: boolean
}

export async function validate(dir: string, options: ValidateOptions): Promise<void> {
  const locale = localeOf(options)
  const asOf = asOfOf(options, locale)
  const maxWarnings =
    options.maxWarnings === undefined ? Number.POSITIVE_INFINITY : Number(options.maxWarnings)
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Number.POSITIVE_INFINITY)
    throw new UsageError(say(locale, 'badMaxWarnings', { value: options.maxWarnings ?? '' }))
  const project = await openProject(dir, {
    locale,
    asOf,
    ruleOverrides: ruleOverrides(options.rule, locale),
    planOnly: options.planOnly ?? false,
    ...cacheOf(options),
  })
  writePieces(
    formatDiagnosticsChunks(project.diagnostics, {
      format: options.format,
      locale,
      color: useColor(),
      rules,
      toolVersion: __REFORMKIT_VERSION__,
      rejected: project.rejected,
    }),
  )
  const { error: errors, warning: warnings } = countSeverities(project.diagnostics)
  if (errors > 0 || warnings > maxWarnings) process.exitCode = 1
  if (errors === 0 && warnings > maxWarnings && options.format === 'stylish')
    err(`${say(locale, 'tooManyWarnings', { warnings, max: maxWarnings })}\n`)
}
