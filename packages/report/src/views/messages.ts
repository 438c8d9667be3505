import { formatMessage, type LocalizedMessage, type MessageData } from '@reformkit/model'

/** Every sentence the views write: why an item has its light, how it scored. */
export const viewMessages = {
  milestoneOverdue: {
    zh: '节点“{{milestone}}”逾期 {{days}} 天',
    en: 'milestone "{{milestone}}" overdue {{days}} days',
  },
  milestoneNear: {
    zh: '节点“{{milestone}}”还有 {{days}} 天到期',
    en: 'milestone "{{milestone}}" due in {{days}} days',
  },
  periodOverMissing: {
    zh: '方案期限已到,仍缺{{kinds}}',
    en: 'the plan period is over; missing {{kinds}}',
  },
  ledgerErrors: { zh: '台账有 {{errors}} 个错误', en: '{{errors}} errors in the ledger' },
  behindSchedule: {
    zh: '落后序时进度:材料完成 {{done}},时间已过 {{elapsed}}',
    en: 'behind schedule: {{done}} of materials, {{elapsed}} of the time',
  },
  kpiUnreported: { zh: '指标“{{measure}}”未报送数据', en: 'KPI "{{measure}}" not reported' },
  kpiUnmet: {
    zh: '指标“{{measure}}”未完成({{actual}}{{unit}})',
    en: 'KPI "{{measure}}" not met ({{actual}} {{unit}})',
  },
  kpiBehind: {
    zh: '指标“{{measure}}”预计难以完成({{actual}}{{unit}})',
    en: 'KPI "{{measure}}" projected short ({{actual}} {{unit}})',
  },
  nearEndMissing: {
    zh: '距方案期限还有 {{days}} 天,仍缺 {{count}} 项材料',
    en: '{{days}} days to the end of the period, {{count}} materials missing',
  },
  missing: { zh: '缺少:{{kinds}}', en: 'missing: {{kinds}}' },
  onSchedule: { zh: '按计划推进', en: 'on schedule' },
  decisionPartial: {
    zh: '{{present}}/{{total}} 项,缺{{kinds}}',
    en: '{{present}}/{{total}}, missing {{kinds}}',
  },
  decisionComplete: { zh: '齐全({{total}} 项)', en: 'complete ({{total}})' },
  outcomeComplete: { zh: '{{kinds}}齐全', en: '{{kinds}} filed' },
  outcomeMissing: { zh: '缺{{kinds}}', en: 'missing {{kinds}}' },
  notApproved: {
    zh: '方案未经批准,督办未开始',
    en: 'plan not approved; supervision not started',
  },
  supervisionCovered: {
    zh: '督办周期覆盖 {{covered}}/{{total}}',
    en: '{{covered}}/{{total}} supervision intervals covered',
  },
  progressFiled: { zh: '推进材料 {{count}} 份', en: '{{count}} progress records' },
  noProgress: { zh: '无推进材料', en: 'no progress evidence' },
  kpisMet: {
    zh: '{{total}} 项指标中 {{met}} 项完成或按进度',
    en: '{{met}} of {{total}} KPIs met or on track',
  },
} as const

export type ViewMessageId = keyof typeof viewMessages

/** A message of the catalogue in both languages. */
export function say(id: ViewMessageId, data: MessageData = {}): LocalizedMessage {
  return {
    zh: formatMessage(viewMessages, id, data, 'zh-CN'),
    en: formatMessage(viewMessages, id, data, 'en'),
  }
}

/** 0.42 → 42% */
export const pct = (fraction: number) => `${Math.round(fraction * 100)}%`
