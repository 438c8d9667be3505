import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { attachmentRequired } from './attachment-required.js'

testRule(attachmentRequired, {
  valid: [
    {
      name: 'attached, and a KPI report (exempt by default)',
      entries: [
        entry({ attachments: [{ path: 'files/a.pdf' }] }),
        entry({ kind: 'kpiReport', kpi: { id: 'firms', value: 1 } }),
      ],
    },
    {
      name: 'a bonus claim without proof is left to bonus/proof-attached',
      entries: [entry({ kind: 'bonusProof', bonus: { reason: '获国家级表彰', points: 2 } })],
    },
  ],
  invalid: [
    {
      name: 'nothing attached',
      entries: [entry({ kind: 'minutes' })],
      errors: [{ messageId: 'none', data: { kind: { zh: '纪要', en: 'minutes' } } }],
    },
  ],
})
