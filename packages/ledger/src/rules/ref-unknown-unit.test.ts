import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnknownUnit } from './ref-unknown-unit.js'

testRule(refUnknownUnit, {
  valid: [
    { name: 'units of the plan', entries: [entry({ unit: 'fgj' }), entry({ unit: 'park-a' })] },
  ],
  invalid: [
    {
      name: 'an alias',
      entries: [entry({ unit: '发展和改革局' })],
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'fgj' } }],
    },
    {
      name: 'a slip',
      entries: [entry({ unit: 'jxi' })],
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'jxj' } }],
    },
    {
      name: 'a group',
      entries: [entry({ unit: 'parks' })],
      errors: [{ messageId: 'group', data: { members: 'park-a, park-b' } }],
    },
    {
      name: 'unknown',
      entries: [entry({ unit: 'housing-bureau' })],
      errors: [{ messageId: 'unknown', path: '/entries/0/unit' }],
    },
  ],
})
