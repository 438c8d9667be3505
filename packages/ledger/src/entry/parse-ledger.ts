import {
  checkSchemaTag,
  compareDiagnostics,
  type Diagnostic,
  type DiagnosticSubject,
  diagnosticFactory,
  fieldName,
  hasErrors,
  type Locale,
  modelMessages,
  type ParsedSource,
  type ParseSourceOptions,
  type Plan,
  parseSource,
  validateSource,
} from '@reformkit/model'
import { fastEntry, fastEnvelope, hasInvalidText, INVALID_CHARACTER } from './fast-entry.js'
import { ledgerMessages } from './messages.js'
import { normalizeLedgerData } from './normalize.js'
import { type EntrySource, type LedgerEntry, ledgerSchemas } from './schema.js'

export interface ParseLedgerOptions extends ParseSourceOptions {
  /** With the plan, unit names and item ordinals written for ids are read as the ids. */
  plan?: Plan
}

export interface ParseLedgerResult {
  /** True when no diagnostic has error severity. */
  ok: boolean
  /** The entries that are valid, each with its source location; invalid ones are left out. */
  entries: LedgerEntry[]
  diagnostics: Diagnostic[]
  /**
   * Entries set aside for errors (each has its error among the diagnostics): they are not
   * checked and count in no report, which the summary of findings says.
   */
  rejected: number
}

/**
 * Parse one ledger file (YAML or JSON, `schema: reformkit/ledger@1`). Never throws.
 * Sloppy but clear input (full-width digits, 2017年3月5日, Excel serial dates, 发改局 for
 * its id, （三） for an item id) is read as meant, each with an info diagnostic; wrong input
 * is an error located at its line. Valid entries are returned even when others are not.
 */
export function parseLedger(source: string, options: ParseLedgerOptions = {}): ParseLedgerResult {
  const locale: Locale = options.locale ?? 'zh-CN'
  try {
    const parsed = parseSource(source, options)
    if (hasErrors(parsed.diagnostics))
      return {
        ok: false,
        entries: [],
        diagnostics: parsed.diagnostics.map((d) => asLedger(d, locale)),
        rejected: 0,
      }
    const tag = checkSchemaTag(parsed, { name: 'reformkit/ledger', major: 1 }, locale)
    if (hasErrors(tag))
      return { ok: false, entries: [], diagnostics: [...parsed.diagnostics, ...tag], rejected: 0 }
    return readLedger(parsed, options)
  } catch (error) {
    return internalError(error, options)
  }
}

/** A ledger file too large is said as one: what to do is split it, not look for another. */
function asLedger(diagnostic: Diagnostic, locale: Locale): Diagnostic {
  if (diagnostic.ruleId !== 'source/too-large') return diagnostic
  const { ruleId, severity, data, location } = diagnostic
  const report = diagnosticFactory(ledgerMessages, locale)
  return report({ ruleId, messageId: 'ledger/too-large', severity, data: data ?? {}, location })
}

export interface ReadLedgerDataOptions extends ParseLedgerOptions {
  /**
   * The name of the worksheet the data came from: `parsed.position` then gives row and
   * column numbers, which every location shows as a cell on this sheet (`台账!C12`).
   */
  sheet?: string
}

/**
 * The entries of ledger data that is already parsed — `{ entries: [...] }` read from a
 * workbook, a form or an API — with the same reading of sloppy input and the same located
 * diagnostics as {@link parseLedger}, which calls it. `parsed.data` is normalised in place.
 * Never throws.
 */
export function readLedgerData(
  parsed: ParsedSource,
  options: ReadLedgerDataOptions = {},
): ParseLedgerResult {
  try {
    return readLedger(parsed, options)
  } catch (error) {
    return internalError(error, options)
  }
}

function internalError(error: unknown, options: ParseLedgerOptions): ParseLedgerResult {
  const report = diagnosticFactory({ ...modelMessages, ...ledgerMessages }, options.locale)
  const detail = error instanceof Error ? error.message : String(error)
  const location = options.filename === undefined ? {} : { file: options.filename }
  return {
    ok: false,
    entries: [],
    diagnostics: [report({ ruleId: 'source/internal', data: { detail }, location })],
    rejected: 0,
  }
}

function readLedger(parsed: ParsedSource, options: ReadLedgerDataOptions): ParseLedgerResult {
  const locale: Locale = options.locale ?? 'zh-CN'
  const report = diagnosticFactory({ ...modelMessages, ...ledgerMessages }, locale)
  const data = (
    typeof parsed.data === 'object' && parsed.data !== null ? parsed.data : {}
  ) as Record<string, unknown>
  const diagnostics = [...parsed.diagnostics]
  const rawEntries = Array.isArray(data.entries) ? data.entries : []
  // Every change made first, so that each finding names the entry as it now reads.
  for (const change of [...normalizeLedgerData(data, options.plan)]) {
    diagnostics.push(
      about(
        rawEntries[change.path[1] as number],
        report({
          ruleId: 'ledger/normalized',
          severity: 'info',
          data: { field: fieldName(change.path), from: change.from, to: change.to },
          location: parsed.locate(change.path),
        }),
      ),
    )
  }
  // The envelope first, then each entry on its own: one bad entry must not hide the others.
  // Its schema asks only that the entries are a list; a list is given it empty, so that it
  // does not walk a province's million entries to accept each as unknown. An envelope that
  // is plainly well formed is not given it at all.
  if (!fastEnvelope(data)) {
    const outer = Array.isArray(data.entries) ? { ...data, entries: [] } : data
    const { LedgerEnvelope } = ledgerSchemas()
    const envelope = validateSource(LedgerEnvelope, { ...parsed, data: outer }, locale)
    for (const d of envelope.diagnostics) diagnostics.push(d)
  }
  const entries: LedgerEntry[] = []
  // Locating inside entry `index`: made only for an entry with a finding.
  const locateIn =
    (index: number): ParsedSource['locate'] =>
    (path, target) =>
      parsed.locate(['entries', index, ...path], target)
  for (let index = 0; index < rawEntries.length; index++) {
    const raw: unknown = rawEntries[index]
    // Well-formed entries skip the schema; the others get its located findings.
    let value = fastEntry(raw)
    // A character no report can show: in an entry that reads well, only its free text can
    // hold one; in any other, every string is looked at.
    const mayHaveInvalid = value ? hasInvalidText(value) : true
    if (!value) {
      const inEntry = { ...parsed, data: raw, locate: locateIn(index) }
      const result = validateSource(ledgerSchemas().LedgerEntry, inEntry, locale)
      for (const d of result.diagnostics) diagnostics.push(about(raw, d))
      value = result.value
    }
    if (mayHaveInvalid)
      for (const { path, code } of invalidCharacters(raw))
        diagnostics.push(
          about(
            raw,
            report({
              ruleId: 'ledger/invalid-characters',
              severity: 'warning',
              data: { field: fieldName(['entries', index, ...path]), code },
              location: locateIn(index)(path),
            }),
          ),
        )
    if (value) {
      // The entry is ours (the schema's output, or the data parseSource made for us alone).
      value.source = entrySource(parsed, index, value, options)
      entries.push(value)
    }
  }
  diagnostics.sort(compareDiagnostics)
  const rejected = rawEntries.length - entries.length
  return { ok: !hasErrors(diagnostics), entries, diagnostics, rejected }
}

/**
 * A reading finding about an entry says which entry, item and unit it concerns, as far as
 * the entry's own text tells (its index among all checked entries is not known yet).
 */
function about(raw: unknown, diagnostic: Diagnostic): Diagnostic {
  if (typeof raw !== 'object' || raw === null) return diagnostic
  const { id, item, unit } = raw as Record<string, unknown>
  const subject: DiagnosticSubject = {}
  if (typeof id === 'string') subject.entryId = id
  if (typeof item === 'string') subject.item = item
  if (typeof unit === 'string') subject.unit = unit
  if (Object.keys(subject).length > 0) diagnostic.subject = subject
  return diagnostic
}

/** The text fields of an entry (three levels down) with a character no report can show. */
function invalidCharacters(raw: unknown): Array<{ path: PropertyKey[]; code: string }> {
  const found: Array<{ path: PropertyKey[]; code: string }> = []
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const at = INVALID_CHARACTER.exec(value)
      if (at)
        found.push({
          path,
          code: `U+${at[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        })
    } else if (path.length < 3 && value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value))
        walk(inner, [...path, Array.isArray(value) ? Number(key) : key])
  }
  walk(raw, [])
  return found
}

/** Where the value at `path` inside entry `index` starts, from the parse. */
function positionIn(
  parsed: ParsedSource,
  index: number,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  if (parsed.position) return parsed.position(['entries', index, ...path])
  const { line, column } = parsed.locate(['entries', index, ...path])
  return line === undefined || column === undefined ? undefined : { line, column }
}

/**
 * Where the entry is in the file — its line and column, and where each of its fields (and
 * each attachment) starts — computed when first read, which is when a finding about it is
 * located. A ledger of a million well-formed entries records no positions at all.
 */
function entrySource(
  parsed: ParsedSource,
  index: number,
  entry: object,
  options: ReadLedgerDataOptions,
): EntrySource {
  const source = new LazySource(parsed, index, entry)
  if (options.filename !== undefined) source.file = options.filename
  if (options.sheet !== undefined) source.sheet = options.sheet
  return source
}

/**
 * An EntrySource whose `path`, `line`, `column` and `fields` are made when first asked for
 * (accessors, not data; `toJSON` writes them out).
 */
class LazySource implements EntrySource {
  declare file?: string
  declare sheet?: string
  #parsed: ParsedSource
  #index: number
  #entry: object
  /** Undefined: not looked for yet; null: the text has no position for it. */
  #at?: { line?: number | undefined; column?: number | undefined } | null
  #fields?: NonNullable<EntrySource['fields']>
  /** Made when first asked for, like the rest (a string per entry otherwise). */
  #path?: string

  constructor(parsed: ParsedSource, index: number, entry: object) {
    this.#parsed = parsed
    this.#index = index
    this.#entry = entry
  }

  get path(): string {
    this.#path ??= `/entries/${this.#index}`
    return this.#path
  }

  set path(path: string) {
    this.#path = path
  }

  #place(): { line?: number | undefined; column?: number | undefined } | null {
    if (this.#at === undefined) this.#at = positionIn(this.#parsed, this.#index, []) ?? null
    return this.#at
  }

  get line(): number | undefined {
    return this.#place()?.line
  }

  set line(line: number | undefined) {
    this.#at = { ...this.#place(), line }
  }

  get column(): number | undefined {
    return this.#place()?.column
  }

  set column(column: number | undefined) {
    this.#at = { ...this.#place(), column }
  }

  toJSON(): EntrySource {
    const { path, file, sheet, line, column } = this
    return {
      path,
      ...(file === undefined ? {} : { file }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    }
  }

  /** Where each field starts, and each attachment (`attachments/0`…): all looked for now. */
  get fields(): NonNullable<EntrySource['fields']> {
    if (this.#fields) return this.#fields
    const fields: NonNullable<EntrySource['fields']> = {}
    const keep = (name: string) => {
      const place = this.placeOf(name)
      if (place) fields[name] = place
    }
    // `placeOf` places no `source`: that is set on the entry after it was read.
    for (const key of Object.keys(this.#entry)) keep(key)
    const attachments = (this.#entry as { attachments?: unknown[] }).attachments ?? []
    for (const i of attachments.keys()) keep(`attachments/${i}`)
    this.#fields = fields
    return fields
  }

  /**
   * Where one field starts (`attachments/1` for an attachment), looked for alone: a finding
   * names one field, and placing every field of a million entries costs seconds.
   */
  placeOf(name: string): { line: number; column: number } | undefined {
    if (this.#fields) return this.#fields[name]
    const attachment = /^attachments\/(\d+)$/.exec(name)
    const path =
      name !== 'source' && Object.hasOwn(this.#entry, name)
        ? [name]
        : attachment
          ? ['attachments', Number(attachment[1])]
          : undefined
    return path && positionIn(this.#parsed, this.#index, path)
  }

  set fields(value: NonNullable<EntrySource['fields']>) {
    this.#fields = value
  }
}

/**
 * Where `field` of an entry starts, from its source: for an entry `parseLedger` read, only
 * that field is looked for (see `LazySource.placeOf`); otherwise from `source.fields`.
 */
export function fieldPlace(
  source: EntrySource,
  field: string,
): { line: number; column: number } | undefined {
  return source instanceof LazySource ? source.placeOf(field) : source.fields?.[field]
}
