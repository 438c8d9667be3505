import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { supervisionCadence } from './supervision-cadence.js'

const approved = entry({ kind: 'formalPlan', date: '2017-03-10' })

testRule(supervisionCadence, {
  valid: [
    {
      name: 'a record every quarter up to asOf',
      asOf: '2017-10-15',
      entries: [
        approved,
        entry({ kind: 'supervision', date: '2017-03-28' }),
        entry({ kind: 'supervision', date: '2017-06-30' }),
        entry({ kind: 'supervision', date: '2017-08-01' }),
      ],
    },
    { name: 'not approved yet', entries: [entry({ kind: 'research' })] },
    {
      name: 'nothing is owed after the plan period ends, however late the check',
      asOf: '2026-11-25',
      entries: [
        approved,
        ...['2017-03-28', '2017-06-30', '2017-08-01', '2017-12-01'].map((date) =>
          entry({ kind: 'supervision', date }),
        ),
      ],
    },
    {
      name: 'monthly when configured',
      asOf: '2017-05-31',
      requirements: { supervision: 'month' },
      entries: [
        approved,
        ...['2017-03-20', '2017-04-20', '2017-05-20'].map((date) =>
          entry({ kind: 'supervision', date }),
        ),
      ],
    },
  ],
  invalid: [
    {
      name: 'a quarter without a record',
      asOf: '2017-12-31',
      entries: [
        approved,
        entry({ kind: 'supervision', date: '2017-03-28' }),
        entry({ kind: 'supervision', date: '2017-08-01' }),
        entry({ kind: 'supervision', date: '2017-12-01' }),
      ],
      errors: [
        {
          messageId: 'gap',
          data: { period: '2017Q2', start: '2017-04-01', end: '2017-06-30' },
          path: '/items/0',
        },
      ],
    },
  ],
})
