import type { LedgerConfig, LedgerEntry } from '@reformkit/ledger'
import { ENTRY_KINDS, entryKindLabels, targetData } from '@reformkit/ledger'
import type { Category, Diagnostic, LocalizedMessage, Plan } from '@reformkit/model'
import { compareText, formatOrdinal } from '@reformkit/model'
import type { ReportConfigInput } from '../config/config.js'
import { computeViews, unitRoles } from '../views/compute.js'
import type { ItemStatus, ItemView, PlanViews, ScoreLine, UnitRole } from '../views/types.js'
import {
  type Cell,
  type Column,
  REPORT_SCHEMA_TAG,
  type ReportKind,
  type ReportModel,
  type Section,
  type Table,
} from './model.js'

export interface BuildReportOptions {
  plan: Plan
  entries: readonly LedgerEntry[]
  diagnostics?: readonly Diagnostic[]
  asOf: string
  kind: ReportKind
  config?: ReportConfigInput
  ledgerConfig?: LedgerConfig
  /** Views already computed for the same input (several reports at once). */
  views?: PlanViews
}

/** The parts of an item's score, as the assessment table heads them. */
export const scorePartLabels: Record<ScoreLine['part'], LocalizedMessage> = {
  decisionProcedure: { zh: '决策程序', en: 'Decision' },
  outcomeMaterials: { zh: '成果材料', en: 'Outcome' },
  supervision: { zh: '督办', en: 'Supervision' },
  progress: { zh: '推进', en: 'Progress' },
  kpiAttainment: { zh: '指标', en: 'KPIs' },
}

export const statusLabels: Record<ItemStatus, LocalizedMessage> = {
  notStarted: { zh: '未启动', en: 'not started' },
  inProgress: { zh: '推进中', en: 'in progress' },
  done: { zh: '已完成', en: 'done' },
  overdue: { zh: '已逾期', en: 'overdue' },
  atRisk: { zh: '滞后', en: 'at risk' },
}

const titles: Record<ReportKind, LocalizedMessage> = {
  progress: { zh: '改革事项督办进展情况', en: 'Progress of the reform items' },
  assessment: { zh: '改革工作考核评分表', en: 'Assessment scores' },
  kpi: { zh: '量化指标完成情况', en: 'KPI targets and actuals' },
  'ledger-index': { zh: '台账目录', en: 'Ledger index' },
}

const col = (
  key: string,
  zh: string,
  en: string,
  type: Column['type'] = 'text',
  width = 10,
): Column => ({
  key,
  label: { zh, en },
  type,
  width,
})
const both = (zh: string, en: string): LocalizedMessage => ({ zh, en })
const join = (parts: LocalizedMessage[], zh = ';', en = '; '): LocalizedMessage => ({
  zh: parts.map((p) => p.zh).join(zh),
  en: parts.map((p) => p.en).join(en),
})
/** （一）（三） / (1) (3) */
const ordinals = (items: ReadonlyArray<{ number: number }>): LocalizedMessage => ({
  zh: items.map((i) => formatOrdinal(i.number)).join(''),
  en: items.map((i) => `(${i.number})`).join(' '),
})
/**
 * An item's 责任单位 as the plan names them, a group as one name: 牵头:A;配合:B、各区 where
 * the plan gives roles, else A、B、各园区.
 */
function unitNames(view: ItemView): LocalizedMessage {
  const names = (role: UnitRole) =>
    view.responsible.filter((r) => r.role === role).map((r) => r.name)
  const [lead, support, plain] = [names('lead'), names('support'), names('responsible')]
  if (lead.length + support.length === 0) return both(plain.join('、'), plain.join(', '))
  const parts: Array<[string, string, string[]]> = [
    ['牵头', 'lead', lead],
    ['配合', 'support', support],
    ['责任', 'responsible', plain],
  ]
  const shown = parts.filter(([, , list]) => list.length > 0)
  return both(
    shown.map(([zh, , list]) => `${zh}:${list.join('、')}`).join(';'),
    shown.map(([, en, list]) => `${en}: ${list.join(', ')}`).join('; '),
  )
}

const roleLabels: Record<UnitRole, LocalizedMessage> = {
  lead: both('牵头', 'lead'),
  support: both('配合', 'support'),
  responsible: both('责任单位', 'responsible'),
}

/**
 * Build a report as plain data (ReportModel), ready for any renderer. Pure and
 * browser-safe; the same input and asOf give the same model.
 */
export function buildReport(options: BuildReportOptions): ReportModel {
  const views =
    options.views ??
    computeViews({
      plan: options.plan,
      entries: options.entries,
      diagnostics: options.diagnostics ?? [],
      asOf: options.asOf,
      ...(options.config ? { config: options.config } : {}),
      ...(options.ledgerConfig ? { ledgerConfig: options.ledgerConfig } : {}),
    })
  const { plan } = options
  const base: Omit<ReportModel, 'summary' | 'sections'> = {
    schema: REPORT_SCHEMA_TAG,
    kind: options.kind,
    title: titles[options.kind],
    plan: {
      id: plan.id,
      title: plan.title,
      ...(plan.issuer ? { issuer: plan.issuer } : {}),
      period: { start: plan.period.start, end: plan.period.end },
    },
    asOf: options.asOf,
  }
  const build = { progress, assessment, kpi, 'ledger-index': ledgerIndex }[options.kind]
  return { ...base, ...build(views) }
}

function overview(views: PlanViews): LocalizedMessage {
  const { byLight, byStatus, items } = views
  return both(
    `截至 ${views.asOf},共 ${items.length} 项改革事项:已完成 ${byStatus.done} 项,推进中 ${byStatus.inProgress} 项,滞后 ${byStatus.atRisk} 项,逾期 ${byStatus.overdue} 项,未启动 ${byStatus.notStarted} 项;红灯 ${byLight.red}、黄灯 ${byLight.yellow}、蓝灯 ${byLight.blue}、绿灯 ${byLight.green}。序时进度 ${Math.round(views.elapsed * 100)}%。`,
    `As of ${views.asOf}, ${items.length} reform items: ${byStatus.done} done, ${byStatus.inProgress} in progress, ${byStatus.atRisk} at risk, ${byStatus.overdue} overdue, ${byStatus.notStarted} not started; lights red ${byLight.red}, yellow ${byLight.yellow}, blue ${byLight.blue}, green ${byLight.green}. Time elapsed ${Math.round(views.elapsed * 100)}%.`,
  )
}

/**
 * One section per category, in the plan's order and nesting: 一、 for the top level, （一）
 * beneath, then 1. — each counting the items beneath it, sub-categories included, and
 * tabling the items that sit directly in it.
 */
function byCategory(views: PlanViews, table: (items: ItemView[]) => Table): Section[] {
  const { categories } = views.plan
  const known = new Set(categories.map((c) => c.id))
  const children = new Map<string, Category[]>()
  for (const category of categories) {
    const parent =
      category.parent !== undefined && known.has(category.parent) ? category.parent : ''
    children.set(parent, [...(children.get(parent) ?? []), category])
  }
  const own = new Map<string, ItemView[]>()
  for (const view of views.items)
    own.set(view.item.category, [...(own.get(view.item.category) ?? []), view])
  const count = (id: string): number =>
    (own.get(id)?.length ?? 0) + (children.get(id) ?? []).reduce((sum, c) => sum + count(c.id), 0)
  const sections: Section[] = []
  const walk = (parent: string, depth: number) =>
    (children.get(parent) ?? []).forEach((category, i) => {
      const n = i + 1
      const [zh, en] =
        depth === 0
          ? [`${formatOrdinal(n, 'plain')}、`, `${n}. `]
          : depth === 1
            ? [formatOrdinal(n), `(${n}) `]
            : [`${n}.`, `${n}. `]
      const items = own.get(category.id) ?? []
      const total = count(category.id)
      sections.push({
        id: `category-${category.id}`,
        heading: both(`${zh}${category.label}(${total} 项)`, `${en}${category.label} (${total})`),
        level: depth === 0 ? 1 : 2,
        paragraphs: [],
        ...(items.length > 0 ? { table: table(items) } : {}),
      })
      walk(category.id, depth + 1)
    })
  walk('', 0)
  return sections
}

function progress(views: PlanViews): Pick<ReportModel, 'summary' | 'sections'> {
  const columns = [
    col('no', '序号', 'No.', 'text', 6),
    col('item', '改革事项', 'Item', 'text', 24),
    col('units', '责任单位', 'Responsible units', 'text', 18),
    col('status', '状态', 'Status', 'text', 8),
    col('light', '灯号', 'Light', 'light', 6),
    col('reasons', '说明', 'Why', 'text', 30),
    col('done', '已报材料', 'Materials filed', 'text', 24),
    col('latest', '最近进展', 'Latest progress', 'text', 24),
    col('next', '下一节点', 'Next milestone', 'text', 16),
  ]
  const sections = byCategory(views, (items) => ({
    columns,
    rows: items.map((view) => {
      const latest = view.materials.find((m) => m.kind === 'progress')?.entries.at(-1)
      const next = view.milestones.find((m) => m.state !== 'reached')
      return {
        no: ordinals([view.item]),
        item: view.item.title,
        units: unitNames(view),
        status: statusLabels[view.status],
        light: { light: view.light },
        reasons: join(view.reasons.map((r) => r.message)),
        done: join(
          view.materials
            .filter((m) => m.entries.length > 0)
            .map((m) =>
              both(
                `${entryKindLabels[m.kind].zh}${m.entries.length}`,
                `${entryKindLabels[m.kind].en} ${m.entries.length}`,
              ),
            ),
          '、',
          ', ',
        ),
        latest: latest ? `${latest.date} ${latest.title}` : '—',
        next: next ? `${next.milestone.due} ${next.milestone.title}` : '—',
      } satisfies Record<string, Cell>
    }),
  }))
  return { summary: [overview(views)], sections }
}

function assessment(views: PlanViews): Pick<ReportModel, 'summary' | 'sections'> {
  const ranking: Section = {
    id: 'units',
    heading: both('一、单位得分排名', '1. Units, ranked'),
    level: 1,
    paragraphs: [
      both(
        '单位得分为其负责事项得分的加权平均(牵头、配合按评分细则的权重;本单位未就该事项报送材料的,该事项计 0 分),加上本单位有证明的加分、减去本单位台账问题的扣分(均有上限);明细见第三部分。没有报送任何材料的单位得 0 分。',
        "A unit's score is the weighted mean of its items' scores (lead and support weighted by the rubric; an item the unit filed nothing for counts 0 for it), plus its bonus points with proof, minus points for problems in its own ledger (each capped); section 3 lists every line. A unit that filed nothing scores 0.",
      ),
    ],
    table: {
      columns: [
        col('rank', '名次', 'Rank', 'number', 6),
        col('unit', '单位', 'Unit', 'text', 20),
        col('score', '得分', 'Score', 'number', 8),
        col('base', '事项加权分', 'Items, weighted', 'number', 10),
        col('bonus', '加分', 'Bonus', 'number', 6),
        col('deduction', '扣分', 'Deduction', 'number', 6),
        col('items', '负责事项', 'Items', 'text', 20),
        col('silent', '未报材料的事项', 'Items without its filings', 'text', 20),
      ],
      rows: [...views.units]
        .sort((a, b) => a.rank - b.rank)
        .map((u) => ({
          rank: u.rank,
          unit: u.unit.name,
          score: u.score,
          base: u.base,
          bonus: u.bonus,
          deduction: u.deduction,
          items: ordinals(u.items),
          silent: u.silentItems.length > 0 ? ordinals(u.silentItems) : '—',
        })),
    },
  }
  const items: Section = {
    id: 'items',
    heading: both('二、事项得分', '2. Items'),
    level: 1,
    paragraphs: [],
    table: {
      columns: [
        col('no', '序号', 'No.', 'text', 6),
        col('item', '改革事项', 'Item', 'text', 22),
        col(
          'decisionProcedure',
          scorePartLabels.decisionProcedure.zh,
          scorePartLabels.decisionProcedure.en,
          'number',
          8,
        ),
        col(
          'outcomeMaterials',
          scorePartLabels.outcomeMaterials.zh,
          scorePartLabels.outcomeMaterials.en,
          'number',
          8,
        ),
        col(
          'supervision',
          scorePartLabels.supervision.zh,
          scorePartLabels.supervision.en,
          'number',
          8,
        ),
        col('progress', scorePartLabels.progress.zh, scorePartLabels.progress.en, 'number', 8),
        col(
          'kpiAttainment',
          scorePartLabels.kpiAttainment.zh,
          scorePartLabels.kpiAttainment.en,
          'number',
          8,
        ),
        col('bonus', '加分', 'Bonus', 'number', 6),
        col('deduction', '扣分', 'Deduction', 'number', 6),
        col('total', '总分', 'Total', 'number', 8),
        col('why', '失分说明', 'Where points were lost', 'text', 36),
      ],
      rows: views.items.map((view) => {
        const row: Record<string, Cell> = {
          no: ordinals([view.item]),
          item: view.item.title,
          decisionProcedure: null,
          outcomeMaterials: null,
          supervision: null,
          progress: null,
          kpiAttainment: null,
          bonus: view.score.bonus,
          deduction: view.score.deduction,
          total: view.score.total,
        }
        for (const line of view.score.lines) row[line.part] = line.points
        const lost = view.score.lines.filter((l) => l.points < l.max).map((l) => l.reason)
        const deducted = view.score.deductions.map((d) =>
          both(`${d.diagnostic.ruleId} −${d.points}`, `${d.diagnostic.ruleId} −${d.points}`),
        )
        row.why = lost.length + deducted.length > 0 ? join([...lost, ...deducted]) : '—'
        return row
      }),
    },
  }
  return {
    summary: [
      both(
        `考核基准日 ${views.asOf}。各事项满分 100 分:决策程序、成果材料、督办、推进材料、量化指标中适用的部分按评分细则计分(要求未规定的部分和无指标事项的指标部分不计,其余折算为 100 分),另计加分与扣分。`,
        `Assessed on ${views.asOf}. Each item is scored out of 100 by the rubric on the parts that apply (decision procedure, outcome materials, supervision, progress evidence, KPIs; a part the requirements do not ask for, or KPIs of an item without any, is left out and the rest scaled to 100), plus bonus, minus deductions.`,
      ),
    ],
    sections: [ranking, items, unitLines(views)],
  }
}

/** Section 3 of the assessment: each unit's score line by line, and what was deducted. */
function unitLines(views: PlanViews): Section {
  const units = [...views.units].sort((a, b) => a.rank - b.rank)
  // Every row with every column, made once (a province's units have tens of thousands).
  const row = (unit: string, line: Cell, points: number, more?: Record<string, Cell>) => ({
    role: null,
    weight: null,
    itemBase: null,
    filed: null,
    ...more,
    unit,
    line,
    points,
  })
  const rows: Array<Record<string, Cell>> = []
  for (const u of units) {
    for (const line of u.lines)
      rows.push(
        row(
          u.unit.name,
          join([ordinals([line.item]), both(line.item.title, line.item.title)], '', ' '),
          line.points,
          {
            role: roleLabels[line.role],
            weight: line.weight,
            itemBase: line.itemBase,
            filed: line.filed,
          },
        ),
      )
    if (u.bonus > 0)
      rows.push(row(u.unit.name, both('加分(附证明)', 'Bonus (with proof)'), u.bonus))
    for (const d of u.deductions)
      rows.push(
        row(
          u.unit.name,
          both(
            `扣分:${d.diagnostic.ruleId} ${d.diagnostic.message}`,
            `Deducted: ${d.diagnostic.ruleId} ${d.diagnostic.message}`,
          ),
          -d.points,
        ),
      )
  }
  return {
    id: 'unit-lines',
    heading: both('三、单位得分明细', '3. Units, line by line'),
    level: 1,
    paragraphs: [
      both(
        '每个负责事项一行:事项得分乘以角色权重计入加权平均;本单位就该事项报送的材料为 0 条时,该行计 0 分。其后为加分和逐条扣分。',
        "One line per item the unit is responsible for: the item's score enters the weighted mean with the role's weight; a line where the unit filed nothing for the item counts 0. Then bonus, and each deduction.",
      ),
    ],
    table: {
      columns: [
        col('unit', '单位', 'Unit', 'text', 16),
        col('line', '事项或扣分', 'Item or deduction', 'text', 36),
        col('role', '角色', 'Role', 'text', 8),
        col('weight', '权重', 'Weight', 'number', 6),
        col('itemBase', '事项得分', 'Item score', 'number', 8),
        col('filed', '本单位材料数', 'Filed by unit', 'number', 8),
        col('points', '计分', 'Points', 'number', 8),
      ],
      rows,
    },
  }
}

const kpiStates = {
  met: both('已完成', 'met'),
  unmet: both('未完成', 'not met'),
  onTrack: both('按进度', 'on track'),
  behind: both('滞后', 'behind'),
  pending: both('进行中', 'in progress'),
  unreported: both('未报送', 'not reported'),
}

function kpi(views: PlanViews): Pick<ReportModel, 'summary' | 'sections'> {
  const rows = views.items.flatMap((view) =>
    view.kpis.map((k) => ({
      no: ordinals([view.item]),
      item: view.item.title,
      units: unitNames(view),
      measure: k.kpi.measure,
      unit: k.kpi.unit,
      target: targetData(k.kpi.target),
      actual: k.actual ?? null,
      percent: k.percent ?? null,
      state: kpiStates[k.state],
      projected: k.projected ?? null,
    })),
  )
  const met = views.items.flatMap((v) => v.kpis).filter((k) => k.state === 'met').length
  return {
    summary: [
      both(`共 ${rows.length} 项量化指标,已完成 ${met} 项。`, `${rows.length} KPIs, ${met} met.`),
    ],
    sections: [
      {
        id: 'kpis',
        heading: both('量化指标', 'KPIs'),
        level: 1,
        paragraphs: [],
        table: {
          columns: [
            col('no', '序号', 'No.', 'text', 6),
            col('item', '改革事项', 'Item', 'text', 20),
            col('units', '责任单位', 'Responsible units', 'text', 16),
            col('measure', '指标', 'Measure', 'text', 24),
            col('unit', '单位', 'Unit', 'text', 5),
            col('target', '目标', 'Target', 'text', 8),
            col('actual', '实际', 'Actual', 'number', 8),
            col('percent', '完成率', 'Attained', 'percent', 8),
            col('state', '状态', 'State', 'text', 8),
            projectedColumn(views),
          ],
          rows,
        },
      },
    ],
  }
}

/** 预计全年 in a plan of one calendar year; 预计期末 over several (每年 targets: their year). */
function projectedColumn(views: PlanViews): Column {
  const { start, end } = views.plan.period
  if (start.slice(0, 4) === end.slice(0, 4))
    return col('projected', '预计全年', 'Projected', 'number', 8)
  const perYear = views.items.some((v) => v.kpis.some((k) => k.kpi.target.per === 'year'))
  return perYear
    ? col('projected', '预计期末(每年指标为当年末)', 'Projected (per-year: year end)', 'number', 10)
    : col('projected', '预计期末', 'Projected at the end', 'number', 8)
}

function ledgerIndex(views: PlanViews): Pick<ReportModel, 'summary' | 'sections'> {
  const kindOrder = new Map(ENTRY_KINDS.map((kind, i) => [kind, i]))
  const names = new Map(views.plan.units.map((u) => [u.id, u.shortName ?? u.name]))
  let n = 0
  const sections = byCategory(views, (items) => ({
    columns: [
      col('n', '序号', 'No.', 'number', 6),
      col('item', '改革事项', 'Item', 'text', 20),
      col('kind', '材料种类', 'Kind', 'text', 10),
      col('date', '日期', 'Date', 'date', 11),
      col('title', '材料名称', 'Title', 'text', 32),
      col('documentNumber', '文号', 'Doc. no.', 'text', 16),
      col('unit', '报送单位', 'Filed by', 'text', 12),
      col('attachments', '附件', 'Attachments', 'text', 28),
    ],
    rows: items.flatMap((view) => {
      // Where the plan gives roles, the filer's is shown: 发改局(牵头).
      const roles = view.responsible.some((r) => r.role !== 'responsible')
        ? unitRoles(view.responsible)
        : undefined
      const filer = (id: string): Cell => {
        const name = names.get(id) ?? id
        const role = roles?.get(id)
        return role
          ? both(`${name}(${roleLabels[role].zh})`, `${name} (${roleLabels[role].en})`)
          : name
      }
      return [...view.entries]
        .sort(
          (a, b) =>
            (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
            compareText(a.date, b.date),
        )
        .map((entry) => ({
          n: ++n,
          item: `${formatOrdinal(view.item.number)}${view.item.title}`,
          kind: entryKindLabels[entry.kind],
          date: entry.date,
          title: entry.title,
          documentNumber: entry.documentNumber ?? '',
          unit: filer(entry.unit),
          attachments: entry.attachments.map((a) => a.path).join('\n'),
        }))
    }),
  }))
  const count = views.items.reduce((sum, v) => sum + v.entries.length, 0)
  return {
    summary: [
      both(
        `本目录按方案类别、事项和材料种类排列,共 ${count} 份材料,可作为一式两份台账的目录页。`,
        `Listed by category, item and kind of material: ${count} materials. Use it as the index page of each of the two copies.`,
      ),
    ],
    sections,
  }
}
