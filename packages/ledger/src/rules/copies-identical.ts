import { defineRule } from '../rule-api.js'

const whatLabels = {
  entry: { zh: '条目', en: 'entry' },
  attachment: { zh: '附件', en: 'attachment' },
}
export const copiesIdentical = defineRule({
  id: 'copies/identical',
  meta: {
    type: 'problem',
    docs: {
      zh: '台账一式两份:自存的一份与报区创新办的一份必须完全相同(逐条目、逐附件按 SHA-256 比对)。',
      en: 'The ledger is kept in two identical copies: the one kept and the one sent to 区创新办 match entry by entry and attachment by attachment (by SHA-256).',
      rationale: '保障措施(四):台账一式两份,一份自存以备区级考核,一份报区创新办接受市级考核',
    },
    messages: {
      added: {
        zh: '另一份台账({{copy}})多出{{what}}“{{id}}”',
        en: 'The other copy ({{copy}}) has an extra {{what}} "{{id}}"',
      },
      removed: {
        zh: '另一份台账({{copy}})缺少{{what}}“{{id}}”',
        en: 'The other copy ({{copy}}) lacks {{what}} "{{id}}"',
      },
      changed: {
        zh: '另一份台账({{copy}})中{{what}}“{{id}}”的内容不同',
        en: 'In the other copy ({{copy}}), {{what}} "{{id}}" differs',
      },
    },
    recommended: 'error',
    needs: 'copies',
  },
  check({ copies, report }) {
    for (const copy of copies ?? []) {
      for (const difference of copy.differences) {
        report({
          messageId: difference.kind,
          data: { copy: copy.label, what: whatLabels[difference.what], id: difference.id },
          location: { file: copy.label, path: `/${difference.what}s/${difference.id}` },
        })
      }
    }
  },
})
