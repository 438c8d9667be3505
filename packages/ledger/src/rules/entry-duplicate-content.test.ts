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
    {
      name: 'a busy day of many entries, repeats far apart in the file',
      entries: [
        entry({ id: 'x0', title: '周报' }),
        ...Array.from({ length: 12 }, (_, i) => entry({ id: `p${i}`, title: `进展${i}` })),
        entry({ id: 'x1', title: '周报' }),
        entry({ id: 'x2', title: '周报' }),
        entry({ id: 'p3-again', title: '进展3', date: '2017-03-01' }),
      ],
      errors: [
        { messageId: 'duplicate', data: { entry: 'x1', first: 'x0' } },
        { messageId: 'duplicate', data: { entry: 'x2', first: 'x0' } },
        { messageId: 'duplicate', data: { entry: 'p3-again', first: 'p3' } },
      ],
    },
  ],
})
