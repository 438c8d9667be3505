import { closest } from '@reformkit/model'
import { defineRule } from '../rule-api.js'

export const refUnknownKpi = defineRule({
  id: 'ref/unknown-kpi',
  meta: {
    type: 'problem',
    docs: {
      zh: '指标数据必须报送方案中该事项的量化目标。',
      en: 'A KPI report reports a KPI the plan sets for that item.',
      rationale: '方案各事项的量化目标',
    },
    messages: {
      unknown: {
        zh: '条目“{{entry}}”报送的指标“{{kpi}}”不在方案中',
        en: 'Entry "{{entry}}" reports KPI "{{kpi}}", which is not in the plan',
      },
      unknownSuggest: {
        zh: '条目“{{entry}}”报送的指标“{{kpi}}”不在方案中;是否应为“{{suggestion}}”({{measure}})?',
        en: 'Entry "{{entry}}" reports KPI "{{kpi}}", which is not in the plan; did you mean "{{suggestion}}" ({{measure}})?',
      },
      otherItem: {
        zh: '条目“{{entry}}”报送的指标“{{kpi}}”属于另一个事项({{owner}})',
        en: 'Entry "{{entry}}" reports KPI "{{kpi}}" of another item ({{owner}})',
      },
    },
    recommended: 'error',
  },
  check({ index, report }) {
    return {
      having: 'kpi',
      entry(entry) {
        const id = entry.kpi?.id
        if (id === undefined || !index.items.has(entry.item)) return
        const known = index.kpis.get(id)
        if (known && known.item.id === entry.item) return
        if (known) {
          report({
            messageId: 'otherItem',
            data: { entry: entry.id, kpi: id, owner: known.item.id },
            entry,
            field: 'kpi',
          })
          return
        }
        const own = index.items.get(entry.item)?.kpis ?? []
        const suggestion = own.find(
          (kpi) =>
            kpi.id ===
              closest(
                id,
                own.map((k) => k.id),
              ) || kpi.measure === id,
        )
        if (suggestion) {
          report({
            messageId: 'unknownSuggest',
            data: {
              entry: entry.id,
              kpi: id,
              suggestion: suggestion.id,
              measure: suggestion.measure,
            },
            entry,
            field: 'kpi',
            suggestions: [{ message: suggestion.measure, replacement: suggestion.id }],
          })
        } else {
          report({ messageId: 'unknown', data: { entry: entry.id, kpi: id }, entry, field: 'kpi' })
        }
      },
    }
  },
})
