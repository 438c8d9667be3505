import { z } from 'zod'
import { itemName, kindList } from '../engine/labels.js'
import { defineRule } from '../engine/rule.js'
import { EntryKind } from '../entry/schema.js'

export const decisionProcedureComplete = defineRule({
  id: 'decision/procedure-complete',
  meta: {
    type: 'problem',
    docs: {
      zh: '每个事项都要有调研、讨论、上会研究等决策程序资料;重大改革项目还要有专家论证、风险评估和合法性审查。所需种类可配置(如按2019年《重大行政决策程序暂行条例》加入公众参与)。',
      en: 'Every item has its decision-procedure materials (research, discussion, meeting decision); major items also expert review, risk assessment and legality review. The kinds are configurable (e.g. public participation, as the 2019 interim regulations on major administrative decisions require).',
      rationale:
        '保障措施(四):调研、讨论、重大事项的专家论证及风险评估与合法性审查、上会研究等决策程序资料',
    },
    messages: {
      missing: {
        zh: '事项{{item}}缺少决策程序资料:{{kinds}}',
        en: 'Item {{item}} lacks decision-procedure materials: {{kinds}}',
      },
      missingMajor: {
        zh: '重大改革项目{{item}}缺少:{{kinds}}',
        en: 'Major item {{item}} lacks: {{kinds}}',
      },
    },
    options: z.strictObject({
      required: z
        .array(EntryKind)
        .default(['research', 'discussion', 'meetingDecision'])
        .meta({ description: '每个事项必备的决策程序材料 / Materials every item needs' }),
      requiredForMajor: z
        .array(EntryKind)
        .default(['expertReview', 'riskAssessment', 'legalityReview'])
        .meta({ description: '重大改革项目另需的材料 / Further materials of major items' }),
    }),
    recommended: 'error',
  },
  check({ plan, index, options, report }) {
    for (const item of plan.items) {
      const present = (kind: EntryKind) => index.firstOf(item.id, kind) !== undefined
      const missing = options.required.filter((kind) => !present(kind))
      if (missing.length > 0)
        report({
          messageId: 'missing',
          data: { item: itemName(item), kinds: kindList(missing) },
          item,
        })
      if (!item.major) continue
      const missingMajor = options.requiredForMajor.filter(
        (kind) => !present(kind) && !missing.includes(kind),
      )
      if (missingMajor.length > 0) {
        report({
          messageId: 'missingMajor',
          data: { item: itemName(item), kinds: kindList(missingMajor) },
          item,
        })
      }
    }
  },
})
