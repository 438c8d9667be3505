import { entry } from '../../test/fixtures.js'
import { testRule } from '../../test/rule-tester.js'
import { bonusProofAttached } from './bonus-proof-attached.js'

const bonus = (points: number, attached = true) =>
  entry({
    kind: 'bonusProof',
    bonus: { reason: '获评省级示范', points },
    attachments: attached ? [{ path: 'files/proof.pdf' }] : [],
  })

testRule(bonusProofAttached, {
  valid: [{ name: 'proof attached, points within the cap', entries: [bonus(2), bonus(5)] }],
  invalid: [
    {
      name: 'no proof',
      entries: [bonus(2, false)],
      errors: [{ messageId: 'noProof', path: '/entries/0/attachments' }],
    },
    {
      name: 'over the cap',
      entries: [bonus(8)],
      errors: [{ messageId: 'points', data: { cap: 5 } }],
    },
    {
      name: 'a lower cap by option',
      options: { maxPointsPerEntry: 1 },
      entries: [bonus(2)],
      errors: [{ messageId: 'points', data: { cap: 1 } }],
    },
  ],
})
