import { elapsedFraction } from '@reformkit/model'
import { defineRule, itemName, type KpiState, kpiProgress, targetData } from '../rule-api.js'

/** The finding each state of a KPI gives (kpiProgress); the others give none. */
const findingOf: Partial<Record<KpiState, 'over' | 'unmet' | 'behind'>> = {
  over: 'over',
  unmet: 'unmet',
  behind: 'behind',
}

export const kpiAttainment = defineRule({
  id: 'kpi/attainment',
  meta: {
    type: 'problem',
    docs: {
      zh: '量化目标的完成情况:期末未达标即报告;期中按序时进度推算(累计型按已过时间比例折算),推算值达不到目标时提示(配置 requirements.kpiProjection: none 则期中不推算)。',
      en: 'Attainment of each numeric target: at the end of the period an unmet target is reported; before it, the value is projected by elapsed time (序时进度) for accumulating KPIs, and a projection below target is flagged (requirements.kpiProjection: none turns the projection off).',
      rationale: '方案量化目标;保障措施(三):考核评估',
    },
    messages: {
      unmet: {
        zh: '指标“{{measure}}”(事项{{item}})期末实际 {{actual}} {{unit}},未达到目标 {{target}}',
        en: 'KPI "{{measure}}" (item {{item}}) ended at {{actual}} {{unit}}, short of the target {{target}}',
      },
      behind: {
        zh: '指标“{{measure}}”(事项{{item}})目前 {{actual}} {{unit}},按序时进度推算期末约 {{projected}},低于目标 {{target}}',
        en: 'KPI "{{measure}}" (item {{item}}) is at {{actual}} {{unit}}; at this pace it ends near {{projected}}, below the target {{target}}',
      },
      over: {
        zh: '指标“{{measure}}”(事项{{item}})已达 {{actual}} {{unit}},超过上限 {{target}}',
        en: 'KPI "{{measure}}" (item {{item}}) is at {{actual}} {{unit}}, over the limit {{target}}',
      },
    },
    recommended: 'warning',
  },
  check({ plan, index, asOf, requirements, report }) {
    const elapsed = elapsedFraction(plan.period, asOf)
    const projection = requirements.kpiProjection
    for (const item of plan.items) {
      const reports = index.entriesOf(item.id, 'kpiReport')
      const at = index.itemPosition.get(item.id) ?? 0
      item.kpis.forEach((kpi, k) => {
        const { state, actual, projected } = kpiProgress(kpi, reports, {
          asOf,
          elapsed,
          projection,
          period: plan.period,
          tolerance: requirements.kpiTolerance,
        })
        const messageId = findingOf[state]
        if (!messageId) return // kpi/reported speaks of unreported KPIs
        report({
          messageId,
          data: {
            measure: kpi.measure,
            item: itemName(item),
            actual: actual ?? 0,
            unit: kpi.unit,
            target: targetData(kpi.target),
            ...(projected !== undefined ? { projected } : {}),
          },
          planPath: ['items', at, 'kpis', k],
        })
      })
    }
  },
})
