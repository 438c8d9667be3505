import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { milestoneOverdue } from './milestone-overdue.js'

testRule(milestoneOverdue, {
  valid: [
    { name: 'not yet due', asOf: '2017-06-30', entries: [] },
    {
      name: 'reached',
      asOf: '2017-09-01',
      entries: [
        entry({ item: 'i2', unit: 'jxj', kind: 'progress', milestone: 'm1', date: '2017-07-05' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'past due with no progress',
      asOf: '2017-07-12',
      entries: [entry({ item: 'i2', unit: 'jxj', kind: 'progress', date: '2017-07-01' })],
      errors: [
        {
          messageId: 'overdue',
          data: { days: 12, due: '2017-06-30' },
          path: '/items/1/milestones/0/due',
        },
      ],
    },
  ],
})
