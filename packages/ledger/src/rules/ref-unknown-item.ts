import { closest, formatOrdinal, type Item } from '@reformkit/model'
import type { LedgerEntry } from '../entry/schema.js'
import { defineRule } from '../rule-api.js'

export const refUnknownItem = defineRule({
  id: 'ref/unknown-item',
  meta: {
    type: 'problem',
    docs: {
      zh: '台账条目所属的改革事项必须是方案中的事项。',
      en: 'Every entry belongs to an item of the plan.',
      rationale: '保障措施(四):台账按事项分类整理归档',
    },
    messages: {
      unknown: {
        zh: '条目“{{entry}}”的事项“{{item}}”不在方案中',
        en: 'Entry "{{entry}}" names item "{{item}}", which is not in the plan',
      },
      unknownSuggest: {
        zh: '条目“{{entry}}”的事项“{{item}}”不在方案中;是否应为“{{suggestion}}”({{label}})?',
        en: 'Entry "{{entry}}" names item "{{item}}", which is not in the plan; did you mean "{{suggestion}}" ({{label}})?',
      },
    },
    recommended: 'error',
  },
  check({ entries, index, report }) {
    const { item: itemOf, itemIds } = index.columns
    // One suggestion per unknown id, however many entries repeat it.
    const suggested = new Map<number, Item | undefined>()
    for (let i = 0; i < itemOf.length; i++) {
      if (index.isPlanItem(i)) continue
      const slot = itemOf[i] as number
      const entry = entries[i] as LedgerEntry
      if (!suggested.has(slot))
        suggested.set(
          slot,
          index.items.get(closest(itemIds[slot] as string, index.items.keys()) ?? ''),
        )
      const item = suggested.get(slot)
      if (item) {
        report({
          messageId: 'unknownSuggest',
          data: {
            entry: entry.id,
            item: entry.item,
            suggestion: item.id,
            label: `${formatOrdinal(item.number)}${item.title}`,
          },
          entry,
          position: i,
          field: 'item',
          suggestions: [{ message: item.title, replacement: item.id }],
        })
      } else {
        report({
          messageId: 'unknown',
          data: { entry: entry.id, item: entry.item },
          entry,
          position: i,
          field: 'item',
        })
      }
    }
  },
})
