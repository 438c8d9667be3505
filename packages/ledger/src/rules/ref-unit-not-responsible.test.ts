import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { refUnitNotResponsible } from './ref-unit-not-responsible.js'

testRule(refUnitNotResponsible, {
  valid: [
    {
      name: 'responsible unit',
      entries: [entry({ item: 'i1', unit: 'fgj' }), entry({ item: 'i2', unit: 'jxj' })],
    },
    { name: 'member of a responsible group', entries: [entry({ item: 'i1', unit: 'park-b' })] },
    {
      name: 'exempt unit',
      entries: [entry({ item: 'i2', unit: 'fgj' })],
      options: { exemptUnits: ['fgj'] },
    },
    { name: 'unknown refs are other rules', entries: [entry({ item: 'nope', unit: 'nobody' })] },
  ],
  invalid: [
    {
      name: 'another unit',
      entries: [entry({ item: 'i2', unit: 'fgj' })],
      errors: [
        {
          messageId: 'notResponsible',
          data: { unit: '发改局', item: '（二）', responsible: '经信局' },
        },
      ],
    },
  ],
})
