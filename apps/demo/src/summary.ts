import {
  type Diagnostic,
  expandResponsible,
  formatOrdinal,
  type Kpi,
  type Locale,
  type Plan,
} from '@reformkit/model'

const comparatorText: Record<Kpi['target']['comparator'], Record<Locale, string>> = {
  atLeast: { 'zh-CN': '不少于', en: 'at least' },
  exactly: { 'zh-CN': '', en: '' },
  atMost: { 'zh-CN': '不超过', en: 'at most' },
  range: { 'zh-CN': '区间', en: 'between' },
}

/** A KPI target as a sentence part: 新增高新技术企业 不少于 25 家. */
export function describeKpi(kpi: Kpi, locale: Locale): string {
  const { comparator, value, upper } = kpi.target
  const amount = comparator === 'range' ? `${value}–${upper ?? '?'}` : String(value)
  const word = comparatorText[comparator][locale]
  return [kpi.measure, word, `${amount} ${kpi.unit}`].filter(Boolean).join(' ')
}

const labels = {
  'zh-CN': {
    period: '期限',
    issuer: '发文',
    framework: '总体要求',
    items: '项',
    units: '责任单位',
    expanded: (n: number) => `(单位组展开后共 ${n} 个单位)`,
    kpis: '量化目标',
  },
  en: {
    period: 'Period',
    issuer: 'Issued by',
    framework: 'Framework',
    items: 'items',
    units: 'Units',
    expanded: (n: number) => `(${n} units with groups expanded)`,
    kpis: 'Targets',
  },
} as const

/** The plan's summary: header, framework, categories with items, units and KPIs. */
export function summarizePlan(plan: Plan, locale: Locale = 'zh-CN'): string {
  const t = labels[locale]
  const out: string[] = [plan.title, '']
  out.push(`${t.issuer}: ${plan.issuer ?? '—'} ${plan.issued ?? ''}`.trimEnd())
  out.push(`${t.period}: ${plan.period.start} – ${plan.period.end}`)
  for (const list of plan.framework?.lists ?? []) {
    out.push(`${t.framework} · ${list.label}: ${list.entries.join('、')}`)
  }
  const unitName = new Map([...plan.units, ...plan.unitGroups].map((u) => [u.id, u.name]))
  plan.categories.forEach((category, c) => {
    const items = plan.items.filter((item) => item.category === category.id)
    out.push('', `${formatOrdinal(c + 1, 'comma')}${category.label}(${items.length} ${t.items})`)
    for (const item of items) {
      out.push(`  ${formatOrdinal(item.number, 'paren')}${item.title}${item.major ? ' ★' : ''}`)
      const named = item.responsible.map((id) => unitName.get(id) ?? id).join('、')
      const expanded = expandResponsible(plan, item).length
      out.push(
        `      ${t.units}: ${named}${expanded > item.responsible.length ? ` ${t.expanded(expanded)}` : ''}`,
      )
      for (const kpi of item.kpis) out.push(`      ${t.kpis}: ${describeKpi(kpi, locale)}`)
    }
  })
  return `${out.join('\n')}\n`
}

/** One line per diagnostic: file:line:column severity message (ruleId). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.location.file, d.location.line, d.location.column]
    .filter((x) => x !== undefined)
    .join(':')
  return `${where || '-'} ${d.severity} ${d.message} (${d.ruleId})`
}
