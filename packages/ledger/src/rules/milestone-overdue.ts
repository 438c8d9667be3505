import { dayNumber, daysOverdue } from '@reformkit/model'
import { defineRule, itemName } from '../rule-api.js'

export const milestoneOverdue = defineRule({
  id: 'milestone/overdue',
  meta: {
    type: 'problem',
    docs: {
      zh: '节点过了完成时限仍没有推进材料(progress 条目的 milestone 指向该节点)即为逾期。',
      en: 'A milestone past its due date with no progress material referring to it (a progress entry with that milestone) is overdue.',
      rationale: '保障措施(三):时间表;及时汇总有关情况报区创改组',
    },
    messages: {
      overdue: {
        zh: '事项{{item}}的节点“{{milestone}}”已逾期 {{days}} 天(时限 {{due}})',
        en: 'Item {{item}}: milestone "{{milestone}}" is {{days}} days overdue (due {{due}})',
      },
    },
    recommended: 'warning',
  },
  check({ plan, index, asOf, report }) {
    const reached = new Set<string>()
    const last = dayNumber(asOf)
    return {
      having: 'milestone',
      entry(entry, position) {
        if (
          entry.milestone !== undefined &&
          entry.kind === 'progress' &&
          (index.columns.day[position] as number) <= last
        )
          reached.add(entry.milestone)
      },
      end() {
        for (const item of plan.items) {
          const at = index.itemPosition.get(item.id) ?? 0
          item.milestones.forEach((milestone, m) => {
            const days = daysOverdue(milestone.due, asOf)
            if (days === 0 || reached.has(milestone.id)) return
            report({
              messageId: 'overdue',
              data: { item: itemName(item), milestone: milestone.title, days, due: milestone.due },
              planPath: ['items', at, 'milestones', m, 'due'],
            })
          })
        }
      },
    }
  },
})
