import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { decisionProcedureComplete } from './decision-procedure-complete.js'

const procedure = (item: string, unit: string) => [
  entry({ item, unit, kind: 'research' }),
  entry({ item, unit, kind: 'discussion' }),
  entry({ item, unit, kind: 'meetingDecision', meeting: { body: 'qcgz' } }),
]
const majorExtras = ['expertReview', 'riskAssessment', 'legalityReview'] as const

testRule(decisionProcedureComplete, {
  valid: [
    {
      name: 'every item complete, the major item with its three reviews',
      entries: [
        ...procedure('i1', 'fgj'),
        ...procedure('i2', 'jxj'),
        ...majorExtras.map((kind) => entry({ item: 'i2', unit: 'jxj', kind })),
      ],
    },
    {
      name: 'lighter requirements',
      requirements: { decision: ['meetingDecision'], decisionForMajor: [] },
      entries: [
        entry({ item: 'i1', kind: 'meetingDecision' }),
        entry({ item: 'i2', unit: 'jxj', kind: 'meetingDecision' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'missing materials, and the reviews of a major item',
      entries: [
        entry({ item: 'i1', kind: 'research' }),
        ...procedure('i2', 'jxj'),
        entry({ item: 'i2', unit: 'jxj', kind: 'expertReview' }),
      ],
      errors: [
        {
          messageId: 'missing',
          data: {
            item: { zh: '（一）一般事项', en: '(1) 一般事项' },
            kinds: { zh: '讨论、上会研究', en: 'discussion, meeting decision' },
          },
          path: '/items/0',
        },
        {
          messageId: 'missingMajor',
          data: { kinds: { zh: '风险评估、合法性审查', en: 'risk assessment, legality review' } },
          path: '/items/1',
        },
      ],
    },
    {
      name: 'the 2019 profile adds public participation',
      requirements: { profile: 'major-decision-2019' },
      entries: [
        ...procedure('i1', 'fgj'),
        ...procedure('i2', 'jxj'),
        ...majorExtras.map((kind) => entry({ item: 'i2', unit: 'jxj', kind })),
      ],
      errors: [
        {
          messageId: 'missingMajor',
          data: { kinds: { zh: '公众参与', en: 'public participation' } },
        },
      ],
    },
  ],
})
