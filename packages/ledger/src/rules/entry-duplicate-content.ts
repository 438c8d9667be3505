import type { LedgerEntry } from '../entry/schema.js'
import { defineRule, firstEqual } from '../rule-api.js'

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
  check({ entries, index, report }) {
    // The guard pass hashed what makes two entries the same material; entries are opened
    // only where those hashes agree.
    const { item, kind, day, unit, contentHash } = index.columns
    const at = (i: number) => entries[i] as LedgerEntry
    const first = firstEqual(
      entries.length,
      (i) => contentHash[i] as number,
      (a, b) =>
        day[a] === day[b] &&
        kind[a] === kind[b] &&
        item[a] === item[b] &&
        unit[a] === unit[b] &&
        (at(a).title === at(b).title || at(a).title.trim() === at(b).title.trim()),
      (i) => [item[i], kind[i], day[i], unit[i], at(i).title.trim()].join('\0'),
    )
    for (let i = 0; i < first.length; i++) {
      const earlier = first[i] as number
      if (earlier < 0) continue
      report({
        messageId: 'duplicate',
        data: { entry: at(i).id, first: at(earlier).id },
        entry: at(i),
        position: i,
      })
    }
  },
})
