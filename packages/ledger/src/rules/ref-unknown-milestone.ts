import { defineRule } from '../rule-api.js'

export const refUnknownMilestone = defineRule({
  id: 'ref/unknown-milestone',
  meta: {
    type: 'problem',
    docs: {
      zh: '推进材料引用的节点(milestone)必须是该事项路线图中的节点。',
      en: "A progress entry's milestone is a milestone of that item's roadmap.",
      rationale: '保障措施(三):路线图、时间表',
    },
    messages: {
      unknown: {
        zh: '条目“{{entry}}”引用的节点“{{milestone}}”不在事项的路线图中',
        en: 'Entry "{{entry}}" refers to milestone "{{milestone}}", which is not on the item\'s roadmap',
      },
    },
    recommended: 'error',
  },
  check({ index, report }) {
    return {
      having: 'milestone',
      entry(entry) {
        if (entry.milestone === undefined || !index.items.has(entry.item)) return
        if (index.milestones.get(entry.milestone)?.item.id === entry.item) return
        report({
          messageId: 'unknown',
          data: { entry: entry.id, milestone: entry.milestone },
          entry,
          field: 'milestone',
        })
      },
    }
  },
})
