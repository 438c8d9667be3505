import { type Diagnostic, type Locale, pick, type Severity } from '@reformkit/model'
import type { Rule } from '../engine/rule.js'

export interface SarifOptions {
  locale?: Locale
  /** Rules whose metadata goes into `tool.driver.rules` (every rule, not only those hit). */
  rules?: readonly Rule[]
  /** Version of the tool that made the log, e.g. the CLI's. */
  toolVersion?: string
  /** Where each rule's docs page lives; `{id}` becomes the page name (`ref-unknown-unit`). */
  helpUri?: string
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
}

/**
 * A SARIF 2.1.0 log (what GitHub code scanning and most CI dashboards read): one run of
 * the tool "reformkit", every rule's metadata in `tool.driver.rules`, one result per
 * diagnostic with its file, line and column (UTF-16 code units, as YAML reports them)
 * and its JSON pointer as a logical location.
 */
export function formatSarif(
  diagnostics: readonly Diagnostic[],
  options: SarifOptions = {},
): string {
  return [...sarifChunks(diagnostics, options)].join('')
}

/** The results' place in the log: the run's last member, written empty. */
const RESULTS = '"results": []'
/** How deep a result is in the log: `runs[0].results[i]`, two spaces a level. */
const RESULT_INDENT = ' '.repeat(8)

/**
 * `formatSarif` in pieces, a result at a time: a province's log (a million findings, some
 * 700 MB) is longer than one string may be. The same text as `JSON.stringify(log, null, 2)`.
 */
export function* sarifChunks(
  diagnostics: readonly Diagnostic[],
  options: SarifOptions = {},
): Generator<string> {
  const locale = options.locale ?? 'zh-CN'
  const { helpUri } = options
  const descriptors: object[] = []
  const indexById = new Map<string, number>()
  for (const rule of options.rules ?? []) {
    indexById.set(rule.id, descriptors.length)
    descriptors.push({
      id: rule.id,
      name: rule.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: pick(rule.meta.docs, locale) },
      fullDescription: { text: `${pick(rule.meta.docs, locale)} (${rule.meta.docs.rationale})` },
      ...(helpUri ? { helpUri: helpUri.replace('{id}', rule.id.replace('/', '-')) } : {}),
      defaultConfiguration:
        rule.meta.recommended === 'off'
          ? { enabled: false }
          : { level: levels[rule.meta.recommended] },
      properties: { type: rule.meta.type, rationale: rule.meta.docs.rationale },
    })
  }
  // Findings of reading (schema/…, source/…) have no rule object; describe them by id.
  for (const d of diagnostics) {
    if (indexById.has(d.ruleId)) continue
    indexById.set(d.ruleId, descriptors.length)
    descriptors.push({ id: d.ruleId })
  }
  const toResult = (d: Diagnostic) => {
    const result: Record<string, unknown> = {
      ruleId: d.ruleId,
      ruleIndex: indexById.get(d.ruleId),
      level: levels[d.severity],
      message: { text: d.message },
    }
    const location = sarifLocation(d)
    if (location) result.locations = [location]
    // SARIF fixes need byte-exact edits; a suggestion is advice, so it goes in properties.
    if (d.suggestions?.length)
      result.properties = { suggestions: d.suggestions.map((s) => s.message) }
    return result
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reformkit',
            informationUri: 'https://www.npmjs.com/package/@reformkit/ledger',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: descriptors,
          },
        },
        language: locale,
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  }
  const text = `${JSON.stringify(log, null, 2)}\n`
  if (diagnostics.length === 0) {
    yield text
    return
  }
  // A quote in a JSON string is escaped, so RESULTS found outside one is the member itself.
  const at = text.lastIndexOf(RESULTS) + RESULTS.length - 1
  yield `${text.slice(0, at)}\n`
  for (let i = 0; i < diagnostics.length; i++) {
    // A string in JSON holds no raw line break: every one is between members.
    const json = JSON.stringify(toResult(diagnostics[i] as Diagnostic), null, 2)
    const last = i + 1 === diagnostics.length
    yield `${RESULT_INDENT}${json.replaceAll('\n', `\n${RESULT_INDENT}`)}${last ? '' : ','}\n`
  }
  yield `      ${text.slice(at)}`
}

function sarifLocation(d: Diagnostic): object | undefined {
  const { file, line, column, endLine, endColumn, path, sheet, cell } = d.location
  const location: Record<string, unknown> = {}
  if (file !== undefined) {
    const region: Record<string, number> = {}
    if (line !== undefined) region.startLine = line
    if (line !== undefined && column !== undefined) region.startColumn = column
    if (endLine !== undefined) region.endLine = endLine
    if (endLine !== undefined && endColumn !== undefined) region.endColumn = endColumn
    location.physicalLocation = {
      artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')) },
      ...(Object.keys(region).length > 0 ? { region } : {}),
    }
  }
  const logical = sheet !== undefined ? `${sheet}!${cell ?? ''}` : path
  if (logical) location.logicalLocations = [{ fullyQualifiedName: logical }]
  return Object.keys(location).length > 0 ? location : undefined
}
