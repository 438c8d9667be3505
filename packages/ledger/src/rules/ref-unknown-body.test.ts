import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnknownBody } from './ref-unknown-body.js'

testRule(refUnknownBody, {
  valid: [
    {
      name: 'the leading group',
      entries: [entry({ kind: 'meetingDecision', meeting: { body: 'qcgz' } })],
    },
  ],
  invalid: [
    {
      name: 'a body the plan does not have',
      entries: [entry({ kind: 'meetingDecision', meeting: { body: '常务会' } })],
      errors: [{ messageId: 'unknown', data: { known: 'qcgz 区创改组, qcxb 区创新办' } }],
    },
  ],
})
