import { defineRule, pathEscape } from '../rule-api.js'

export const attachmentMissing = defineRule({
  id: 'attachment/missing',
  meta: {
    type: 'problem',
    docs: {
      zh: '条目引用的附件文件必须存在于台账目录中。',
      en: 'Every attachment an entry refers to exists in the ledger folder.',
      rationale: '保障措施(四):台账是考核的主要依据,一式两份',
    },
    messages: {
      missing: {
        zh: '条目“{{entry}}”的附件“{{path}}”不存在',
        en: 'Entry "{{entry}}": attachment "{{path}}" does not exist',
      },
    },
    recommended: 'error',
    needs: 'attachments',
  },
  check({ attachments, index, report }) {
    return {
      having: 'attachments',
      entry(entry, i) {
        const escaping = index.has(i, 'escapingPath')
        for (let a = 0; a < entry.attachments.length; a++) {
          const { path } = entry.attachments[a] as (typeof entry.attachments)[number]
          if (escaping && pathEscape(path)) continue // attachment/outside-root
          const fact = attachments?.get(path)
          if (fact && (fact.exists || fact.outsideRoot)) continue
          report({
            messageId: 'missing',
            data: { entry: entry.id, path },
            entry,
            field: `attachments/${a}`,
          })
        }
      },
    }
  },
})
