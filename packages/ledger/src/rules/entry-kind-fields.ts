import { ENTRY_KINDS, type EntryKind, entryKindLabels, type LedgerEntry } from '../entry/schema.js'
import { defineRule, PART_BITS } from '../rule-api.js'

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
  check({ entries, index, report }) {
    const { kind: kindOf, has } = index.columns
    // Per kind code, the bit of the field it needs (0 for none).
    const needs = ENTRY_KINDS.map((kind) => {
      const field = requiredField[kind]
      return field ? PART_BITS[field] : 0
    })
    const fieldBits = PART_BITS.meeting | PART_BITS.kpi | PART_BITS.bonus
    for (let i = 0; i < has.length; i++) {
      const present = (has[i] as number) & fieldBits
      // Most entries carry exactly what their kind needs (usually nothing): move on.
      if (present === needs[kindOf[i] as number]) continue
      const entry = entries[i] as LedgerEntry
      const needed = requiredField[entry.kind]
      const kind = entryKindLabels[entry.kind]
      if (needed && entry[needed] === undefined) {
        report({
          messageId: 'missing',
          data: { kind, entry: entry.id, field: needed },
          entry,
          position: i,
        })
      }
      for (const field of kindFields) {
        if (field === needed || entry[field] === undefined) continue
        const owner = entryKindLabels[ownerKind[field]]
        report({
          messageId: 'unexpected',
          data: { kind, entry: entry.id, field, owner },
          entry,
          position: i,
          field,
        })
      }
    }
  },
})
