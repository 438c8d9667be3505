import * as z from 'zod'
import { type EntryKind, entryKindLabels, entryKindSchema } from '../entry/schema.js'
import { defineRule, firstUse, itemName } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS: { stages: EntryKind[][] } = {
  stages: [
    ['research'],
    ['discussion'],
    ['publicParticipation', 'expertReview', 'riskAssessment', 'legalityReview'],
    ['meetingDecision'],
  ],
}
const options = firstUse(() =>
  z.strictObject({
    stages: z.array(z.array(entryKindSchema()).min(1)).default(DEFAULTS.stages).meta({
      description:
        '决策程序的先后步骤;同一步内的材料不分先后 / Steps in order; kinds within a step in any order',
    }),
  }),
)

export const decisionProcedureOrder = defineRule({
  id: 'decision/procedure-order',
  meta: {
    type: 'problem',
    docs: {
      zh: '决策程序按方案所列顺序进行:先调研,再讨论,再专家论证、风险评估、合法性审查,最后上会研究。某一步最早的材料不应早于前一步最早的材料。',
      en: 'The decision procedure runs in the order the plan lists it: research, discussion, then expert review, risk assessment and legality review, then the meeting decision. No step starts before the step before it.',
      rationale: '保障措施(四):调研、讨论、专家论证及风险评估与合法性审查、上会研究',
    },
    messages: {
      early: {
        zh: '事项{{item}}的{{kind}}({{date}})早于{{before}}({{beforeDate}})',
        en: 'Item {{item}}: {{kind}} ({{date}}) comes before {{before}} ({{beforeDate}})',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'warning',
  },
  check({ plan, index, options, report }) {
    for (const item of plan.items) {
      const first = (kind: EntryKind) => index.firstOf(item.id, kind)
      let latestBefore: { kind: EntryKind; date: string } | undefined
      for (const stage of options.stages) {
        for (const kind of stage) {
          const entry = first(kind)
          if (entry && latestBefore && entry.date < latestBefore.date) {
            report({
              messageId: 'early',
              data: {
                item: itemName(item),
                kind: entryKindLabels[kind],
                date: entry.date,
                before: entryKindLabels[latestBefore.kind],
                beforeDate: latestBefore.date,
              },
              entry,
              field: 'date',
            })
          }
        }
        for (const kind of stage) {
          const entry = first(kind)
          if (entry && (!latestBefore || entry.date > latestBefore.date))
            latestBefore = { kind, date: entry.date }
        }
      }
    }
  },
})
