import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { entryKindFields } from './entry-kind-fields.js'

testRule(entryKindFields, {
  valid: [
    {
      name: 'each kind with its field',
      entries: [
        entry({ kind: 'research' }),
        entry({ kind: 'meetingDecision', meeting: { body: 'qcgz' } }),
        entry({ kind: 'kpiReport', kpi: { id: 'firms', value: 3 } }),
        entry({ kind: 'bonusProof', bonus: { reason: '获省级表彰', points: 2 } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'meeting decision without meeting',
      entries: [entry({ kind: 'meetingDecision' })],
      errors: [{ messageId: 'missing', data: { field: 'meeting' } }],
    },
    {
      name: 'research with a KPI value',
      entries: [entry({ kind: 'research', kpi: { id: 'firms', value: 1 } })],
      errors: [{ messageId: 'unexpected', data: { field: 'kpi' }, path: '/entries/0/kpi' }],
    },
  ],
})
