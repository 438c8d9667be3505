import type { EntryKind } from '../entry/schema.js'
import { defineRule, itemName, kindList } from '../rule-api.js'

export const decisionProcedureComplete = defineRule({
  id: 'decision/procedure-complete',
  meta: {
    type: 'problem',
    docs: {
      zh: '每个事项都要有调研、讨论、上会研究等决策程序资料;重大改革项目还要有专家论证、风险评估和合法性审查。所需种类在配置的 requirements 中设定(如 profile: major-decision-2019 按2019年《重大行政决策程序暂行条例》加入公众参与),报告按同一要求计算完整度。',
      en: "Every item has its decision-procedure materials (research, discussion, meeting decision); major items also expert review, risk assessment and legality review. The kinds are set in the config's requirements (e.g. profile: major-decision-2019 adds public participation, as the 2019 interim regulations on major administrative decisions require); the reports count completeness by the same requirements.",
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
    recommended: 'error',
  },
  check({ plan, index, requirements, report }) {
    for (const item of plan.items) {
      const present = (kind: EntryKind) => index.firstOf(item.id, kind) !== undefined
      const missing = requirements.decision.filter((kind) => !present(kind))
      if (missing.length > 0)
        report({
          messageId: 'missing',
          data: { item: itemName(item), kinds: kindList(missing) },
          item,
        })
      if (!item.major) continue
      const missingMajor = requirements.decisionForMajor.filter(
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
