import { addDays, dayNumber } from '@reformkit/model'
import * as z from 'zod'
import type { LedgerEntry } from '../entry/schema.js'
import { defineRule, firstUse } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { graceDays: 0 }
const options = firstUse(() =>
  z.strictObject({
    graceDays: z
      .int()
      .nonnegative()
      .default(DEFAULTS.graceDays)
      .meta({ description: '方案期限前后允许的天数 / Days allowed before and after the period' }),
  }),
)

export const entryDateOutsidePeriod = defineRule({
  id: 'entry/date-outside-period',
  meta: {
    type: 'problem',
    docs: {
      zh: '台账材料的日期应在方案期限内(可设宽限天数,容纳期末总结等)。',
      en: 'Materials are dated inside the plan period (with optional grace days for year-end reports).',
      rationale: '方案期限;保障措施(四)',
    },
    messages: {
      outside: {
        zh: '条目“{{entry}}”的日期 {{date}} 不在方案期限 {{start}} 至 {{end}} 内',
        en: 'Entry "{{entry}}" is dated {{date}}, outside the plan period {{start}} to {{end}}',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'warning',
  },
  check({ plan, entries, index, options, report }) {
    const period = { start: plan.period.start, end: addDays(plan.period.end, options.graceDays) }
    const first = dayNumber(period.start)
    const last = dayNumber(period.end)
    const { day } = index.columns
    for (let i = 0; i < day.length; i++) {
      const d = day[i] as number
      if (d >= first && d <= last) continue
      const entry = entries[i] as LedgerEntry
      report({
        messageId: 'outside',
        data: { entry: entry.id, date: entry.date, ...period },
        entry,
        position: i,
        field: 'date',
      })
    }
  },
})
