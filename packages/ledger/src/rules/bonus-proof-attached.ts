import { z } from 'zod'
import { defineRule } from '../engine/rule.js'

export const bonusProofAttached = defineRule({
  id: 'bonus/proof-attached',
  meta: {
    type: 'problem',
    docs: {
      zh: '加分事项须附证明材料,分值为正且不超过上限。',
      en: 'A bonus claim carries its proof as an attachment, with positive points no higher than the cap.',
      rationale: '保障措施(四):获得加分事项的证明',
    },
    messages: {
      noProof: {
        zh: '加分条目“{{entry}}”没有附证明材料',
        en: 'Bonus entry "{{entry}}" has no proof attached',
      },
      points: {
        zh: '加分条目“{{entry}}”的分值 {{points}} 应在 0 到 {{cap}} 之间',
        en: 'Bonus entry "{{entry}}" claims {{points}} points; claims are above 0 and at most {{cap}}',
      },
    },
    options: z.strictObject({
      maxPointsPerEntry: z
        .number()
        .positive()
        .default(5)
        .meta({ description: '每条加分申报的分值上限 / Most points one claim may ask for' }),
    }),
    recommended: 'error',
  },
  check({ options, report }) {
    return {
      entry(entry) {
        if (entry.kind !== 'bonusProof') return
        if (entry.attachments.length === 0)
          report({ messageId: 'noProof', data: { entry: entry.id }, entry, field: 'attachments' })
        const points = entry.bonus?.points
        if (points !== undefined && (points <= 0 || points > options.maxPointsPerEntry)) {
          report({
            messageId: 'points',
            data: { entry: entry.id, points, cap: options.maxPointsPerEntry },
            entry,
            field: 'bonus',
          })
        }
      },
    }
  },
})
