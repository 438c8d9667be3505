import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { kpiAttainment } from './kpi-attainment.js'

const report = (id: string, value: number, date: string) =>
  entry({ kind: 'kpiReport', date, kpi: { id, value } })

testRule(kpiAttainment, {
  valid: [
    {
      name: 'met at year end: sums add up, the latest platform count wins',
      asOf: '2017-12-31',
      entries: [
        report('firms', 10, '2017-06-30'),
        report('firms', 16, '2017-12-20'),
        report('platforms', 1, '2017-06-30'),
        report('platforms', 3, '2017-12-01'),
      ],
    },
    {
      name: 'on pace at mid-year',
      asOf: '2017-07-02',
      entries: [report('firms', 13, '2017-06-30'), report('platforms', 3, '2017-06-30')],
    },
    { name: 'nothing reported: kpi/reported says so', entries: [] },
  ],
  invalid: [
    {
      name: 'unmet at year end',
      asOf: '2017-12-31',
      entries: [report('firms', 20, '2017-12-20'), report('platforms', 4, '2017-12-01')],
      errors: [
        { messageId: 'unmet', data: { actual: 20, target: '≥ 25' }, path: '/items/0/kpis/0' },
        { messageId: 'unmet', data: { actual: 4, target: '= 3' }, path: '/items/0/kpis/1' },
      ],
    },
    {
      name: 'behind the pace at mid-year',
      asOf: '2017-07-02',
      entries: [report('firms', 6, '2017-06-30'), report('platforms', 3, '2017-06-30')],
      errors: [{ messageId: 'behind', data: { actual: 6, projected: 12 } }],
    },
  ],
})
