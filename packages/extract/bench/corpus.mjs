// pnpm --filter @reformkit/extract bench: the extractor scored on the development corpus
// (test/corpus: published plans of several shapes, each with a hand-made truth file) and
// on the Wuhan seed (its truth is examples/wuhan-etdz-2017/plan.yaml), plus the time for
// 5 MB of text. Prints a table, then one JSON line. Targets: items and unit assignments
// ≥ 95 %, targets ≥ 90 %.
import { readdirSync, readFileSync } from 'node:fs'
import { parsePlan } from '@reformkit/model'
import { extractPlan, scoreDraft } from '../dist/index.js'

const corpus = new URL('../test/corpus/', import.meta.url)
const docs = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({
    name: f.replace(/\.txt$/, ''),
    text: readFileSync(new URL(f, corpus), 'utf8'),
    truth: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.truth.json'), corpus), 'utf8')),
  }))
const example = parsePlan(
  readFileSync(new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url), 'utf8'),
).plan
const nameOf = (id) =>
  [...example.units, ...example.unitGroups].find((u) => u.id === id)?.name ?? id
docs.unshift({
  name: 'wuhan-etdz-2017 (seed)',
  text: readFileSync(
    new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
    'utf8',
  ),
  truth: {
    items: example.items.map((i) => ({
      title: i.title,
      responsible: i.responsible.map(nameOf),
      targets: i.kpis.map((k) => ({ value: k.target.value, comparator: k.target.comparator })),
    })),
  },
})

const totals = { items: [0, 0, 0], units: [0, 0, 0], targets: [0, 0, 0] }
const pct = (n) => `${(n * 100).toFixed(1)}%`
console.log('document'.padEnd(26), 'items R/P'.padEnd(16), 'units R/P'.padEnd(16), 'targets R/P')
for (const doc of docs) {
  const { plan } = await extractPlan(doc.text)
  const score = scoreDraft(plan, doc.truth)
  for (const key of Object.keys(totals)) {
    totals[key][0] += score[key].truth
    totals[key][1] += score[key].found
    totals[key][2] += score[key].matched
  }
  const cell = (s) => `${pct(s.recall)}/${pct(s.precision)}`.padEnd(16)
  console.log(doc.name.padEnd(26), cell(score.items), cell(score.units), cell(score.targets))
}
const overall = Object.fromEntries(
  Object.entries(totals).map(([key, [truth, found, matched]]) => [
    key,
    {
      recall: Number((matched / truth || 0).toFixed(3)),
      precision: Number((matched / found || 1).toFixed(3)),
    },
  ]),
)
// Linear time: 5 MB of plan text.
const seed = readFileSync(
  new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
  'utf8',
)
const section = seed.slice(seed.indexOf('三、重点参与'), seed.indexOf('四、保障措施'))
let big = seed.slice(0, seed.indexOf('三、重点参与'))
while (big.length < 5_000_000) big += section
const start = performance.now()
const { plan } = await extractPlan(big)
const ms = Math.round(performance.now() - start)
console.log(
  JSON.stringify({
    bench: 'extract/corpus',
    documents: docs.length,
    ...overall,
    goals: { items: 0.95, units: 0.95, targets: 0.9 },
    fiveMbMs: ms,
    fiveMbItems: plan.items.length,
  }),
)
