import { checkLedger, rules } from '@reformkit/ledger'
import { generateEntries, generatePlan } from '../../ledger/bench/generate.mjs'
import { computeViews } from '../dist/index.js'

const plan = generatePlan()
const entries = generateEntries(plan)
const { diagnostics } = checkLedger({
  plan,
  entries,
  asOf: '2017-12-31',
  rules: rules.filter((r) => !r.meta.needs),
})
for (let i = 0; i < 5; i++) {
  globalThis.gc?.()
  const t = performance.now()
  computeViews({ plan, entries, diagnostics, asOf: '2017-12-31' })
  console.log('views', (performance.now() - t).toFixed(0))
}
