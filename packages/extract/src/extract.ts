import {
  compareDiagnostics,
  type Diagnostic,
  diagnosticFactory,
  type Locale,
  type MessageCatalogue,
  type PlanInput,
  parseOrdinal,
} from '@reformkit/model'
import { type Line, readMeta } from './meta.js'
import { type FoundTarget, findDeadlines, findTargets } from './targets.js'

type FoundComparator = FoundTarget['comparator']

import {
  type Assignment,
  isGroup,
  labelLine,
  type Role,
  splitNames,
  trailingAnnotation,
  unitKey,
} from './units.js'

export interface ExtractOptions {
  /** Named in every diagnostic's location. */
  filename?: string
  locale?: Locale
}

export interface ExtractResult {
  /** A draft plan, as `parsePlan` reads it (serialise it to plan.yaml and edit). */
  plan: PlanInput
  /** What was guessed, and what could not be read; each at its source line. */
  diagnostics: Diagnostic[]
}

/**
 * A draft plan from a reform plan's text as published (or as a Word file or a web page
 * gives it): title, issuer, date and 文号; headings at every level, which become nested
 * categories; items with their 牵头/配合 (or undifferentiated) units; numeric targets; and
 * deadlines as milestones. Never throws; every guess is a located diagnostic.
 */
export async function extractPlan(
  text: string,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const report = diagnosticFactory(extractMessages, options.locale)
  const at = (line: number) => ({
    ...(options.filename === undefined ? {} : { file: options.filename }),
    line,
  })
  const diagnostics: Diagnostic[] = []
  const lines = toLines(text)
  const meta = readMeta(lines)
  const nodes = outline(lines)
  const { items, categories } = classify(nodes)

  const registry = new UnitRegistry()
  const period = meta.period ?? { start: '2000-01-01', end: '2000-12-31' }
  const year = meta.period ? Number(meta.period.start.slice(0, 4)) : undefined
  const draftItems: NonNullable<PlanInput['items']> = []
  const usedCategories = new Set<string>()
  items.forEach((node, i) => {
    const number = i + 1
    const id = `item-${String(number).padStart(2, '0')}`
    const [title, ...rest] = sentences(node.body)
    const responsible: string[] = []
    const lead: string[] = []
    const support: string[] = []
    // 责任 beside a 牵头 is support, whether on the same line or on a line of its own.
    const hasLead = node.assignments.some((a) => a.role === 'lead')
    for (const assignment of node.assignments)
      for (const name of assignment.names) {
        const ref = registry.ref(name, node.line)
        if (!responsible.includes(ref)) responsible.push(ref)
        if (assignment.role === 'lead' && !lead.includes(ref)) lead.push(ref)
        const role = assignment.role === 'responsible' && hasLead ? 'support' : assignment.role
        if (role === 'support' && !support.includes(ref)) support.push(ref)
      }
    if (responsible.length === 0)
      diagnostics.push(
        report({ ruleId: 'extract/no-unit', severity: 'warning', location: at(node.line) }),
      )
    const targets = findTargets(node.body)
    const kpis = targets.map((t, k) => {
      if (t.guessed || (t.comparator === 'exactly' && !t.approximate))
        diagnostics.push(
          report({
            ruleId: 'extract/target-guess',
            severity: 'info',
            data: {
              written: t.written,
              measure: t.measure,
              comparator: comparatorNames[t.comparator],
            },
            location: at(node.line),
          }),
        )
      return {
        id: `${id}-k${k + 1}`,
        measure: t.measure,
        unit: t.unit,
        kind: t.kind,
        target: {
          comparator: t.comparator,
          value: t.value,
          ...(t.upper !== undefined ? { upper: t.upper } : {}),
          approximate: t.approximate,
          per: t.per,
          written: t.written,
        },
        accumulation: t.kind === 'growth' ? ('latest' as const) : ('sum' as const),
      }
    })
    const milestones = findDeadlines(`${node.body} ${node.deadline ?? ''}`, year)
      .filter((d) => d.due >= period.start && d.due <= period.end)
      .map((d, k) => ({ id: `${id}-m${k + 1}`, title: d.written, due: d.due }))
    const category = node.parent?.id ?? 'items'
    usedCategories.add(category)
    draftItems.push({
      id,
      number,
      category,
      title: title ?? node.body,
      ...(rest.length > 0 ? { text: rest.join('') } : {}),
      responsible,
      ...(lead.length > 0 ? { lead } : {}),
      ...(support.length > 0 ? { support } : {}),
      kpis,
      milestones,
    })
  })

  if (draftItems.length === 0)
    diagnostics.push(report({ ruleId: 'extract/no-items', location: at(1) }))
  if (!meta.title)
    diagnostics.push(report({ ruleId: 'extract/no-title', severity: 'warning', location: at(1) }))
  if (!meta.period || meta.period.guessed)
    diagnostics.push(
      report({
        ruleId: 'extract/period-guess',
        severity: 'warning',
        data: { start: meta.period?.start ?? '2000-01-01', end: meta.period?.end ?? '2000-12-31' },
        location: at(meta.period?.line ?? 1),
      }),
    )
  if (meta.issued?.guessed)
    diagnostics.push(
      report({
        ruleId: 'extract/date-guess',
        severity: 'info',
        data: { date: meta.issued.date },
        location: at(meta.issued.line),
      }),
    )
  for (const group of registry.groupsSeen())
    diagnostics.push(
      report({
        ruleId: 'extract/group-members',
        severity: 'warning',
        data: { name: group.name },
        location: at(group.line),
      }),
    )
  for (const [name, alias] of registry.aliases)
    diagnostics.push(
      report({ ruleId: 'extract/alias', severity: 'info', data: { name, alias }, location: at(1) }),
    )
  const draftCategories = categories
    .filter((c) => usedCategories.has(c.id) || categories.some((d) => d.parent?.id === c.id))
    .map((c) => ({
      id: c.id,
      label: c.label,
      ...(c.parent ? { parent: c.parent.id } : {}),
      ...(c.count !== undefined ? { count: c.count } : {}),
    }))
  if (usedCategories.has('items')) draftCategories.unshift({ id: 'items', label: '改革事项' })
  const units = registry.units()
  const plan: PlanInput = {
    schema: 'reformkit/plan@1',
    id: 'draft',
    title: meta.title?.text ?? '(未识别的方案标题)',
    ...(meta.issuer ? { issuer: meta.issuer } : {}),
    ...(meta.issued ? { issued: meta.issued.date } : {}),
    ...(meta.documentNumber ? { documentNumber: meta.documentNumber } : {}),
    period: { start: period.start, end: period.end },
    units: units.length > 0 ? units : [{ id: 'unit-01', name: '(待填写的责任单位)' }],
    unitGroups: registry.groups(),
    categories: draftCategories.length > 0 ? draftCategories : [{ id: 'items', label: '改革事项' }],
    items: draftItems,
  }
  return { plan, diagnostics: diagnostics.sort(compareDiagnostics) }
}

/** Lines as read: full-width forms folded (（一）→(一), ：→:), spaces folded, blank lines dropped. */
function toLines(text: string): Line[] {
  const out: Line[] = []
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  for (let i = 0; i < raw.length; i++) {
    // Spaces fold to one; tabs stay, for the cells of a tab-separated table.
    const folded = (raw[i] ?? '')
      .normalize('NFKC')
      .replace(/[^\S\t]+/g, ' ')
      .replace(/ ?\t ?/g, '\t')
      .replace(/^ | $/g, '')
    // (A tab-separated row may start with an empty cell: its leading tab is kept.)
    if (!folded.trim()) continue
    // Where the plan ends: attachments, copy lists, a web page's footer.
    if (out.length > 0 && /^(附件\s*[:：\d]|抄送|主办单位|承办单位|版权所有|备案)/.test(folded))
      break
    out.push({ n: i + 1, text: folded })
  }
  return out
}

/** The ranks of numbered lines, outermost first: 一、 (一) 1. (1) — and 第一条 as (一). */
const MARKERS: Array<{ rank: number; pattern: RegExp }> = [
  { rank: 0, pattern: /^([一二三四五六七八九十百零]+)\s*、\s*(.+)$/ },
  { rank: 1, pattern: /^\(([一二三四五六七八九十百零]+)\)\s*(.+)$/ },
  { rank: 1, pattern: /^第([一二三四五六七八九十百零]+)条\s*(.+)$/ },
  { rank: 2, pattern: /^(\d{1,3})\s*[.、]\s*(?!\d)(.+)$/ },
  { rank: 3, pattern: /^\((\d{1,3})\)\s*(.+)$/ },
  { rank: 3, pattern: /^([①-⑳])\s*(.+)$/ },
]

/** How a numbered line can start: a quick test before the patterns. */
const MARKED = /^[一二三四五六七八九十百零(第\d①-⑳]/

interface Node {
  id: string
  rank: number
  ordinal: number
  line: number
  body: string
  label: string
  count?: number
  parent?: Node
  children: Node[]
  assignments: Assignment[]
  /** A table's 时限 column. */
  deadline?: string
  isItem?: boolean
}

/** The numbered lines in a tree, each with the text and unit lines that follow it. */
function outline(lines: readonly Line[]): Node[] {
  const roots: Node[] = []
  const stack: Node[] = []
  let seq = 0
  let current: Node | undefined
  let table: TableColumns | undefined
  const open = (rank: number, ordinal: number, line: number, body: string): Node => {
    while (stack.length > 0 && (stack.at(-1) as Node).rank >= rank) stack.pop()
    const parent = stack.at(-1)
    const node: Node = {
      id: `c${++seq}`,
      rank,
      ordinal,
      line,
      body,
      label: '',
      children: [],
      assignments: [],
      ...(parent ? { parent } : {}),
    }
    if (current) absorb(current)
    ;(parent ? parent.children : roots).push(node)
    stack.push(node)
    current = node
    return node
  }
  const numbered = (text: string) =>
    MARKED.test(text)
      ? MARKERS.map((m) => ({ rank: m.rank, match: m.pattern.exec(text) })).find((m) => m.match)
      : undefined
  for (const line of lines) {
    // A table of tasks: 序号 | 任务 | 牵头单位 | 配合单位 | 时限 (| or tab separated).
    const cells = tableCells(line.text)
    if (cells) {
      const header = tableHeader(cells)
      if (header) {
        table = header
        continue
      }
      if (table) {
        const row = readRow(cells, table)
        if (row.assignments.length === 0 && !row.deadline) {
          // A row with no units is a heading of the table: 一、… / (一)… / 1 大力提振消费
          const text = /^\d+$/.test(row.number)
            ? `${row.number}.${row.task}`
            : `${row.number}${row.task}`
          const marker = numbered(text)
          if (marker?.match)
            open(
              marker.rank,
              parseOrdinal(marker.match[1] ?? '') ?? 0,
              line.n,
              marker.match[2] ?? '',
            )
          continue
        }
        const rank = /^\(\d+\)$/.test(row.number) ? 3 : /^\d+$/.test(row.number) ? 2 : 1
        const node = open(
          rank,
          parseOrdinal(row.number.replace(/[()]/g, '')) ?? 0,
          line.n,
          row.task,
        )
        node.assignments.push(...row.assignments)
        if (row.deadline) node.deadline = row.deadline
        continue
      }
    } else table = undefined
    const marker = numbered(line.text)
    if (marker?.match) {
      open(marker.rank, parseOrdinal(marker.match[1] ?? '') ?? 0, line.n, marker.match[2] ?? '')
      continue
    }
    if (!current) continue
    const labelled = labelLine(line.text)
    if (labelled === 'person') continue
    if (labelled) {
      absorb(current)
      current.assignments.push(...labelled)
      continue
    }
    // A paragraph under a numbered line continues it (its annotation is read at its end).
    current.body += line.text
  }
  if (current) absorb(current)
  return roots
}

interface TableColumns {
  number?: number
  task: number
  lead?: number
  support?: number
  responsible?: number
  deadline?: number
}

/** The cells of a table row (| or tab separated, at least three), or undefined. */
function tableCells(text: string): string[] | undefined {
  const separator = text.includes('|') ? '|' : text.includes('\t') ? '\t' : undefined
  if (!separator) return undefined
  const cells = text.split(separator).map((c) => c.trim())
  // `| a | b |` has empty ends that are no cells; an empty first cell of a tab-separated
  // row (no 序号) is one.
  if (separator === '|' && cells[0] === '') cells.shift()
  if (cells.at(-1) === '') cells.pop()
  return cells.length >= 3 ? cells : undefined
}

/** A header row: a task column and a unit column, named as tables name them. */
function tableHeader(cells: string[]): TableColumns | undefined {
  const find = (pattern: RegExp) => {
    const i = cells.findIndex((c) => pattern.test(c) && c.length <= 12)
    return i < 0 ? undefined : i
  }
  // A header names its columns in cells of their own: a heading row of the table
  // (一、牵头负责市级改革事项, across the row) names one thing in one cell.
  if (cells.filter((c) => c !== '').length < 3) return undefined
  const task = find(/任务|事项|工作内容|重点工作|目标|举措|措施/)
  const lead = find(/牵头/)
  const support = find(/配合|协办|参与/)
  const responsible = cells.findIndex((c, i) => /责任/.test(c) && i !== lead && c.length <= 12)
  if (task === undefined || (lead === undefined && support === undefined && responsible < 0))
    return undefined
  if (task === lead || task === support || task === responsible) return undefined
  const columns: TableColumns = { task }
  const number = find(/序号|编号/)
  if (number !== undefined) columns.number = number
  if (lead !== undefined) columns.lead = lead
  if (support !== undefined) columns.support = support
  if (responsible >= 0) columns.responsible = responsible
  const deadline = find(/时限|时间|期限/)
  if (deadline !== undefined) columns.deadline = deadline
  return columns
}

/** A data row: its number, task, who (names split as in the text, spaces too) and when. */
function readRow(cells: string[], columns: TableColumns) {
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim())
  const names = (i: number | undefined) =>
    cell(i)
      .split(/\s+/)
      .flatMap((part) => splitNames(part))
  const assignments: Assignment[] = []
  const hasLead = cell(columns.lead) !== ''
  const push = (role: Role, list: string[]) =>
    list.length > 0 && assignments.push({ role, names: list })
  push('lead', names(columns.lead))
  push(hasLead ? 'support' : 'responsible', names(columns.responsible))
  push('support', names(columns.support))
  return {
    number: cell(columns.number),
    task: cell(columns.task),
    assignments,
    deadline: cell(columns.deadline),
  }
}

/** Take a trailing unit annotation and a 共N项 count out of a node's text (once it is whole). */
function absorb(node: Node): void {
  const annotated = trailingAnnotation(node.body)
  if (annotated) {
    node.body = annotated.text
    node.assignments.push(...annotated.assignments)
  }
  const count = /[(（]\s*共?\s*(\d+)\s*项\s*[)）]\s*$/.exec(node.body)
  node.label = node.body
    .replace(/[(（]\s*共?\s*\d+\s*项\s*[)）]\s*$/, '')
    .replace(/[。:：]$/, '')
    .trim()
  if (count) node.count = Number(count[1])
}

/**
 * Items and categories: a numbered line that names units is an item; one that does not is
 * an item too when most of its siblings are (a plan may leave one without units); the
 * others are headings, and a heading with items beneath is a category.
 */
function classify(roots: Node[]): { items: Node[]; categories: Node[] } {
  const all: Node[] = []
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      all.push(node)
      walk(node.children)
    }
  }
  walk(roots)
  for (const node of all) node.isItem = node.assignments.length > 0
  for (const node of all) {
    if (node.isItem || node.children.some((c) => c.isItem)) continue
    const siblings = node.parent ? node.parent.children : roots
    const named = siblings.filter((s) => s.assignments.length > 0).length
    if (named > 0 && named * 2 >= siblings.length && node.body.length >= 8) node.isItem = true
  }
  const items = all.filter((n) => n.isItem)
  const categories = all.filter((n) => !n.isItem && hasItemBelow(n))
  const isCategory = new Set(categories)
  // An item's category is its nearest heading that is a category.
  for (const item of items) {
    let parent = item.parent
    while (parent?.isItem) parent = parent.parent
    if (parent) item.parent = parent
    else delete item.parent
  }
  for (const category of categories) {
    let parent = category.parent
    while (parent && !isCategory.has(parent)) parent = parent.parent
    if (parent) category.parent = parent
    else delete category.parent
  }
  return { items, categories }
}

const hasItemBelow = (node: Node): boolean => node.children.some((c) => c.isItem || hasItemBelow(c))

/** Sentences of a text, each with its full stop: the first is an item's title. */
function sentences(text: string): string[] {
  const parts = text.match(/[^。]+。?/g) ?? [text]
  const [first = '', ...rest] = parts
  return [first.replace(/。$/, ''), ...rest]
}

/** Units and unit groups by name, one id each; a second spelling becomes an alias. */
class UnitRegistry {
  readonly #units: Array<{ id: string; name: string; aliases: string[] }> = []
  readonly #groups: Array<{ id: string; name: string; line: number }> = []
  readonly #byKey = new Map<string, string>()
  readonly aliases: Array<[string, string]> = []

  ref(name: string, line: number): string {
    if (isGroup(name)) {
      const known = this.#groups.find((g) => g.name === name)
      if (known) return known.id
      const id = `group-${String(this.#groups.length + 1).padStart(2, '0')}`
      this.#groups.push({ id, name, line })
      return id
    }
    const key = unitKey(name)
    const id = this.#byKey.get(key)
    if (id) {
      const unit = this.#units.find((u) => u.id === id)
      if (unit && unit.name !== name && !unit.aliases.includes(name)) {
        unit.aliases.push(name)
        this.aliases.push([unit.name, name])
      }
      return id
    }
    const fresh = `unit-${String(this.#units.length + 1).padStart(2, '0')}`
    this.#units.push({ id: fresh, name, aliases: [] })
    this.#byKey.set(key, fresh)
    return fresh
  }

  units() {
    return this.#units.map((u) => (u.aliases.length ? u : { id: u.id, name: u.name }))
  }

  /**
   * Groups with the units they stand for left for the office to fill (a plan rarely lists
   * them): the first unit stands in, so the draft validates, and a warning says so.
   */
  /** The groups named, each with the line it was first named on. */
  groupsSeen(): ReadonlyArray<{ name: string; line: number }> {
    return this.#groups
  }

  groups() {
    const first = this.#units[0]?.id ?? 'unit-01'
    return this.#groups.map(({ id, name }) => ({ id, name, members: [first] }))
  }
}

const comparatorNames: Record<FoundComparator, { zh: string; en: string }> = {
  atLeast: { zh: '不少于该数', en: 'at least' },
  atMost: { zh: '不超过该数', en: 'at most' },
  exactly: { zh: '等于该数', en: 'exactly' },
  range: { zh: '区间', en: 'a range' },
}

export type { Role }

export const extractMessages = {
  'extract/no-items': {
    zh: '没有找到改革事项:没有带责任单位的编号条目(如“(一)……(责任单位:……)”)',
    en: 'No items found: no numbered entry names its units (such as "(一)…(责任单位:…)")',
  },
  'extract/no-unit': {
    zh: '这一事项没有写明责任单位;草稿中 responsible 为空,请补上',
    en: 'This item names no unit; its responsible list is empty in the draft: fill it in',
  },
  'extract/no-title': {
    zh: '没有找到方案标题;草稿中的标题请改为原文',
    en: 'No title found; replace the draft title with the plan’s own',
  },
  'extract/period-guess': {
    zh: '方案期限按 {{start}} 至 {{end}} 填写(标题中没有年份);请核对',
    en: 'The period is set to {{start}} to {{end}} (the title gives no year); check it',
  },
  'extract/date-guess': {
    zh: '印发日期按 {{date}} 读取(原文缺少“年”“月”“日”);请核对',
    en: 'The date of issue is read as {{date}} (the text lacks 年月日); check it',
  },
  'extract/target-guess': {
    zh: '指标“{{written}}”按“{{measure}}”({{comparator}})读取;请核对指标名称和比较方式',
    en: 'Target "{{written}}" is read as {{measure}}, {{comparator}}; check the measure and comparator',
  },
  'extract/group-members': {
    zh: '“{{name}}”是集合名称,草稿把它作为单位组,成员暂以第一个单位代替;请在 unitGroups 中填上它包括的单位',
    en: '"{{name}}" is a collective name: the draft makes it a unit group with the first unit standing in as its member; list its units in unitGroups',
  },
  'extract/alias': {
    zh: '“{{alias}}”与“{{name}}”视为同一单位(作为别名)',
    en: '"{{alias}}" is taken as "{{name}}" (kept as an alias)',
  },
} satisfies MessageCatalogue
