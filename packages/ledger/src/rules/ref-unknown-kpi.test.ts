import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnknownKpi } from './ref-unknown-kpi.js'

const report = (id: string, item = 'i1') =>
  entry({ item, kind: 'kpiReport', kpi: { id, value: 1 } })

testRule(refUnknownKpi, {
  valid: [{ name: 'KPIs of the item', entries: [report('firms'), report('platforms')] }],
  invalid: [
    {
      name: 'by its measure',
      entries: [report('新增企业')],
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'firms' } }],
    },
    {
      name: 'a slip',
      entries: [report('firm')],
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'firms' } }],
    },
    {
      name: 'of another item',
      entries: [report('firms', 'i2')],
      errors: [{ messageId: 'otherItem', data: { owner: 'i1' } }],
    },
    {
      name: 'unknown',
      entries: [report('gdp')],
      errors: [{ messageId: 'unknown', path: '/entries/0/kpi' }],
    },
  ],
})
