import { defineRule } from '../rule-api.js'

export const refUnknownBody = defineRule({
  id: 'ref/unknown-body',
  meta: {
    type: 'problem',
    docs: {
      zh: '上会研究的会议机构须是方案中的机构(如区创改组)。',
      en: "The body of a meeting decision is one of the plan's bodies (e.g. the leading group 区创改组).",
      rationale: '保障措施(一)(二):区创改组会议研究批准',
    },
    messages: {
      unknown: {
        zh: '条目“{{entry}}”的会议机构“{{body}}”不在方案中(可用:{{known}})',
        en: 'Entry "{{entry}}" names the body "{{body}}", which is not in the plan (known: {{known}})',
      },
    },
    recommended: 'error',
  },
  check({ plan, index, report }) {
    const known = [plan.bodies.leadingGroup, plan.bodies.office, plan.bodies.superior]
      .filter((body) => body !== undefined)
      .map((body) => `${body.id} ${body.shortName ?? body.name}`)
      .join(', ')
    return {
      having: 'meeting',
      entry(entry) {
        const body = entry.meeting?.body
        if (body === undefined || index.bodies.has(body)) return
        report({
          messageId: 'unknown',
          data: { entry: entry.id, body, known: known || '—' },
          entry,
          field: 'meeting',
        })
      },
    }
  },
})
