// pnpm bench (model part): parsePlan on a generated plan of 10,000 items, 1,000 units and
// 50,000 KPIs, against the `yaml` package's own parse of the same text, in one run.
// Prints one JSON line; the ratio target is ≤ 2.0 (reported, never asserted).
import { parse } from 'yaml'
import { parsePlan } from '../dist/index.js'

const ITEMS = 10_000
const UNITS = 1_000
const KPIS_PER_ITEM = 5
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

function generatePlan() {
  const lines = [
    'schema: reformkit/plan@1',
    'id: bench',
    'title: 基准测试工作方案',
    'period: { start: 2017-01-01, end: 2017-12-31 }',
    'units:',
  ]
  for (let u = 0; u < UNITS; u++) lines.push(`  - { id: u${u}, name: 单位${u}, kind: department }`)
  lines.push('unitGroups:', '  - { id: g0, name: 各园区, members: [u0, u1, u2] }')
  lines.push('categories:', '  - { id: c1, label: 重点参与市级改革事项, kind: cityParticipate }')
  lines.push('items:')
  for (let i = 0; i < ITEMS; i++) {
    lines.push(
      `  - id: item-${i + 1}`,
      `    number: ${i + 1}`,
      '    category: c1',
      `    title: 推进第${i + 1}项改革`,
      '    text: 大力推进区内企业进行数字化、智能化改造升级。积极开展两化融合试点,推动重点企业数字化改造。',
      `    responsible: [u${i % UNITS}, u${(i * 7) % UNITS}, g0]`,
      '    kpis:',
    )
    for (let k = 0; k < KPIS_PER_ITEM; k++) {
      lines.push(
        `      - id: k${i + 1}-${k}`,
        '        measure: 新增高新技术企业',
        '        unit: 家',
        `        target: { comparator: atLeast, value: ${k + 1} }`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const text = generatePlan()
const check = parsePlan(text)
if (!check.ok) {
  console.error(check.diagnostics.slice(0, 5))
  throw new Error('the generated plan must be valid')
}
const yamlMs = []
const parsePlanMs = []
for (let run = 0; run < RUNS; run++) {
  let start = performance.now()
  parse(text)
  yamlMs.push(performance.now() - start)
  start = performance.now()
  parsePlan(text)
  parsePlanMs.push(performance.now() - start)
}
const result = {
  bench: 'model/parsePlan',
  items: ITEMS,
  units: UNITS,
  kpis: ITEMS * KPIS_PER_ITEM,
  megabytes: Number((Buffer.byteLength(text) / 1024 / 1024).toFixed(1)),
  runs: RUNS,
  parsePlanMs: Math.round(median(parsePlanMs)),
  yamlParseMs: Math.round(median(yamlMs)),
  ratio: Number((median(parsePlanMs) / median(yamlMs)).toFixed(2)),
  target: 2,
}
console.log(JSON.stringify(result))
