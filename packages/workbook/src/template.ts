import {
  type EntryKind,
  entryKindLabels,
  type LedgerEntry,
  resolveRequirements,
  targetText,
} from '@reformkit/ledger'
import { cellReference, expandResponsible, type Plan } from '@reformkit/model'
import { type CellModel, type RowModel, workbookBytes } from '@reformkit/report'
import type ExcelJS from 'exceljs'
import { type Column, ENTRY_COLUMNS, KPI_COLUMNS } from './columns.js'
import { META_SHEET } from './import.js'
import { type Vocabulary, vocabulary } from './vocabulary.js'

export interface CreateTemplateOptions {
  plan: Plan
  /** The project config: what each item must show comes from its `requirements:`. */
  config?: { requirements?: unknown }
  /** A unit id: its items, its KPIs, its name on every sheet. Absent: every unit. */
  unit?: string
  /** The days KPI values are asked for: each year's end within it. Default the plan's period. */
  period?: { start: string; end: string }
  /**
   * Entries to list (the unit's, when `unit` is given): a ledger to edit and re-import. At
   * most `TEMPLATE_MAX_ENTRIES` (100,000; more is a RangeError: make one per unit).
   */
  entries?: readonly LedgerEntry[]
  /** Empty rows with dropdowns below the entries. Default 300. */
  blankRows?: number
  /** When the file is dated (its parts and properties): the same date, the same bytes. Default now. */
  date?: Date
}

/** The most entries one template lists (a sheet of them takes some 10 KB of memory a row to write). */
export const TEMPLATE_MAX_ENTRIES = 100_000

const ENTRY_SHEET = '台账'
const KPI_SHEET = '指标'
const LISTS_SHEET = '选项'
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const
const REQUIRED_FONT = { bold: true, color: { argb: 'FFC00000' } }
const DATE_FORMAT = 'yyyy-mm-dd'

/**
 * A ledger template (XLSX) for one unit or for all: an instructions sheet in Chinese; the
 * 台账 sheet — the unit's entries if given, then empty rows — with dropdowns for item,
 * unit, kind, meeting body and KPI, date cells typed as dates, required columns marked,
 * header rows locked and frozen, printing on A4 landscape fitted to width; and the 指标
 * sheet listing the unit's KPIs and targets, a row per reporting day to fill. What it
 * writes, `importWorkbook` reads back to the same entries with the same ids.
 */
export async function createTemplate(options: CreateTemplateOptions): Promise<Uint8Array> {
  const { plan } = options
  const words = vocabulary(plan)
  const unit =
    options.unit === undefined ? undefined : plan.units.find((u) => u.id === options.unit)
  if (options.unit !== undefined && !unit)
    throw new RangeError(
      `unit "${options.unit}" is not in the plan / 方案中没有单位“${options.unit}”`,
    )
  const items = unit
    ? plan.items.filter((item) => expandResponsible(plan, item).some((u) => u.id === unit.id))
    : plan.items
  const entries = (options.entries ?? []).filter((e) => !unit || e.unit === unit.id)
  if (entries.length > TEMPLATE_MAX_ENTRIES)
    throw new RangeError(
      `${entries.length} entries: a template lists at most ${TEMPLATE_MAX_ENTRIES}; make one per unit / 台账 ${entries.length} 条,一个模板最多列 ${TEMPLATE_MAX_ENTRIES} 条,请按单位分别生成`,
    )
  const who = unit?.name ?? '各责任单位'

  // exceljs is large: it loads when a workbook is first written, not with the import.
  const { default: Excel } = await import('exceljs')
  const book = new Excel.Workbook()
  book.creator = 'reformkit'
  instructions(book.addWorksheet('填写说明'), plan, who, items, options.config)
  const lists = listsSheet(book, words, unit ? [unit.name] : words.lists.units)
  const data = entrySheet(
    book,
    Excel.ValueType,
    words,
    who,
    entries,
    lists,
    options.blankRows ?? 300,
  )
  kpiSheet(book, words, who, items, options.period ?? plan.period, unit?.name)
  const meta = book.addWorksheet(META_SHEET, { state: 'veryHidden' })
  meta.addRows([
    ['schema', 'reformkit/workbook@1'],
    ['plan', plan.id],
    ...(unit ? [['unit', unit.id]] : []),
  ])
  return workbookBytes(book, options.date ?? new Date(), new Map([data]))
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
const ESCAPED = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]/g

/** Text as a cell keeps it: a carriage return or control character as Excel's `_xHHHH_`. */
export function cellString(text: string): string {
  return text.replace(ESCAPED, (c) =>
    c === '_' ? '_x005F_' : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  )
}

function instructions(
  sheet: ExcelJS.Worksheet,
  plan: Plan,
  who: string,
  items: Plan['items'],
  config: CreateTemplateOptions['config'],
): void {
  sheet.getColumn(1).width = 34
  sheet.getColumn(2).width = 80
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  }
  const requirements = resolveRequirements(plan, config)
  const title = sheet.addRow([`${plan.title} · 台账填报表`])
  title.font = { bold: true, size: 14 }
  sheet.addRow(['填报单位', who])
  sheet.addRow(['方案期限', `${plan.period.start} 至 ${plan.period.end}`])
  sheet.addRow([])
  const steps = [
    '在“台账”表中每行填写一份材料;标 * 的列必填,红色表头即必填列。',
    '改革事项、填报单位、材料类型、会议机构、指标请从下拉列表中选择,也可写事项序号(如“（三）”)或单位名称。',
    '日期写成 2017-03-05、2017年3月5日 或 2017.3.5 均可;数字可用全角。',
    '“附件”列写附件在台账文件夹中的路径,多个附件每行一个(Alt+Enter 换行)。',
    '“编号”可不填,导入时按内容生成;已有编号请勿修改,以便比对哪些材料有变化。',
    '“指标”表按行填写各指标截至当日的数值,未填数值的行不导入。',
    '填好后用 reformkit import 导入,或在看板“导入台账”页拖入本文件;每个问题都会指出所在单元格。',
  ]
  steps.forEach((text, i) => {
    sheet.addRow([`${i + 1}.`, text]).alignment = { wrapText: true, vertical: 'top' }
  })
  sheet.addRow([])
  const head = sheet.addRow(['改革事项', '须报送的材料'])
  head.font = { bold: true }
  head.fill = HEADER_FILL
  for (const item of items) {
    const needs = requirements.items.get(item.id)?.materials ?? []
    const row = sheet.addRow([
      vocabulary(plan).item(item.id),
      needs.map((kind) => entryKindLabels[kind as EntryKind].zh).join('、') || '—',
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
  }
}

interface Lists {
  range(key: 'items' | 'units' | 'kinds' | 'bodies' | 'kpis'): string | undefined
}

/** The hidden sheet the dropdowns read their choices from (no 255-character limit). */
function listsSheet(book: ExcelJS.Workbook, words: Vocabulary, units: string[]): Lists {
  const sheet = book.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  const columns = {
    items: words.lists.items,
    units,
    kinds: words.lists.kinds,
    bodies: words.lists.bodies,
    kpis: words.lists.kpis,
  }
  const ranges = new Map<string, string>()
  Object.entries(columns).forEach(([key, values], c) => {
    const letter = String.fromCharCode(65 + c)
    values.forEach((value, r) => {
      sheet.getCell(`${letter}${r + 1}`).value = value
    })
    if (values.length > 0)
      ranges.set(key, `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${values.length}`)
  })
  return { range: (key) => ranges.get(key) }
}

function headerRows(sheet: ExcelJS.Worksheet, title: string, columns: readonly Column[]): void {
  sheet.columns = columns.map((c) => ({
    width: c.width,
    hidden: c.hidden === true,
    style: {
      protection: { locked: false },
      ...(c.type === 'date' ? { numFmt: DATE_FORMAT } : {}),
      alignment: { wrapText: true, vertical: 'top' },
    },
  }))
  const first = sheet.addRow([title])
  sheet.mergeCells(1, 1, 1, columns.filter((c) => !c.hidden).length)
  first.font = { bold: true, size: 13 }
  const header = sheet.addRow(columns.map((c) => (c.required ? `* ${c.zh}` : c.zh)))
  header.height = 20
  for (const row of [first, header])
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.protection = { locked: true }
      if (row === header) {
        cell.fill = HEADER_FILL
        cell.font = columns[c - 1]?.required ? REQUIRED_FONT : { bold: true }
        cell.alignment = { horizontal: 'center', vertical: 'middle' }
      }
    })
  printedLandscape(sheet, '1:2')
  // Locked header rows; rows can still be added, deleted, sorted and filtered.
  void sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  })
}

/**
 * A table sheet as offices print it: the first two rows frozen, A4 landscape fitted to the
 * page width, `titleRows` repeated on every page.
 */
export function printedLandscape(sheet: ExcelJS.Worksheet, titleRows: string): void {
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }]
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    horizontalCentered: true,
  }
}

type Validations = { add(range: string, validation: ExcelJS.DataValidation): void }

function dropdowns(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column[],
  lists: Lists,
  lastRow: number,
  choices: Record<string, Parameters<Lists['range']>[0]>,
): void {
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations
  columns.forEach((column, i) => {
    const letter = String.fromCharCode(65 + i)
    const range = `${letter}3:${letter}${lastRow}`
    const list = choices[column.field]
    const source = list === undefined ? undefined : lists.range(list)
    if (source !== undefined)
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [source],
        // A warning, not a stop: a name or ordinal typed by hand is read too.
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '不在列表中',
        error: '请从下拉列表中选择;确需手写请核对名称。',
      })
    else if (column.type === 'date')
      validations.add(range, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '日期',
        error: '请填写日期,如 2017-03-05。',
      })
    else if (column.type === 'number')
      validations.add(range, {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [-1e15, 1e15],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '数值',
        error: '请填写数字。',
      })
  })
}

const asDate = (iso: string | undefined) =>
  iso === undefined ? undefined : new Date(`${iso}T00:00:00Z`)
const text = (value: string | undefined) => (value === undefined ? undefined : cellString(value))

/**
 * The 台账 sheet. Its entry rows are given to the writer as exceljs's own row models (one
 * style object per column, shared), not as Row and Cell objects: a template of 100,000
 * entries is written in a fraction of the time and memory.
 */
function entrySheet(
  book: ExcelJS.Workbook,
  types: typeof ExcelJS.ValueType,
  words: Vocabulary,
  who: string,
  entries: readonly LedgerEntry[],
  lists: Lists,
  blankRows: number,
): [sheetId: number, rows: RowModel[]] {
  const sheet = book.addWorksheet(ENTRY_SHEET)
  headerRows(sheet, `${who} 台账(每行一份材料)`, ENTRY_COLUMNS)
  const styles = ENTRY_COLUMNS.map((c) => sheet.getColumn(ENTRY_COLUMNS.indexOf(c) + 1).style)
  const letters = ENTRY_COLUMNS.map((_, i) => cellReference(1, i + 1).slice(0, -1))
  const rows: RowModel[] = []
  for (const entry of entries) {
    // Hashes, sizes and paths that a list of lines cannot hold go in the hidden column too.
    const facts = entry.attachments.some(
      (a) => a.sha256 !== undefined || a.bytes !== undefined || /[\r\n;；]/.test(a.path),
    )
    const values: Record<string, unknown> = {
      id: entry.id,
      item: text(words.item(entry.item)),
      unit: text(words.unit(entry.unit)),
      kind: words.kind(entry.kind),
      date: asDate(entry.date),
      title: text(entry.title),
      issuer: text(entry.issuer),
      documentNumber: text(entry.documentNumber),
      'meeting/body': text(entry.meeting && words.body(entry.meeting.body)),
      'meeting/session': text(entry.meeting?.session),
      'kpi/id': text(entry.kpi && words.kpi(entry.kpi.id)),
      'kpi/value': entry.kpi?.value,
      'kpi/asOf': asDate(entry.kpi?.asOf),
      milestone: text(entry.milestone),
      'bonus/reason': text(entry.bonus?.reason),
      'bonus/points': entry.bonus?.points,
      attachments:
        entry.attachments.length > 0
          ? cellString(entry.attachments.map((a) => a.path).join('\n'))
          : undefined,
      note: text(entry.note),
      attachmentFacts: facts ? cellString(JSON.stringify(entry.attachments)) : undefined,
    }
    const number = 3 + rows.length
    const cells: CellModel[] = []
    ENTRY_COLUMNS.forEach((c, i) => {
      const value = values[c.field]
      if (value === undefined || value === null) return
      const type =
        value instanceof Date ? types.Date : typeof value === 'number' ? types.Number : types.String
      cells.push({
        address: `${letters[i]}${number}`,
        type,
        value: value as string | number | Date,
        style: styles[i] ?? {},
      })
    })
    rows.push({ number, min: 1, max: ENTRY_COLUMNS.length, style: {}, cells })
  }
  dropdowns(sheet, ENTRY_COLUMNS, lists, 2 + entries.length + blankRows, {
    item: 'items',
    unit: 'units',
    kind: 'kinds',
    'meeting/body': 'bodies',
    'kpi/id': 'kpis',
  })
  return [sheet.id, rows]
}

/** Each year's end within the period, and the period's end: the days KPI values are asked for. */
function reportDays(period: { start: string; end: string }): string[] {
  const days: string[] = []
  for (
    let year = Number(period.start.slice(0, 4));
    year <= Number(period.end.slice(0, 4));
    year++
  ) {
    const end = `${year}-12-31`
    if (end >= period.start && end < period.end) days.push(end)
  }
  days.push(period.end)
  return days
}

function kpiSheet(
  book: ExcelJS.Workbook,
  words: Vocabulary,
  who: string,
  items: Plan['items'],
  period: { start: string; end: string },
  unitName: string | undefined,
): void {
  const sheet = book.addWorksheet(KPI_SHEET)
  headerRows(sheet, `${who} 指标数据(填写“填报数值”一列)`, KPI_COLUMNS)
  for (const item of items)
    for (const kpi of item.kpis)
      for (const day of reportDays(period)) {
        const row = sheet.addRow([
          kpi.id,
          kpi.measure,
          words.item(item.id),
          `${targetText(kpi.target)}${kpi.unit}`,
          asDate(day),
          null,
          unitName ?? null,
          null,
        ])
        // What the plan says is not to be changed: only value, unit and note are open.
        for (const c of [1, 2, 3, 4]) row.getCell(c).protection = { locked: true }
      }
}
