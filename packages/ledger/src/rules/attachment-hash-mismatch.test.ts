import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { attachmentHashMismatch } from './attachment-hash-mismatch.js'

const a = 'a'.repeat(64)
const b = 'b'.repeat(64)
const files = new Map([
  ['files/a.pdf', { path: 'files/a.pdf', exists: true, sha256: a, bytes: 10 }],
])

testRule(attachmentHashMismatch, {
  valid: [
    {
      name: 'as recorded',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/a.pdf', sha256: a, bytes: 10 }] })],
    },
    {
      name: 'nothing recorded',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/a.pdf' }] })],
    },
  ],
  invalid: [
    {
      name: 'changed content',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/a.pdf', sha256: b, bytes: 10 }] })],
      errors: [{ messageId: 'hash', data: { expected: 'bbbbbbbbbbbb', actual: 'aaaaaaaaaaaa' } }],
    },
    {
      name: 'changed size',
      attachments: files,
      entries: [entry({ attachments: [{ path: 'files/a.pdf', bytes: 11 }] })],
      errors: [{ messageId: 'bytes' }],
    },
  ],
})
