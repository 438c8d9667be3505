import { closest, formatOrdinal, type Item } from '@reformkit/model'
import { getOrCreate } from '../engine/index-ledger.js'
import { defineRule } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'

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
  check({ plan, entries, index, report }) {
    const known = plan.items.length
    const { item: itemOf, itemIds } = index.columns
    // One suggestion per unknown id, however many entries repeat it.
    const suggested = new Map<number, Item | undefined>()
    for (let i = 0; i < itemOf.length; i++) {
      const slot = itemOf[i] as number
      if (slot < known) continue
      const entry = entries[i] as LedgerEntry
      const item = getOrCreate(suggested, slot, () =>
        index.items.get(closest(itemIds[slot] as string, index.items.keys()) ?? ''),
      )
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
          field: 'item',
          suggestions: [{ message: item.title, replacement: item.id }],
        })
      } else {
        report({
          messageId: 'unknown',
          data: { entry: entry.id, item: entry.item },
          entry,
          field: 'item',
        })
      }
    }
  },
})
