import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { entryFutureDate } from './entry-future-date.js'

testRule(entryFutureDate, {
  valid: [
    {
      name: 'on or before asOf',
      asOf: '2017-06-30',
      entries: [entry({ date: '2017-06-30' }), entry({ date: '2017-01-02' })],
    },
  ],
  invalid: [
    {
      name: 'after asOf',
      asOf: '2017-06-30',
      entries: [entry({ date: '2017-07-01' })],
      errors: [{ messageId: 'future', data: { asOf: '2017-06-30' } }],
    },
  ],
})
