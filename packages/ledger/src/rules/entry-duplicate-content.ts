import { defineRule } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'

export const entryDuplicateContent = defineRule({
  id: 'entry/duplicate-content',
  meta: {
    type: 'suggestion',
    docs: {
      zh: '同一单位为同一事项在同一天报送了标题相同的同类材料,多半是重复录入。',
      en: 'The same unit filing the same kind of material with the same title for the same item on the same day is most likely a double entry.',
      rationale: '保障措施(四):分类认真整理归档',
    },
    messages: {
      duplicate: {
        zh: '条目“{{entry}}”与“{{first}}”内容相同(事项、单位、种类、日期、标题均一致)',
        en: 'Entry "{{entry}}" repeats "{{first}}" (same item, unit, kind, date and title)',
      },
    },
    recommended: 'warning',
  },
  check({ entries, report }) {
    const seen = new Map<string, LedgerEntry>()
    for (const entry of entries) {
      const key = [entry.item, entry.unit, entry.kind, entry.date, entry.title.trim()].join(
        '\u0000',
      )
      const first = seen.get(key)
      if (first)
        report({ messageId: 'duplicate', data: { entry: entry.id, first: first.id }, entry })
      else seen.set(key, entry)
    }
  },
})
