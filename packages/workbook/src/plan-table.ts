import { type ExtractResult, extractPlan } from '@reformkit/extract'
import {
  cellReference,
  compareDiagnostics,
  type Diagnostic,
  diagnosticFactory,
  formatOrdinal,
  type Plan,
} from '@reformkit/model'
import { workbookBytes } from '@reformkit/report'
import { type Column, matchHeader } from './columns.js'
import { workbookMessages } from './messages.js'
import { locatedIn, type ReadWorkbookOptions, readWorkbook } from './read.js'
import { cellText, fillMerges, type Sheet } from './sheet.js'
import { printedLandscape } from './template.js'

/** The columns of a 重点任务分解表, as plans distribute them. */
export const PLAN_TABLE_COLUMNS: readonly Column[] = [
  { field: 'number', zh: '序号', en: 'No.', aliases: ['编号'], width: 7 },
  {
    field: 'task',
    zh: '重点任务',
    en: 'Task',
    aliases: [
      '任务',
      '改革任务',
      '工作任务',
      '主要任务',
      '重点工作',
      '改革事项',
      '事项',
      '工作内容',
      '具体举措',
      '主要举措',
      '任务内容',
    ],
    required: true,
    width: 60,
  },
  {
    field: 'lead',
    zh: '牵头单位',
    en: 'Lead units',
    aliases: ['牵头部门', '牵头责任单位', '主责单位', '牵头'],
    width: 22,
  },
  {
    field: 'support',
    zh: '配合单位',
    en: 'Supporting units',
    aliases: ['配合部门', '协办单位', '参与单位', '配合'],
    width: 28,
  },
  {
    field: 'responsible',
    zh: '责任单位',
    en: 'Responsible units',
    aliases: ['责任部门'],
    width: 24,
  },
  {
    field: 'deadline',
    zh: '完成时限',
    en: 'Deadline',
    aliases: ['时间节点', '完成时间', '时限', '时间安排', '进度安排'],
    width: 18,
  },
]

export interface ImportPlanTableOptions extends ReadWorkbookOptions {
  /** A table's own header for a column: `{ task: '改革内容', lead: '主办单位' }`. */
  columns?: Partial<
    Record<'number' | 'task' | 'lead' | 'support' | 'responsible' | 'deadline', string>
  >
}

/**
 * A draft plan from a 任务分解表 (XLSX or CSV): 序号 | 重点任务 | 牵头单位 | 配合单位 |
 * 完成时限, columns found by their headers (or named in `columns`), rows without units
 * read as the headings they are, text above the table as the plan's title. The table goes
 * through the same reading as a published plan's text (`extractPlan`): units split and
 * unified, targets and deadlines found; each finding points at its row's task cell.
 */
export async function importPlanTable(
  bytes: Uint8Array,
  options: ImportPlanTableOptions = {},
): Promise<ExtractResult> {
  const read = readWorkbook(bytes, options)
  const found = (read.sheets ?? [])
    .map((sheet) => ({ sheet, header: findHeader(sheet, options.columns) }))
    .find((t) => t.header !== undefined)
  if (!found?.header) {
    const report = diagnosticFactory(workbookMessages, options.locale)
    const empty = await extractPlan('', options.locale ? { locale: options.locale } : {})
    const none = report({
      ruleId: 'workbook/no-plan-table',
      location: locatedIn(options.filename)(),
    })
    return {
      plan: empty.plan,
      diagnostics: read.sheets ? [...read.diagnostics, none] : read.diagnostics,
    }
  }
  const { sheet, header } = found
  fillMerges(sheet, header.row)
  // The table as the text a published plan gives: one `| a | b |` line per row, the
  // columns in the order and under the names the extractor knows.
  const lines: string[] = []
  const rowOf: number[] = []
  const push = (text: string, row: number) => {
    lines.push(text)
    rowOf.push(row)
  }
  const flat = (r: number, c: number | undefined) =>
    c === undefined
      ? ''
      : cellText(sheet.rows[r]?.[c])
          .replace(/\s*\n\s*/g, '')
          .replace(/[|｜]/g, '¦')
          .trim()
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  for (let r = 1; r < header.row; r++) {
    const text = (sheet.rows[r] ?? []).map((cell) => cellText(cell).trim()).filter(Boolean)
    if (text.length > 0) push(text.join(' '), r)
  }
  const fields = PLAN_TABLE_COLUMNS.map((c) => c.field)
  push(row(PLAN_TABLE_COLUMNS.map((c) => c.zh)), header.row)
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = fields.map((field) => flat(r, header.columns.get(field)))
    if (cells.every((c) => c === '')) continue
    // A heading merged across the row: its text in whichever cell holds it.
    const [number = '', task = ''] = cells
    if (task === '' && number === '') cells[0] = cells.find((c) => c !== '') ?? ''
    push(row(cells), r)
  }
  const taskColumn = header.columns.get('task') ?? 1
  const extracted = await extractPlan(
    lines.join('\n'),
    options.locale ? { locale: options.locale } : {},
  )
  const diagnostics: Diagnostic[] = [
    ...read.diagnostics,
    ...extracted.diagnostics.map((d) => {
      const { line, ...rest } = d.location
      const row = line === undefined ? undefined : rowOf[line - 1]
      d.location = {
        ...rest,
        ...(options.filename === undefined ? {} : { file: options.filename }),
        sheet: sheet.name,
        ...(row === undefined ? {} : { cell: cellReference(row, taskColumn) }),
      }
      return d
    }),
  ]
  return { plan: extracted.plan, diagnostics: diagnostics.sort(compareDiagnostics) }
}

const HEADER_ROWS_SEARCHED = 30

/** The header row of a task table: a task column and a column of units. */
function findHeader(
  sheet: Sheet,
  overrides: ImportPlanTableOptions['columns'] = {},
): { row: number; columns: Map<string, number> } | undefined {
  const last = Math.min(sheet.rows.length - 1, HEADER_ROWS_SEARCHED)
  for (let r = 1; r <= last; r++) {
    const cells = (sheet.rows[r] ?? []).map((cell) => cellText(cell))
    const found = matchHeader(cells, PLAN_TABLE_COLUMNS, overrides as Record<string, string>)
    const columns = new Map([...found].map(([i, c]) => [c.field, i]))
    if (columns.has('task') && ['lead', 'support', 'responsible'].some((f) => columns.has(f)))
      return { row: r, columns }
  }
  return undefined
}

export interface ExportPlanTableOptions {
  /** When the file is dated: the same date, the same bytes. Default now. */
  date?: Date
}

/**
 * A plan as its 任务分解表 (XLSX): the title, then 序号 | 重点任务 | 牵头单位 | 配合单位 |
 * 责任单位 | 完成时限, each category a heading row across the table, each item a row with
 * its units by name (a unit group by its one name) and its milestones as deadlines.
 * `importPlanTable` reads it back to the same items, units and deadlines.
 */
export async function exportPlanTable(
  plan: Plan,
  options: ExportPlanTableOptions = {},
): Promise<Uint8Array> {
  // exceljs is large: it loads when a workbook is first written, not with the import.
  const { default: Excel } = await import('exceljs')
  const book = new Excel.Workbook()
  book.creator = 'reformkit'
  const sheet = book.addWorksheet('任务分解表')
  sheet.columns = PLAN_TABLE_COLUMNS.map((c) => ({
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'middle' } },
  }))
  const width = PLAN_TABLE_COLUMNS.length
  const title = sheet.addRow([plan.title])
  title.font = { bold: true, size: 14 }
  sheet.mergeCells(1, 1, 1, width)
  const header = sheet.addRow(PLAN_TABLE_COLUMNS.map((c) => c.zh))
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
  })
  const names = new Map<string, string>([
    ...plan.units.map((u): [string, string] => [u.id, u.name]),
    ...plan.unitGroups.map((g): [string, string] => [g.id, g.name]),
  ])
  const list = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join('、')
  const depth = (id: string): number => {
    const parent = plan.categories.find((c) => c.id === id)?.parent
    return parent === undefined ? 0 : 1 + depth(parent)
  }
  const counters = new Map<string | undefined, number>()
  const headed = new Set<string>()
  const heading = (id: string) => {
    const category = plan.categories.find((c) => c.id === id)
    if (!category || headed.has(id)) return
    if (category.parent !== undefined) heading(category.parent)
    headed.add(id)
    const n = (counters.get(category.parent) ?? 0) + 1
    counters.set(category.parent, n)
    const style = depth(id) === 0 ? 'comma' : 'paren'
    const row = sheet.addRow([`${formatOrdinal(n, style)}${category.label}`])
    sheet.mergeCells(row.number, 1, row.number, width)
    row.font = { bold: true }
  }
  plan.items.forEach((item, i) => {
    heading(item.category)
    const lead = item.lead ?? []
    const support = item.support ?? []
    const split = lead.length > 0 || support.length > 0
    sheet.addRow([
      i + 1,
      item.text
        ? `${item.title}${/[。；;！!？?]$/.test(item.title) ? '' : '。'}${item.text}`
        : item.title,
      split ? list(lead) : '',
      split ? list(support) : '',
      split ? '' : list(item.responsible),
      item.milestones.map((m) => dueText(m.due)).join(';'),
    ])
  })
  printedLandscape(sheet, '2:2')
  return workbookBytes(book, options.date ?? new Date())
}

/** A due day as a plan writes it: 2025年6月底前 for a month's end, else 2025年6月15日前. */
function dueText(due: string): string {
  const [y, m, d] = due.split('-').map(Number) as [number, number, number]
  const monthEnd = new Date(Date.UTC(y, m, 0)).getUTCDate() === d
  return monthEnd ? `${y}年${m}月底前` : `${y}年${m}月${d}日前`
}
