import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnknownMilestone } from './ref-unknown-milestone.js'

testRule(refUnknownMilestone, {
  valid: [
    {
      name: 'a milestone of the item',
      entries: [entry({ item: 'i2', unit: 'jxj', kind: 'progress', milestone: 'm1' })],
    },
  ],
  invalid: [
    {
      name: 'unknown',
      entries: [entry({ item: 'i2', unit: 'jxj', kind: 'progress', milestone: 'm9' })],
      errors: [{ messageId: 'unknown' }],
    },
    {
      name: 'of another item',
      entries: [entry({ item: 'i1', kind: 'progress', milestone: 'm1' })],
      errors: [{ messageId: 'unknown', path: '/entries/0/milestone' }],
    },
  ],
})
