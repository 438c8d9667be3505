/** Severity of a finding, as ESLint and SARIF use it. */
export type Severity = 'error' | 'warning' | 'info'

/** The two languages every user-facing string is written in. */
export type Locale = 'zh-CN' | 'en'

/**
 * Where a finding points. Text files use `file`/`line`/`column` (1-based);
 * workbooks use `sheet`/`cell`; every structured value also has `path`, a JSON pointer
 * (RFC 6901) into the parsed data, e.g. `/items/0/responsible/4`.
 */
export interface SourceLocation {
  file?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  sheet?: string
  cell?: string
  path?: string
}

export interface RelatedLocation {
  message: string
  location: SourceLocation
}

/** A proposed fix: replace the value at `location` with `replacement`. */
export interface Suggestion {
  message: string
  replacement?: string
  location?: SourceLocation
}

/**
 * Values filled into a message. A value that itself differs by language (a type name,
 * a field label) is given in both and picked by locale.
 */
export type MessageData = Record<string, string | number | LocalizedMessage>

/**
 * What a finding is about, as data: the ledger entry (its index in the entries that were
 * checked, and its id), the plan item and the unit. Consumers group findings by these
 * fields; nothing reads them back out of `location.path`.
 */
export interface DiagnosticSubject {
  /** Index of the entry in the `entries` given to checkLedger. */
  entry?: number
  entryId?: string
  item?: string
  unit?: string
}

/** One shape for every finding in every reformkit package. */
export interface Diagnostic {
  /** Stable id of the check, `area/name`, e.g. `plan/unknown-unit`. */
  ruleId: string
  severity: Severity
  /** The message in the locale asked for. */
  message: string
  /** Key into a message catalogue; with `data` it re-renders the message in another locale. */
  messageId: string
  data: MessageData
  location: SourceLocation
  /** The entry, item and unit the finding concerns, where there are such. */
  subject?: DiagnosticSubject
  related?: RelatedLocation[]
  suggestions?: Suggestion[]
  docsUrl?: string
}

/** A message in both languages; `{{name}}` placeholders are filled from `data`. */
export interface LocalizedMessage {
  zh: string
  en: string
}

/** The text of a two-language message for a locale. */
export function pick(message: LocalizedMessage, locale: Locale): string {
  return locale === 'en' ? message.en : message.zh
}

export type MessageCatalogue = Record<string, LocalizedMessage>

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g
/**
 * Templates cut at their placeholders once: text, key, placeholder as written, text, …
 * (a province's million findings share a few dozen templates). Bounded: a caller's own
 * templates cannot grow it without end.
 */
const cut = new Map<string, string[]>()

function pieces(template: string): string[] {
  let parts = cut.get(template)
  if (!parts) {
    parts = []
    let from = 0
    for (const match of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(from, match.index), match[1] as string, match[0])
      from = match.index + match[0].length
    }
    parts.push(template.slice(from))
    if (cut.size >= 1024) cut.clear()
    cut.set(template, parts)
  }
  return parts
}

/** Fill `{{name}}` placeholders; two-language values are picked by locale; unknown ones stay visible. */
export function interpolate(template: string, data: MessageData, locale: Locale = 'zh-CN'): string {
  const parts = pieces(template)
  let out = parts[0] as string
  for (let i = 1; i < parts.length; i += 3) {
    const value = data[parts[i] as string]
    out +=
      value === undefined
        ? (parts[i + 1] as string)
        : typeof value === 'object'
          ? pick(value, locale)
          : String(value)
    out += parts[i + 2] as string
  }
  return out
}

/** Render a message of a catalogue in a locale. Throws on an unknown id (a programming error). */
export function formatMessage(
  catalogue: MessageCatalogue,
  messageId: string,
  data: MessageData,
  locale: Locale,
): string {
  const message = catalogue[messageId]
  if (!message) throw new Error(`reformkit: no message "${messageId}" in the catalogue`)
  return interpolate(pick(message, locale), data, locale)
}

/** Re-render a diagnostic's message in another locale. */
export function localizeDiagnostic(
  diagnostic: Diagnostic,
  catalogue: MessageCatalogue,
  locale: Locale,
): Diagnostic {
  if (!(diagnostic.messageId in catalogue)) return diagnostic
  return {
    ...diagnostic,
    message: formatMessage(catalogue, diagnostic.messageId, diagnostic.data, locale),
  }
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Stable order: file, line, column, path, then severity and rule id. Locale-independent. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const la = a.location
  const lb = b.location
  return (
    compareText(la.file ?? '', lb.file ?? '') ||
    compareText(la.sheet ?? '', lb.sheet ?? '') ||
    (la.line ?? 0) - (lb.line ?? 0) ||
    (la.column ?? 0) - (lb.column ?? 0) ||
    compareText(la.path ?? '', lb.path ?? '') ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareText(a.ruleId, b.ruleId)
  )
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How many diagnostics have each severity, in one pass (a province has a million). */
export function countSeverities(
  diagnostics: readonly Diagnostic[],
): Record<Diagnostic['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const d of diagnostics) counts[d.severity]++
  return counts
}

/** True when any diagnostic has error severity. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Encode a path as a JSON pointer (RFC 6901). */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}
