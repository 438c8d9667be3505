import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { entryDuplicateId } from './entry-duplicate-id.js'

testRule(entryDuplicateId, {
  valid: [{ name: 'unique ids', entries: [entry({ id: 'a' }), entry({ id: 'b' })] }],
  invalid: [
    {
      name: 'the same id twice, across files',
      entries: [
        entry({ id: 'a', source: { file: 'fgj.yaml', line: 4, column: 5, path: '/entries/0' } }),
        entry({ id: 'a', source: { file: 'jxj.yaml', line: 9, column: 5, path: '/entries/2' } }),
      ],
      errors: [
        {
          messageId: 'duplicate',
          data: { entry: 'a', first: 'fgj.yaml:4' },
          path: '/entries/2/id',
        },
      ],
    },
  ],
})
