import * as z from 'zod'
import { defineRule, firstUse } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { countUnits: ['家', '个', '项', '户', '人', '件', '次', '家次', '名'] }
const options = firstUse(() =>
  z.strictObject({
    countUnits: z.array(z.string()).default(DEFAULTS.countUnits).meta({
      description: '计数单位,其数值须为整数 / Units that count things: values must be whole',
    }),
  }),
)

export const kpiValueValid = defineRule({
  id: 'kpi/value-valid',
  meta: {
    type: 'problem',
    docs: {
      zh: '指标数值须为有限的非负数;按“家、个”等计数的指标须为整数;数据截止日(asOf)不能晚于材料日期。',
      en: 'A KPI value is finite and not negative; counts (家, 个, …) are whole numbers; the day a value describes (asOf) is not after the entry date.',
      rationale: '方案量化目标;台账如实反映',
    },
    messages: {
      negative: {
        zh: '条目“{{entry}}”的指标值 {{value}} 不能为负数',
        en: 'Entry "{{entry}}" reports {{value}}; a KPI value cannot be negative',
      },
      fraction: {
        zh: '条目“{{entry}}”的指标值 {{value}} 应为整数(单位:{{unit}})',
        en: 'Entry "{{entry}}" reports {{value}}; counts in {{unit}} are whole numbers',
      },
      asOfAfterDate: {
        zh: '条目“{{entry}}”的数据截止日 {{asOf}} 晚于材料日期 {{date}}',
        en: 'Entry "{{entry}}" describes {{asOf}}, after its own date {{date}}',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'error',
  },
  check({ index, options, report }) {
    const counts = new Set(options.countUnits)
    return {
      having: 'kpi',
      entry(entry) {
        const kpi = entry.kpi
        if (!kpi) return
        const data = { entry: entry.id, value: kpi.value }
        if (kpi.value < 0) report({ messageId: 'negative', data, entry, field: 'kpi' })
        const unit = index.kpis.get(kpi.id)?.kpi.unit
        if (unit !== undefined && counts.has(unit) && !Number.isInteger(kpi.value)) {
          report({ messageId: 'fraction', data: { ...data, unit }, entry, field: 'kpi' })
        }
        if (kpi.asOf !== undefined && kpi.asOf > entry.date) {
          report({
            messageId: 'asOfAfterDate',
            data: { entry: entry.id, asOf: kpi.asOf, date: entry.date },
            entry,
            field: 'kpi',
          })
        }
      },
    }
  },
})
