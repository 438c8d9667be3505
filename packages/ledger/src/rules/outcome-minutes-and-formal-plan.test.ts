import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { outcomeMinutesAndFormalPlan } from './outcome-minutes-and-formal-plan.js'

const meeting = () =>
  entry({ kind: 'meetingDecision', date: '2017-03-01', meeting: { body: 'qcgz' } })

testRule(outcomeMinutesAndFormalPlan, {
  valid: [
    {
      name: 'both outcomes',
      entries: [meeting(), entry({ kind: 'minutes' }), entry({ kind: 'formalPlan' })],
    },
    { name: 'no meeting yet', entries: [entry({ kind: 'research' })] },
  ],
  invalid: [
    {
      name: 'no minutes',
      entries: [meeting(), entry({ kind: 'formalPlan' })],
      errors: [
        {
          messageId: 'missing',
          data: { kinds: { zh: '纪要', en: 'minutes' } },
          path: '/entries/0',
        },
      ],
    },
  ],
})
