import { defineRule } from '../rule-api.js'

export const attachmentHashMismatch = defineRule({
  id: 'attachment/hash-mismatch',
  meta: {
    type: 'problem',
    docs: {
      zh: '附件的 SHA-256 和字节数必须与台账登记的一致:文件被改动或替换后,两份台账就不再相同。',
      en: 'An attachment has the SHA-256 and size the ledger records: a changed or replaced file breaks the two identical copies.',
      rationale: '保障措施(四):台账一式两份',
    },
    messages: {
      hash: {
        zh: '条目“{{entry}}”的附件“{{path}}”内容与登记不符(SHA-256 应为 {{expected}},实为 {{actual}})',
        en: 'Entry "{{entry}}": attachment "{{path}}" differs from the record (SHA-256 {{actual}}, recorded {{expected}})',
      },
      bytes: {
        zh: '条目“{{entry}}”的附件“{{path}}”大小为 {{actual}} 字节,登记为 {{expected}} 字节',
        en: 'Entry "{{entry}}": attachment "{{path}}" has {{actual}} bytes; {{expected}} are recorded',
      },
    },
    recommended: 'error',
    needs: 'attachments',
  },
  check({ attachments, report }) {
    // Without file-system facts there is nothing to compare.
    if (!attachments) return {}
    return {
      having: 'attachments',
      entry(entry) {
        for (let a = 0; a < entry.attachments.length; a++) {
          const attachment = entry.attachments[a] as (typeof entry.attachments)[number]
          const fact = attachments.get(attachment.path)
          if (!fact?.exists) continue
          const data = { entry: entry.id, path: attachment.path }
          if (
            attachment.sha256 !== undefined &&
            fact.sha256 !== undefined &&
            attachment.sha256 !== fact.sha256
          ) {
            report({
              messageId: 'hash',
              data: {
                ...data,
                expected: attachment.sha256.slice(0, 12),
                actual: fact.sha256.slice(0, 12),
              },
              entry,
              field: `attachments/${a}`,
            })
          } else if (
            attachment.bytes !== undefined &&
            fact.bytes !== undefined &&
            attachment.bytes !== fact.bytes
          ) {
            report({
              messageId: 'bytes',
              data: { ...data, expected: attachment.bytes, actual: fact.bytes },
              entry,
              field: `attachments/${a}`,
            })
          }
        }
      },
    }
  },
})
