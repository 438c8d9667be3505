import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { kpiValueValid } from './kpi-value-valid.js'

const report = (value: number, asOf?: string) =>
  entry({
    kind: 'kpiReport',
    date: '2017-06-30',
    kpi: { id: 'firms', value, ...(asOf ? { asOf } : {}) },
  })

testRule(kpiValueValid, {
  valid: [
    {
      name: 'whole, positive, described before it was filed',
      entries: [report(12, '2017-06-30'), report(0)],
    },
  ],
  invalid: [
    { name: 'negative', entries: [report(-2)], errors: [{ messageId: 'negative' }] },
    {
      name: 'half an enterprise',
      entries: [report(2.5)],
      errors: [{ messageId: 'fraction', data: { unit: '家' } }],
    },
    {
      name: 'describes the future',
      entries: [report(3, '2017-07-31')],
      errors: [{ messageId: 'asOfAfterDate' }],
    },
  ],
})
