import {
  LEDGER_SCHEMA_TAG,
  type LedgerEntry,
  type ParseLedgerResult,
  readLedgerData,
} from '@reformkit/ledger'
import {
  cellReference,
  compareDiagnostics,
  type Diagnostic,
  diagnosticFactory,
  hasErrors,
  type ParsedSource,
  type Plan,
  type SourceLocation,
} from '@reformkit/model'
import { type Column, ENTRY_COLUMNS, headerNames, KPI_COLUMNS, matchHeader } from './columns.js'
import { toHalfWidthHeader } from './header.js'
import { workbookMessages } from './messages.js'
import { internal, locatedIn, type ReadWorkbookOptions, readWorkbook } from './read.js'
import { type CellValue, cellText, fillMerges, type Sheet } from './sheet.js'
import { type Vocabulary, vocabulary } from './vocabulary.js'

export interface ImportWorkbookOptions extends ReadWorkbookOptions {
  plan: Plan
  /** The unit of rows that name none (a unit's own template records its unit). */
  unit?: string
}

/** The sheet of a template that records what it was made for. */
export const META_SHEET = '_reformkit'

/**
 * Ledger entries from a filled workbook (XLSX, XLSM) or a CSV/TSV file (UTF-8 with or
 * without BOM, GB18030, UTF-16 as WPS saves it). Finds the table on each sheet by its
 * header row (columns in any order, named by header text or alias), reads what people
 * type — full-width digits, Chinese dates, Excel serial dates, merged cells, blank and
 * repeated header rows, units and items by name or ordinal — and returns the entries with
 * every finding located by cell. Never throws; hostile files get a finding within bounded
 * memory.
 */
export function importWorkbook(
  bytes: Uint8Array,
  options: ImportWorkbookOptions,
): ParseLedgerResult {
  const read = readWorkbook(bytes, options)
  if (!read.sheets) return { ok: false, entries: [], diagnostics: read.diagnostics, rejected: 0 }
  try {
    return readLedgerSheets(read.sheets, options, read.diagnostics)
  } catch (error) {
    return { ok: false, entries: [], diagnostics: [internal(error, options)], rejected: 0 }
  }
}

type Report = ReturnType<typeof diagnosticFactory>

function readLedgerSheets(
  sheets: Sheet[],
  options: ImportWorkbookOptions,
  diagnostics: Diagnostic[],
): ParseLedgerResult {
  const report = diagnosticFactory(workbookMessages, options.locale)
  const at = locatedIn(options.filename)
  const words = vocabulary(options.plan)
  const meta = sheets.find((sheet) => sheet.name === META_SHEET)
  const recordedUnit = meta?.rows.find((row) => cellText(row?.[1]) === 'unit')?.[2]
  const defaultUnit =
    options.unit ?? (recordedUnit === undefined ? undefined : cellText(recordedUnit))
  // A template made for another plan: its words may name other items and units.
  const recordedPlan = meta?.rows.find((row) => cellText(row?.[1]) === 'plan')?.[2]
  if (recordedPlan !== undefined && cellText(recordedPlan) !== options.plan.id)
    diagnostics.push(
      report({
        ruleId: 'workbook/other-plan',
        severity: 'warning',
        data: { plan: cellText(recordedPlan), expected: options.plan.id },
        location: at(),
      }),
    )
  const entries: LedgerEntry[] = []
  let rejected = 0
  let tables = 0
  for (const sheet of sheets) {
    if (sheet === meta) continue
    const table = findTable(sheet)
    if (!table) continue
    tables++
    const here = (row: number, column: number) =>
      at({ sheet: sheet.name, cell: cellReference(row, column) })
    if (sheet.formulas.length > 0) {
      const first = sheet.formulas[0] ?? ''
      diagnostics.push(
        report({
          ruleId: 'workbook/formulas',
          severity: 'warning',
          data: { sheet: sheet.name, count: sheet.formulas.length, cell: first },
          location: at({ sheet: sheet.name, cell: first }),
        }),
      )
    }
    for (const [column, header] of table.ignored)
      diagnostics.push(
        report({
          ruleId: 'workbook/column-ignored',
          severity: 'info',
          data: { header },
          location: here(table.headerRow, column),
        }),
      )
    const fields = new Set([...table.columns.values()].map((c) => c.field))
    const required = table.kpi ? KPI_COLUMNS : ENTRY_COLUMNS
    for (const column of required)
      if (
        column.required &&
        !fields.has(column.field) &&
        !(column.field === 'unit' && defaultUnit !== undefined)
      )
        diagnostics.push(
          report({
            ruleId: 'workbook/missing-column',
            data: { column: column.zh },
            location: here(table.headerRow, 1),
          }),
        )
    const read = readTable(sheet, table, words, defaultUnit, options, diagnostics, report, here)
    for (const entry of read.entries) entries.push(entry)
    rejected += read.rejected
    for (const d of read.diagnostics) diagnostics.push(d)
  }
  if (tables === 0) diagnostics.push(report({ ruleId: 'workbook/no-table', location: at() }))
  diagnostics.sort(compareDiagnostics)
  return { ok: !hasErrors(diagnostics), entries, diagnostics, rejected }
}

interface Table {
  headerRow: number
  /** Sheet column → the ledger column it holds. */
  columns: Map<number, Column>
  /** Header cells that name no ledger field: column → header text. */
  ignored: Map<number, string>
  kpi: boolean
}

const HEADER_ROWS_SEARCHED = 30

/** The header row of a sheet's ledger (or KPI) table, searched among its first rows. */
function findTable(sheet: Sheet): Table | undefined {
  const last = Math.min(sheet.rows.length - 1, HEADER_ROWS_SEARCHED)
  for (let r = 1; r <= last; r++) {
    const cells = (sheet.rows[r] ?? []).map((cell) => cellText(cell))
    for (const kpi of [false, true]) {
      const columns = matchHeader(cells, kpi ? KPI_COLUMNS : ENTRY_COLUMNS)
      const fields = new Set([...columns.values()].map((c) => c.field))
      const found = kpi
        ? fields.has('kpi/id') && fields.has('kpi/value') && fields.has('kpi/asOf')
        : columns.size >= 3 && fields.has('item') && (fields.has('kind') || fields.has('title'))
      if (!found) continue
      const ignored = new Map<number, string>()
      cells.forEach((text, i) => {
        if (text.trim() !== '' && !columns.has(i)) ignored.set(i, text.trim())
      })
      return { headerRow: r, columns, ignored, kpi }
    }
  }
  return undefined
}

/** A row that names at least three of the table's columns where the header has them. */
function isHeaderAgain(cells: ReadonlyArray<CellValue | undefined>, table: Table): boolean {
  const columns = table.kpi ? KPI_COLUMNS : ENTRY_COLUMNS
  // One cell first: a data row's first column never names that column.
  const [at, column] = table.columns.entries().next().value ?? []
  const probe = at === undefined ? undefined : cells[at]
  if (typeof probe !== 'string' || probe.length > 40) return false
  if (headerNames(columns).get(toHalfWidthHeader(probe)) !== column) return false
  const texts = cells.map((cell) => (typeof cell === 'string' ? cell : ''))
  const again = matchHeader(texts, columns)
  let same = 0
  for (const [i, column] of again) if (table.columns.get(i) === column) same++
  return same >= 3
}

/** A short stable hash of a row's content (cyrb53), for the ids of rows that have none. */
function contentHash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

type Raw = Record<string, unknown>

function readTable(
  sheet: Sheet,
  table: Table,
  words: Vocabulary,
  defaultUnit: string | undefined,
  options: ImportWorkbookOptions,
  diagnostics: Diagnostic[],
  report: Report,
  here: (row: number, column: number) => SourceLocation,
): ParseLedgerResult {
  fillMerges(sheet, table.headerRow)
  const columnOf = new Map<string, number>()
  for (const [i, column] of table.columns) {
    columnOf.set(column.field, i)
    const group = column.field.split('/')[0] ?? column.field
    if (!columnOf.has(group)) columnOf.set(group, i)
  }
  const first = Math.min(...table.columns.keys())
  if (table.kpi) {
    // A KPI row's entry: its date and title are the as-of and KPI cells.
    columnOf.set('date', columnOf.get('kpi/asOf') ?? first)
    for (const field of ['id', 'kind', 'title', 'item'])
      if (!columnOf.has(field)) columnOf.set(field, columnOf.get('kpi/id') ?? first)
  } else if (!columnOf.has('attachments') && columnOf.has('attachmentFacts'))
    columnOf.set('attachments', columnOf.get('attachmentFacts') ?? first)

  const raws: Raw[] = []
  const rowOf: number[] = []
  let generated = 0
  let example = ''
  for (let r = table.headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]
    if (!cells) continue
    const texts = [...table.columns.keys()].map((i) => cellText(cells[i]).trim())
    if (texts.every((t) => t === '')) continue
    // A header repeated (a table pasted twice, a header on every printed page).
    if (isHeaderAgain(cells, table)) continue
    const raw: Raw = {}
    for (const [i, column] of table.columns) {
      const value = cells[i]
      if (value === undefined) continue
      if (typeof value === 'object' && 'error' in value) {
        diagnostics.push(
          report({
            ruleId: 'workbook/cell-error',
            severity: 'warning',
            data: { value: value.error },
            location: here(r, i),
          }),
        )
        continue
      }
      const read = fieldValue(column, value)
      if (read !== '') setField(raw, column.field, read)
    }
    if (table.kpi) {
      const entry = kpiEntry(raw, words, defaultUnit)
      if (!entry) continue
      raws.push(entry)
    } else {
      readWords(raw, words, defaultUnit)
      raws.push(raw)
    }
    rowOf.push(r)
    const last = raws[raws.length - 1] as Raw
    if (last.id === undefined) {
      const unit =
        typeof last.unit === 'string' && /^[A-Za-z][\w.-]*$/.test(last.unit) ? last.unit : 'entry'
      last.id = `${unit}-${contentHash(JSON.stringify([last.unit, last.item, last.kind, last.date, last.title, last.kpi]))}`
      generated++
      if (example === '') example = String(last.id)
    }
  }
  if (generated > 0)
    diagnostics.push(
      report({
        ruleId: 'workbook/generated-ids',
        severity: 'info',
        data: { count: generated, example },
        location: here(rowOf[0] ?? table.headerRow, columnOf.get('id') ?? first),
      }),
    )

  const position = (path: readonly PropertyKey[]) => {
    const row = typeof path[1] === 'number' ? rowOf[path[1]] : undefined
    if (path[0] !== 'entries' || row === undefined) return undefined
    const [, , field, inner] = path
    const key = typeof inner === 'string' ? `${String(field)}/${inner}` : String(field)
    const column =
      field === undefined ? first : (columnOf.get(key) ?? columnOf.get(String(field)) ?? first)
    return { line: row, column }
  }
  const parsed: ParsedSource = {
    ...(options.filename === undefined ? {} : { filename: options.filename }),
    data: { schema: LEDGER_SCHEMA_TAG, entries: raws },
    diagnostics: [],
    position,
    locate(path) {
      const place = position(path)
      const pointer = `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
      return place
        ? { ...here(place.line, place.column), path: pointer }
        : { ...here(table.headerRow, first), path: pointer }
    },
  }
  return readLedgerData(parsed, {
    plan: options.plan,
    sheet: sheet.name,
    ...(options.filename === undefined ? {} : { filename: options.filename }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  })
}

/** A cell's value for its field: dates as days, numbers kept for number and date fields. */
function fieldValue(column: Column, value: CellValue): unknown {
  if (typeof value === 'object' && 'date' in value) return value.date
  if (column.type !== undefined && typeof value === 'number') return value
  return cellText(value)
}

function setField(raw: Raw, field: string, value: unknown): void {
  const [head, inner] = field.split('/') as [string, string | undefined]
  if (inner === undefined) raw[head] = value
  else {
    const group = (raw[head] ?? {}) as Raw
    group[inner] = value
    raw[head] = group
  }
}

/** The template's words read back as ids; attachments from their paths and facts. */
function readWords(raw: Raw, words: Vocabulary, defaultUnit: string | undefined): void {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  if (raw.unit === undefined && defaultUnit !== undefined) raw.unit = defaultUnit
  const item = text(raw.item)
  if (item !== undefined) raw.item = words.readItem(item)
  const unit = text(raw.unit)
  if (unit !== undefined) raw.unit = words.readUnit(unit)
  const kind = text(raw.kind)
  if (kind !== undefined) raw.kind = words.readKind(kind)
  const meeting = raw.meeting as Raw | undefined
  const body = text(meeting?.body)
  if (meeting && body !== undefined) meeting.body = words.readBody(body)
  const kpi = raw.kpi as Raw | undefined
  const kpiId = text(kpi?.id)
  if (kpi && kpiId !== undefined) kpi.id = words.readKpi(kpiId).id
  const paths = text(raw.attachments)
  const facts = parseFacts(text(raw.attachmentFacts))
  delete raw.attachmentFacts
  // The facts of the same paths, as written: kept whole (hashes, sizes, any characters).
  if (paths !== undefined && facts.length > 0 && paths === facts.map((f) => f.path).join('\n'))
    raw.attachments = facts
  else if (paths !== undefined)
    raw.attachments = paths
      .split(/\r?\n|[;；]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((path) => facts.find((f) => f.path === path) ?? { path })
  else if (facts.length > 0) raw.attachments = facts
}

/** The attachment facts a template keeps in its hidden column (path, sha256, bytes). */
function parseFacts(text: string | undefined): Array<{ path: string }> {
  if (text === undefined) return []
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed)
      ? parsed.filter(
          (f): f is { path: string } =>
            typeof f === 'object' && f !== null && typeof (f as Raw).path === 'string',
        )
      : []
  } catch {
    return []
  }
}

/** A row of the 指标 sheet with a value: a 指标数据 entry; one without a value is skipped. */
function kpiEntry(raw: Raw, words: Vocabulary, defaultUnit: string | undefined): Raw | undefined {
  const kpi = raw.kpi as Raw | undefined
  if (kpi?.value === undefined || kpi.value === '') return undefined
  const written = typeof kpi.id === 'string' ? kpi.id : ''
  const known = words.readKpi(written)
  kpi.id = known.id
  const unit = typeof raw.unit === 'string' ? words.readUnit(raw.unit) : defaultUnit
  const item = typeof raw.item === 'string' ? words.readItem(raw.item) : known.item
  const asOf = kpi.asOf
  const entry: Raw = {
    ...(unit === undefined ? {} : { unit }),
    ...(item === undefined ? {} : { item }),
    kind: 'kpiReport',
    ...(asOf === undefined ? {} : { date: asOf }),
    title: `${known.measure ?? known.id}(截至 ${String(asOf ?? '')})`,
    kpi,
  }
  if (typeof raw.note === 'string') entry.note = raw.note
  return entry
}
