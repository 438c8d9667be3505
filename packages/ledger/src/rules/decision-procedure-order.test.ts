import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { decisionProcedureOrder } from './decision-procedure-order.js'

testRule(decisionProcedureOrder, {
  valid: [
    {
      name: 'in order, reviews in any order among themselves, gaps allowed',
      entries: [
        entry({ kind: 'research', date: '2017-02-01' }),
        entry({ kind: 'legalityReview', date: '2017-03-01' }),
        entry({ kind: 'expertReview', date: '2017-02-20' }),
        entry({ kind: 'meetingDecision', date: '2017-03-01', meeting: { body: 'qcgz' } }),
        entry({ kind: 'research', date: '2017-05-01' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'meeting before the expert review',
      entries: [
        entry({ kind: 'research', date: '2017-02-01' }),
        entry({ kind: 'meetingDecision', date: '2017-03-01', meeting: { body: 'qcgz' } }),
        entry({ kind: 'expertReview', date: '2017-03-10' }),
      ],
      errors: [
        {
          messageId: 'early',
          data: {
            date: '2017-03-01',
            beforeDate: '2017-03-10',
            kind: { zh: '上会研究', en: 'meeting decision' },
          },
          path: '/entries/1/date',
        },
      ],
    },
  ],
})
