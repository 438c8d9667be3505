import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { entryDuplicateContent } from './entry-duplicate-content.js'

testRule(entryDuplicateContent, {
  valid: [
    {
      name: 'different days',
      entries: [entry({ title: '调研' }), entry({ title: '调研', date: '2017-03-02' })],
    },
  ],
  invalid: [
    {
      name: 'filed twice',
      entries: [entry({ id: 'a', title: '调研报告' }), entry({ id: 'b', title: '调研报告 ' })],
      errors: [{ messageId: 'duplicate', data: { entry: 'b', first: 'a' } }],
    },
  ],
})
