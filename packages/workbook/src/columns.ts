import { toHalfWidthHeader } from './header.js'

/** A column of the entries sheet: the entry field it holds and the headers it goes by. */
export interface Column {
  /** The field, as a path into the entry: `date`, `kpi/value`. */
  field: string
  zh: string
  en: string
  /** Other headers people write for it (matched after folding width and spaces). */
  aliases: readonly string[]
  required?: boolean
  type?: 'date' | 'number'
  /** Width in characters, wide enough for its Chinese header and usual content. */
  width: number
  /** Written by reformkit and read back, not for people (hidden in the template). */
  hidden?: boolean
}

/** The columns of the 台账 sheet, in order. */
export const ENTRY_COLUMNS: readonly Column[] = [
  { field: 'id', zh: '编号', en: 'ID', aliases: ['材料编号', 'id'], width: 22 },
  {
    field: 'item',
    zh: '改革事项',
    en: 'Item',
    aliases: ['事项', '改革任务', '任务', '重点任务', 'item'],
    required: true,
    width: 34,
  },
  {
    field: 'unit',
    zh: '填报单位',
    en: 'Unit',
    aliases: ['单位', '责任单位', '报送单位', 'unit'],
    required: true,
    width: 16,
  },
  {
    field: 'kind',
    zh: '材料类型',
    en: 'Kind',
    aliases: ['类型', '材料类别', 'kind'],
    required: true,
    width: 14,
  },
  {
    field: 'date',
    zh: '日期',
    en: 'Date',
    aliases: ['材料日期', '时间', '印发日期', '会议日期', 'date'],
    required: true,
    type: 'date',
    width: 13,
  },
  {
    field: 'title',
    zh: '材料标题',
    en: 'Title',
    aliases: ['标题', '材料名称', '名称', 'title'],
    required: true,
    width: 40,
  },
  { field: 'issuer', zh: '发文单位', en: 'Issuer', aliases: ['出具单位', 'issuer'], width: 16 },
  {
    field: 'documentNumber',
    zh: '文号',
    en: 'Document number',
    aliases: ['发文字号', '文件编号'],
    width: 20,
  },
  { field: 'meeting/body', zh: '会议机构', en: 'Meeting body', aliases: ['决策机构'], width: 14 },
  { field: 'meeting/session', zh: '会次', en: 'Session', aliases: ['会议届次', '会议'], width: 18 },
  { field: 'kpi/id', zh: '指标', en: 'KPI', aliases: ['指标编号', '指标名称'], width: 14 },
  {
    field: 'kpi/value',
    zh: '指标数值',
    en: 'KPI value',
    aliases: ['数值', '完成值'],
    type: 'number',
    width: 12,
  },
  {
    field: 'kpi/asOf',
    zh: '数据截至',
    en: 'As of',
    aliases: ['截至日期', '统计截至'],
    type: 'date',
    width: 13,
  },
  { field: 'milestone', zh: '节点', en: 'Milestone', aliases: ['时间节点', '里程碑'], width: 14 },
  { field: 'bonus/reason', zh: '加分事由', en: 'Bonus reason', aliases: ['加分理由'], width: 20 },
  {
    field: 'bonus/points',
    zh: '加分分值',
    en: 'Bonus points',
    aliases: ['加分'],
    type: 'number',
    width: 10,
  },
  {
    field: 'attachments',
    zh: '附件',
    en: 'Attachments',
    aliases: ['附件路径', '佐证材料'],
    width: 36,
  },
  { field: 'note', zh: '备注', en: 'Note', aliases: ['说明'], width: 24 },
  {
    field: 'attachmentFacts',
    zh: '附件校验(勿改)',
    en: 'Attachment facts (do not edit)',
    aliases: [],
    hidden: true,
    width: 10,
  },
]

/** The columns of the 指标 sheet: one row per KPI and reporting day, values to fill. */
export const KPI_COLUMNS: readonly Column[] = [
  { field: 'kpi/id', zh: '指标编号', en: 'KPI', aliases: ['指标'], required: true, width: 22 },
  { field: 'measure', zh: '指标名称', en: 'Measure', aliases: [], width: 30 },
  { field: 'item', zh: '改革事项', en: 'Item', aliases: ['事项'], width: 30 },
  { field: 'target', zh: '目标', en: 'Target', aliases: ['目标值'], width: 22 },
  {
    field: 'kpi/asOf',
    zh: '数据截至',
    en: 'As of',
    aliases: ['截至日期', '日期'],
    required: true,
    type: 'date',
    width: 13,
  },
  {
    field: 'kpi/value',
    zh: '填报数值',
    en: 'Value',
    aliases: ['指标数值', '数值', '完成值'],
    type: 'number',
    required: true,
    width: 12,
  },
  { field: 'unit', zh: '填报单位', en: 'Unit', aliases: ['单位'], width: 16 },
  { field: 'note', zh: '备注', en: 'Note', aliases: ['说明'], width: 24 },
]

/**
 * Which column of `columns` each cell of a header row is, by its text: the Chinese or
 * English header, or an alias, folded (full-width, spaces, a required mark `*`, 必填).
 * `overrides` maps a field to the header a table uses for it.
 */
export function matchHeader(
  cells: readonly string[],
  columns: readonly Column[],
  overrides: Readonly<Record<string, string>> = {},
): Map<number, Column> {
  const byName = new Map(headerNames(columns))
  for (const [field, header] of Object.entries(overrides)) {
    const column = columns.find((c) => c.field === field)
    if (column) byName.set(toHalfWidthHeader(header), column)
  }
  const found = new Map<number, Column>()
  const taken = new Set<Column>()
  cells.forEach((cell, i) => {
    // Headers are short: a long cell is data, not worth folding.
    const column = cell.length <= MAX_HEADER ? byName.get(toHalfWidthHeader(cell)) : undefined
    if (column && !taken.has(column)) {
      found.set(i, column)
      taken.add(column)
    }
  })
  return found
}

const MAX_HEADER = 40
const namesOf = new WeakMap<readonly Column[], Map<string, Column>>()

/** Every folded header name of `columns` → its column (the first column to claim a name wins). */
export function headerNames(columns: readonly Column[]): ReadonlyMap<string, Column> {
  let names = namesOf.get(columns)
  if (!names) {
    names = new Map()
    for (const column of columns)
      for (const name of [column.zh, column.en, ...column.aliases]) {
        const folded = toHalfWidthHeader(name)
        if (!names.has(folded)) names.set(folded, column)
      }
    namesOf.set(columns, names)
  }
  return names
}
