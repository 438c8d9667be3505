import { elapsedFraction } from '@reformkit/model'
import { z } from 'zod'
import { kpiActual, meetsTarget, targetText } from '../engine/kpi.js'
import { itemName } from '../engine/labels.js'
import { defineRule } from '../engine/rule.js'

export const kpiAttainment = defineRule({
  id: 'kpi/attainment',
  meta: {
    type: 'problem',
    docs: {
      zh: '量化目标的完成情况:期末未达标即报告;期中按序时进度推算(累计型按已过时间比例折算),推算值达不到目标时提示。',
      en: 'Attainment of each numeric target: at the end of the period an unmet target is reported; before it, the value is projected by elapsed time (序时进度) for accumulating KPIs, and a projection below target is flagged.',
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
    options: z.strictObject({
      project: z.boolean().default(true).meta({
        description:
          '期中按序时进度推算全年值 / Before the end, project the year from progress so far',
      }),
    }),
    recommended: 'warning',
  },
  check({ plan, index, asOf, options, report }) {
    const ended = asOf >= plan.period.end
    const fraction = elapsedFraction(plan.period, asOf)
    for (const item of plan.items) {
      const reports = index.entriesOf(item.id, 'kpiReport')
      const at = index.itemPosition.get(item.id) ?? 0
      item.kpis.forEach((kpi, k) => {
        const actual = kpiActual(
          kpi,
          reports.filter((entry) => entry.kpi?.id === kpi.id),
          asOf,
        )
        if (actual === undefined) return // kpi/reported says so
        const data = {
          measure: kpi.measure,
          item: itemName(item),
          actual,
          unit: kpi.unit,
          target: targetText(kpi.target),
        }
        const planPath = ['items', at, 'kpis', k]
        const { comparator, value, upper } = kpi.target
        const limit = comparator === 'atMost' ? value : comparator === 'range' ? upper : undefined
        if (limit !== undefined && actual > limit) {
          report({ messageId: 'over', data, planPath })
          return
        }
        if (comparator === 'atMost') return // for a limit, only exceeding it matters
        if (ended) {
          if (!meetsTarget(kpi.target, actual)) report({ messageId: 'unmet', data, planPath })
          return
        }
        if (!options.project || fraction <= 0) return
        const projected =
          kpi.accumulation === 'sum' ? Math.round((actual / fraction) * 10) / 10 : actual
        if (projected < value)
          report({ messageId: 'behind', data: { ...data, projected }, planPath })
      })
    }
  },
})
