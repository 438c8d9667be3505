import { dayNumber } from '@reformkit/model'
import type { LedgerEntry } from '../entry/schema.js'
import { defineRule } from '../rule-api.js'

export const entryFutureDate = defineRule({
  id: 'entry/future-date',
  meta: {
    type: 'problem',
    docs: {
      zh: '材料日期不能晚于检查日(asOf):尚未发生的事不能入账。',
      en: 'No material is dated after the day of the check (asOf): what has not happened cannot be filed.',
      rationale: '保障措施(四):台账如实反映工作开展情况',
    },
    messages: {
      future: {
        zh: '条目“{{entry}}”的日期 {{date}} 晚于检查日 {{asOf}}',
        en: 'Entry "{{entry}}" is dated {{date}}, after the day of the check {{asOf}}',
      },
    },
    recommended: 'error',
  },
  check({ entries, index, asOf, report }) {
    const last = dayNumber(asOf)
    const { day } = index.columns
    for (let i = 0; i < day.length; i++) {
      if ((day[i] as number) <= last) continue
      const entry = entries[i] as LedgerEntry
      report({
        messageId: 'future',
        data: { entry: entry.id, date: entry.date, asOf },
        entry,
        position: i,
        field: 'date',
      })
    }
  },
})
