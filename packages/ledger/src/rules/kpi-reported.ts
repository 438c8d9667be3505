import { dayNumber } from '@reformkit/model'
import { defineRule, itemName, targetData } from '../rule-api.js'

export const kpiReported = defineRule({
  id: 'kpi/reported',
  meta: {
    type: 'problem',
    docs: {
      zh: '方案中的每个量化目标都要有指标数据报送。',
      en: 'Every numeric target of the plan has at least one KPI report.',
      rationale: '方案量化目标;保障措施(四):改革推进成效资料',
    },
    messages: {
      unreported: {
        zh: '事项{{item}}的指标“{{measure}}”(目标 {{target}})尚无数据报送',
        en: 'Item {{item}}: KPI "{{measure}}" (target {{target}}) has no report',
      },
    },
    recommended: 'warning',
  },
  check({ plan, index, asOf, report }) {
    const reported = new Set<string>()
    const last = dayNumber(asOf)
    return {
      having: 'kpi',
      entry(entry, position) {
        if (entry.kpi && (index.columns.day[position] as number) <= last) reported.add(entry.kpi.id)
      },
      end() {
        for (const item of plan.items) {
          const at = index.itemPosition.get(item.id) ?? 0
          item.kpis.forEach((kpi, k) => {
            if (reported.has(kpi.id)) return
            report({
              messageId: 'unreported',
              data: {
                item: itemName(item),
                measure: kpi.measure,
                target: targetData(kpi.target, kpi.unit),
                unit: kpi.unit,
              },
              planPath: ['items', at, 'kpis', k],
            })
          })
        }
      },
    }
  },
})
