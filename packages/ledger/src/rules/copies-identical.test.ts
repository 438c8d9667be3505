import { testRule } from '../../test/rule-tester.js'
import { copiesIdentical } from './copies-identical.js'

testRule(copiesIdentical, {
  valid: [
    { name: 'identical copies', entries: [], copies: [{ label: 'copy-b', differences: [] }] },
  ],
  invalid: [
    {
      name: 'one attachment changed, one entry missing',
      entries: [],
      copies: [
        {
          label: 'copy-b',
          differences: [
            { kind: 'changed', what: 'attachment', id: 'files/a.pdf' },
            { kind: 'removed', what: 'entry', id: 'fgj-002' },
          ],
        },
      ],
      errors: [
        { messageId: 'changed', data: { id: 'files/a.pdf' }, path: '/attachments/files/a.pdf' },
        { messageId: 'removed', data: { id: 'fgj-002' } },
      ],
    },
  ],
})
