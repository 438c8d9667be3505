import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnknownItem } from './ref-unknown-item.js'

testRule(refUnknownItem, {
  valid: [
    { name: 'known items', entries: [entry({ item: 'i1' }), entry({ item: 'i2', unit: 'jxj' })] },
  ],
  invalid: [
    {
      name: 'a slip gets a suggestion',
      entries: [entry({ id: 'x', item: 'i3' })],
      errors: [
        {
          messageId: 'unknownSuggest',
          data: { item: 'i3', suggestion: 'i1' },
          path: '/entries/0/item',
        },
      ],
    },
    {
      name: 'nothing close',
      entries: [entry({ item: 'housing' })],
      errors: [{ messageId: 'unknown' }],
    },
  ],
})
