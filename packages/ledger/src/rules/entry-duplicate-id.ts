import type { LedgerEntry } from '../entry/schema.js'
import { defineRule, firstEqual } from '../rule-api.js'

export const entryDuplicateId = defineRule({
  id: 'entry/duplicate-id',
  meta: {
    type: 'problem',
    docs: {
      zh: '每条台账的 id 在整个台账中唯一(多个文件合并后也一样)。',
      en: 'Entry ids are unique across the whole ledger, all files merged.',
      rationale: '保障措施(四):台账一式两份,需逐条核对',
    },
    messages: {
      duplicate: {
        zh: '条目 id“{{entry}}”重复,首次出现在 {{first}}',
        en: 'Entry id "{{entry}}" is used twice; first at {{first}}',
      },
    },
    recommended: 'error',
  },
  check({ entries, index, report }) {
    const first = firstEqual(
      entries.length,
      (i) => index.columns.idHash[i] as number,
      (a, b) => (entries[a] as LedgerEntry).id === (entries[b] as LedgerEntry).id,
      (i) => (entries[i] as LedgerEntry).id,
    )
    for (let i = 0; i < first.length; i++) {
      const earlierIndex = first[i] as number
      if (earlierIndex < 0) continue
      const entry = entries[i] as LedgerEntry
      const where = (entries[earlierIndex] as LedgerEntry).source
      const at = where
        ? `${where.file ?? ''}:${where.line ?? ''}`.replace(/^:/, '') || where.path
        : entry.id
      report({
        messageId: 'duplicate',
        data: { entry: entry.id, first: at },
        entry,
        position: i,
        field: 'id',
      })
    }
  },
})
