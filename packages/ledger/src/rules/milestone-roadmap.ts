import { defineRule, itemName } from '../rule-api.js'

export const milestoneRoadmap = defineRule({
  id: 'milestone/roadmap',
  meta: {
    type: 'problem',
    docs: {
      zh: '每个重大改革项目都要有路线图、时间表、责任人:方案中至少一个节点,每个节点有完成时限、责任人和责任单位。',
      en: 'Every major project has a roadmap, a timetable and a responsible person: at least one milestone in the plan, each with a due date, an owner person and an owner unit.',
      rationale: '保障措施(三):每个重大改革项目都要有路线图、时间表、责任人',
    },
    messages: {
      noRoadmap: {
        zh: '重大改革项目{{item}}没有路线图(方案中无节点 milestones)',
        en: 'Major item {{item}} has no roadmap (no milestones in the plan)',
      },
      noOwner: {
        zh: '重大改革项目{{item}}的节点“{{milestone}}”缺少{{what}}',
        en: 'Major item {{item}}: milestone "{{milestone}}" has no {{what}}',
      },
    },
    recommended: 'error',
  },
  check({ plan, index, report }) {
    for (const item of plan.items) {
      if (!item.major) continue
      const at = index.itemPosition.get(item.id) ?? 0
      if (item.milestones.length === 0) {
        report({ messageId: 'noRoadmap', data: { item: itemName(item) }, item })
        continue
      }
      item.milestones.forEach((milestone, m) => {
        const owners = [
          ['ownerPerson', { zh: '责任人(ownerPerson)', en: 'owner person (ownerPerson)' }],
          ['ownerUnit', { zh: '责任单位(ownerUnit)', en: 'owner unit (ownerUnit)' }],
        ] as const
        for (const [field, what] of owners) {
          if (milestone[field] !== undefined) continue
          report({
            messageId: 'noOwner',
            data: { item: itemName(item), milestone: milestone.title, what },
            planPath: ['items', at, 'milestones', m],
          })
        }
      })
    }
  },
})
