import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { attachmentMissing } from './attachment-missing.js'

const files = new Map([
  ['files/a.pdf', { path: 'files/a.pdf', exists: true }],
  ['files/gone.pdf', { path: 'files/gone.pdf', exists: false }],
])

testRule(attachmentMissing, {
  valid: [
    {
      name: 'present',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/a.pdf' }] })],
    },
    {
      name: 'paths outside the root are another rule',
      attachments: files,
      entries: [entry({ attachments: [{ path: '../x' }] })],
    },
  ],
  invalid: [
    {
      name: 'gone, or never gathered',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/gone.pdf' }, { path: 'files/other.pdf' }] })],
      errors: [
        { messageId: 'missing', data: { path: 'files/gone.pdf' } },
        { messageId: 'missing', data: { path: 'files/other.pdf' } },
      ],
    },
  ],
})
