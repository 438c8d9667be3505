import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { kpiReported } from './kpi-reported.js'

testRule(kpiReported, {
  valid: [
    {
      name: 'both KPIs reported',
      entries: ['firms', 'platforms'].map((id) =>
        entry({ kind: 'kpiReport', kpi: { id, value: 1 } }),
      ),
    },
  ],
  invalid: [
    {
      name: 'one unreported, one reported only after asOf',
      asOf: '2017-06-30',
      entries: [
        entry({ kind: 'kpiReport', date: '2017-07-01', kpi: { id: 'platforms', value: 1 } }),
      ],
      errors: [
        {
          messageId: 'unreported',
          data: { measure: '新增企业', target: '≥ 25 家' },
          path: '/items/0/kpis/0',
        },
        { messageId: 'unreported', data: { measure: '平台' }, path: '/items/0/kpis/1' },
      ],
    },
  ],
})
