import { printable } from '@reformkit/model'
import { ProjectError } from '@reformkit/project'
import { ReportTooLargeError } from '@reformkit/report'
import { BundleError } from '@reformkit/report/node'
import { EXIT, InputError, UsageError } from './errors.js'
import { say } from './messages.js'

/**
 * The one line a user sees for an error, and its exit code: the one place where error
 * classes of every package meet the exit codes.
 */
export function describeError(
  error: unknown,
  locale: 'zh-CN' | 'en',
): { message: string; exitCode: number } {
  const { message, exitCode } = classify(error, locale)
  // One line on a terminal: a path or a value with control characters in it shows escaped.
  return { message: printable(message), exitCode }
}

function classify(error: unknown, locale: 'zh-CN' | 'en'): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: EXIT.usage }
  // A format that cannot hold the report: how the command was called.
  if (error instanceof ReportTooLargeError)
    return {
      message: say(locale, 'tooLargeForFormat', {
        rows: error.rows,
        limit: error.limit,
        format: error.format.toUpperCase(),
        suggested: error.suggested.join(locale === 'en' ? ' or ' : ' 或 '),
      }),
      exitCode: EXIT.usage,
    }
  // An existing output, or inputs inside it: how the command was called.
  if (error instanceof BundleError) return { message: error.message, exitCode: EXIT.usage }
  if (error instanceof InputError || error instanceof ProjectError)
    return { message: error.message, exitCode: EXIT.io }
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path
    const where = path ? ` ${path}` : ''
    return { message: say(locale, 'ioError', { where, code }), exitCode: EXIT.io }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return { message: say(locale, 'internal', { detail }), exitCode: EXIT.internal }
}
