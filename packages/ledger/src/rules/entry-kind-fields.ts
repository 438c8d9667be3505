import { defineRule } from '../engine/rule.js'
import { type EntryKind, entryKindLabels } from '../entry/schema.js'

/** The field each kind needs; a field of another kind on an entry is a mistake. */
const requiredField: Partial<Record<EntryKind, 'meeting' | 'kpi' | 'bonus'>> = {
  meetingDecision: 'meeting',
  kpiReport: 'kpi',
  bonusProof: 'bonus',
}
const ownerKind = { meeting: 'meetingDecision', kpi: 'kpiReport', bonus: 'bonusProof' } as const

const kindFields = ['meeting', 'kpi', 'bonus'] as const

export const entryKindFields = defineRule({
  id: 'entry/kind-fields',
  meta: {
    type: 'problem',
    docs: {
      zh: '上会研究须写明会议(meeting),指标数据须写明指标与数值(kpi),加分证明须写明理由与分值(bonus);其他种类不带这些字段。',
      en: 'A meeting decision names its meeting, a KPI report its KPI and value, a bonus proof its reason and points; other kinds carry none of these.',
      rationale: '保障措施(四):决策程序资料与加分事项证明',
    },
    messages: {
      missing: {
        zh: '{{kind}}条目“{{entry}}”缺少“{{field}}”',
        en: '{{kind}} entry "{{entry}}" lacks "{{field}}"',
      },
      unexpected: {
        zh: '{{kind}}条目“{{entry}}”不应带有“{{field}}”(它属于{{owner}})',
        en: '{{kind}} entry "{{entry}}" should not have "{{field}}" (it belongs to {{owner}})',
      },
    },
    recommended: 'error',
  },
  check({ report }) {
    return {
      entry(entry) {
        // Most entries carry none of the three fields: one test each, then move on.
        const needed = requiredField[entry.kind]
        if (needed === undefined && !entry.meeting && !entry.kpi && !entry.bonus) return
        const kind = entryKindLabels[entry.kind]
        if (needed && entry[needed] === undefined) {
          report({ messageId: 'missing', data: { kind, entry: entry.id, field: needed }, entry })
        }
        for (const field of kindFields) {
          if (field === needed || entry[field] === undefined) continue
          const owner = entryKindLabels[ownerKind[field]]
          report({
            messageId: 'unexpected',
            data: { kind, entry: entry.id, field, owner },
            entry,
            field,
          })
        }
      },
    }
  },
})
