import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { planApprovedBeforeImplementation } from './plan-approved-before-implementation.js'

const approval = [
  entry({ kind: 'meetingDecision', date: '2017-03-01', meeting: { body: 'qcgz' } }),
  entry({ kind: 'formalPlan', date: '2017-03-05' }),
]

testRule(planApprovedBeforeImplementation, {
  valid: [
    {
      name: 'approved, then progress',
      entries: [...approval, entry({ kind: 'progress', date: '2017-04-01' })],
    },
    { name: 'no progress yet: nothing to check', entries: [entry({ kind: 'research' })] },
    {
      name: 'under generic, which asks for no approval, progress alone',
      entries: [entry({ kind: 'progress', date: '2017-03-02' })],
      requirements: { profile: 'generic' },
    },
  ],
  invalid: [
    {
      name: 'progress before the formal plan',
      entries: [...approval, entry({ kind: 'progress', date: '2017-03-02' })],
      errors: [{ messageId: 'noFormalPlan', data: { date: '2017-03-02' }, path: '/entries/2' }],
    },
    {
      name: 'approved by the wrong body',
      entries: [
        entry({ kind: 'meetingDecision', date: '2017-03-01', meeting: { body: 'qcxb' } }),
        entry({ kind: 'formalPlan', date: '2017-03-05' }),
        entry({ kind: 'progress', date: '2017-04-01' }),
      ],
      errors: [{ messageId: 'noApproval', data: { body: '区创改组' } }],
    },
  ],
})
