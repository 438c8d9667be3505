import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { entryDateOutsidePeriod } from './entry-date-outside-period.js'

testRule(entryDateOutsidePeriod, {
  valid: [
    {
      name: 'inside, both ends',
      entries: [entry({ date: '2017-01-01' }), entry({ date: '2017-12-31' })],
    },
    {
      name: 'inside the grace days',
      entries: [entry({ date: '2018-01-20' })],
      options: { graceDays: 31 },
    },
  ],
  invalid: [
    {
      name: 'before and after',
      entries: [entry({ date: '2016-12-31' }), entry({ date: '2018-01-01' })],
      errors: [
        { messageId: 'outside', data: { date: '2016-12-31' }, path: '/entries/0/date' },
        { messageId: 'outside', data: { date: '2018-01-01', end: '2017-12-31' } },
      ],
    },
  ],
})
