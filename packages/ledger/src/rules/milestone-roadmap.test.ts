import { parsePlan } from '@reformkit/model'
import { entry, plan } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { milestoneRoadmap } from './milestone-roadmap.js'

const withMilestones = (milestones: unknown[]) => {
  const data = structuredClone(plan) as unknown as { items: Array<{ milestones: unknown[] }> }
  if (data.items[1]) data.items[1].milestones = milestones
  const result = parsePlan(JSON.stringify(data))
  if (!result.plan) throw new Error(JSON.stringify(result.diagnostics))
  return result.plan
}

testRule(milestoneRoadmap, {
  valid: [{ name: 'the major item has an owned, dated milestone', entries: [entry()] }],
  invalid: [
    {
      name: 'no roadmap',
      plan: withMilestones([]),
      entries: [],
      errors: [{ messageId: 'noRoadmap', path: '/items/1' }],
    },
    {
      name: 'no responsible person',
      plan: withMilestones([{ id: 'm1', title: '出台方案', due: '2017-06-30', ownerUnit: 'jxj' }]),
      entries: [],
      errors: [
        { messageId: 'noOwner', data: { milestone: '出台方案' }, path: '/items/1/milestones/0' },
      ],
    },
  ],
})
