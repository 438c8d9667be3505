import { defineRule, itemName, kindList } from '../rule-api.js'

export const outcomeMinutesAndFormalPlan = defineRule({
  id: 'outcome/minutes-and-formal-plan',
  meta: {
    type: 'problem',
    docs: {
      zh: '上会研究之后,须归档成果材料:会议纪要和正式方案。',
      en: 'After the meeting decision, the outcome materials are filed: the minutes and the formal plan.',
      rationale: '保障措施(四):成果材料(纪要和正式方案)',
    },
    messages: {
      missing: {
        zh: '事项{{item}}已上会研究({{date}}),但缺少成果材料:{{kinds}}',
        en: 'Item {{item}} was decided at a meeting ({{date}}) but lacks outcome materials: {{kinds}}',
      },
    },
    recommended: 'error',
  },
  check({ plan, index, requirements, report }) {
    for (const item of plan.items) {
      const meeting = index.firstOf(item.id, 'meetingDecision')
      if (!meeting) continue
      const missing = requirements.outcome.filter((kind) => !index.firstOf(item.id, kind))
      if (missing.length > 0) {
        report({
          messageId: 'missing',
          data: { item: itemName(item), date: meeting.date, kinds: kindList(missing) },
          entry: meeting,
        })
      }
    }
  },
})
