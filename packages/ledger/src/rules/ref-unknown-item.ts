import { closest, formatOrdinal } from '@reformkit/model'
import { defineRule } from '../engine/rule.js'

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
  check({ index, report }) {
    return {
      entry(entry) {
        if (index.items.has(entry.item)) return
        const suggestion = closest(entry.item, index.items.keys())
        const item = suggestion === undefined ? undefined : index.items.get(suggestion)
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
      },
    }
  },
})
