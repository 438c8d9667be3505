import {
  countSeverities,
  type Diagnostic,
  joinedPieces,
  type Locale,
  pick,
  printable,
  type Severity,
} from '@reformkit/model'
import { displayWidth, padEnd } from './width.js'

export interface StylishOptions {
  locale?: Locale
  /** ANSI colours; callers decide (TTY, NO_COLOR). Default false. */
  color?: boolean
  /**
   * Entries set aside for their errors (ParseLedgerResult.rejected): the summary says how
   * many, so that no entry is dropped silently. JSON output carries it in its summary.
   */
  rejected?: number
}

const severityLabels: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
}
const colours: Record<Severity | 'dim' | 'bold', string> = {
  error: '31',
  warning: '33',
  info: '34',
  dim: '2',
  bold: '1',
}
/** Messages longer than this are not padded to align the rule ids after them. */
const MAX_ALIGNED_MESSAGE = 60

/**
 * ESLint's "stylish" layout: findings grouped by file, `line:column severity message
 * rule-id` aligned by display width (so Chinese messages line up), suggestions under
 * their finding, and a summary line.
 */
export function formatStylish(
  diagnostics: readonly Diagnostic[],
  options: StylishOptions = {},
): string {
  return [...stylishChunks(diagnostics, options)].join('')
}

/** `formatStylish` in pieces (at most a few thousand lines each), for output of any size. */
export function* stylishChunks(
  diagnostics: readonly Diagnostic[],
  options: StylishOptions = {},
): Generator<string> {
  const locale = options.locale ?? 'zh-CN'
  const paint = (style: keyof typeof colours, text: string) =>
    options.color ? `\u001b[${colours[style]}m${text}\u001b[0m` : text
  const groups = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    const key = printable(d.location.file ?? '')
    const group = groups.get(key)
    if (group) group.push(d)
    else groups.set(key, [d])
  }
  // A file of a million findings is written a few thousand lines at a time.
  for (const [file, group] of groups) {
    yield* joinedPieces(fileLines(file, group, locale, paint), '\n')
    yield '\n'
  }
  yield `${summary(diagnostics, locale, paint)}${rejectedNote(options.rejected ?? 0, locale)}\n`
}

/** A file's heading, its findings aligned in columns (suggestions under them), a blank line. */
function* fileLines(
  file: string,
  group: readonly Diagnostic[],
  locale: Locale,
  paint: (style: keyof typeof colours, text: string) => string,
): Generator<string> {
  yield paint('bold', file || (locale === 'en' ? '(no file)' : '(无文件)'))
  // Everything from the data is shown printable: a title with ESC in it cannot clear the
  // screen, a path with a newline cannot forge a finding.
  const rows = group.map((d) => {
    const at = printable(where(d))
    const severity = pick(severityLabels[d.severity], locale)
    const message = printable(d.message)
    return {
      d,
      where: at,
      whereWidth: displayWidth(at),
      severity,
      severityWidth: displayWidth(severity),
      message,
      messageWidth: displayWidth(message),
    }
  })
  // Widest of each column, by a loop: a spread of 130,000 rows would overflow the stack.
  let whereWidth = 0
  let severityWidth = 0
  let messageWidth = 0
  for (const row of rows) {
    whereWidth = Math.max(whereWidth, row.whereWidth)
    severityWidth = Math.max(severityWidth, row.severityWidth)
    messageWidth = Math.max(messageWidth, row.messageWidth)
  }
  messageWidth = Math.min(MAX_ALIGNED_MESSAGE, messageWidth)
  for (const row of rows) {
    const { d } = row
    yield `  ${paint('dim', padEnd(row.where, whereWidth, row.whereWidth))}  ${paint(d.severity, padEnd(row.severity, severityWidth, row.severityWidth))}  ${padEnd(row.message, messageWidth, row.messageWidth)}  ${paint('dim', printable(d.ruleId))}`
    for (const suggestion of d.suggestions ?? [])
      yield `  ${' '.repeat(whereWidth + severityWidth + 4)}→ ${printable(suggestion.message)}`
  }
  yield ''
}

function where(d: Diagnostic): string {
  const { line, column, sheet, cell, path } = d.location
  // A line without a column (a finding about a whole line) is the line alone, not `34:0`.
  if (line !== undefined) return column === undefined ? String(line) : `${line}:${column}`
  if (sheet !== undefined) return `${sheet}!${cell ?? ''}`
  return path ?? ''
}

function rejectedNote(rejected: number, locale: Locale): string {
  if (rejected === 0) return ''
  return locale === 'en'
    ? `\n  ${rejected} ${rejected === 1 ? 'entry was' : 'entries were'} rejected for the errors above: not checked, and counted in no report`
    : `\n  其中 ${rejected} 条材料因上述错误未被读取:不参加检查,也不计入任何报告`
}

function summary(
  diagnostics: readonly Diagnostic[],
  locale: Locale,
  paint: (style: keyof typeof colours, text: string) => string,
): string {
  const { error: errors, warning: warnings, info: infos } = countSeverities(diagnostics)
  if (diagnostics.length === 0) return locale === 'en' ? '✔ No problems' : '✔ 没有发现问题'
  const style = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info'
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  return paint(
    style,
    locale === 'en'
      ? `✖ ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`
      : `✖ 共 ${diagnostics.length} 个问题(${errors} 个错误,${warnings} 个警告,${infos} 个提示)`,
  )
}
