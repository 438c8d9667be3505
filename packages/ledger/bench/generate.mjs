// A seeded, province-scale plan and ledger for the benchmarks of @reformkit/ledger and
// @reformkit/report: 100 districts × 15 items, 1,000,000 entries by default.
import { parsePlan } from '@reformkit/model'

const DISTRICTS = 100
const ITEMS_PER_DISTRICT = 15
const UNITS_PER_DISTRICT = 16
export const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000)

/** mulberry32: a small seeded generator, so every run checks the same ledger. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(2017)
const int = (n) => Math.floor(rand() * n)
const pad = (n) => String(n).padStart(2, '0')
const day = (from = 1) => {
  const month = from + int(13 - from)
  return `2017-${pad(month)}-${pad(1 + int(28))}`
}

export function generatePlan() {
  const units = []
  const items = []
  let number = 0
  for (let d = 0; d < DISTRICTS; d++) {
    for (let u = 0; u < UNITS_PER_DISTRICT; u++)
      units.push({ id: `d${d}-u${u}`, name: `第${d}区单位${u}`, kind: 'department' })
    for (let i = 0; i < ITEMS_PER_DISTRICT; i++) {
      number++
      const major = i < 3
      items.push({
        id: `d${d}-i${i}`,
        number,
        category: 'local',
        title: `第${d}区改革事项${i}`,
        responsible: [0, 1, 2].map((k) => `d${d}-u${(i + k * 5) % UNITS_PER_DISTRICT}`),
        major,
        kpis: [
          {
            id: `d${d}-i${i}-k`,
            measure: '新增企业',
            unit: '家',
            target: { comparator: 'atLeast', value: 100 },
            accumulation: 'sum',
          },
        ],
        milestones: major
          ? [
              {
                id: `d${d}-i${i}-m`,
                title: '出台方案',
                due: '2017-06-30',
                ownerPerson: '张三',
                ownerUnit: `d${d}-u${i}`,
              },
            ]
          : [],
      })
    }
  }
  const result = parsePlan(
    JSON.stringify({
      schema: 'reformkit/plan@1',
      id: 'province',
      title: '全省改革工作方案(基准测试)',
      period: { start: '2017-01-01', end: '2017-12-31' },
      bodies: {
        leadingGroup: { id: 'qcgz', name: '区创改组' },
        office: { id: 'qcxb', name: '区创新办' },
      },
      units,
      categories: [{ id: 'local', label: '特色改革事项', kind: 'local' }],
      items,
    }),
  )
  if (!result.ok)
    throw new Error(`bench plan invalid: ${JSON.stringify(result.diagnostics.slice(0, 3))}`)
  return result.plan
}

const procedure = [
  'research',
  'discussion',
  'expertReview',
  'riskAssessment',
  'legalityReview',
  'meetingDecision',
  'minutes',
  'formalPlan',
]
export function generateEntries(plan) {
  const entries = []
  const perItem = Math.ceil(ENTRIES / plan.items.length)
  for (const item of plan.items) {
    for (let k = 0; k < perItem && entries.length < ENTRIES; k++) {
      const unit = item.responsible[int(item.responsible.length)]
      const id = `e${entries.length}`
      const entry = {
        id,
        item: item.id,
        unit,
        kind: 'progress',
        date: day(3),
        title: `进展材料${k}`,
      }
      if (k < procedure.length) {
        entry.kind = procedure[k]
        entry.date = `2017-0${1 + Math.floor(k / 4)}-${pad(1 + k * 3)}`
        if (entry.kind === 'meetingDecision') entry.meeting = { body: 'qcgz', session: '第1次会议' }
      } else if (k % 50 === 0) {
        entry.kind = 'supervision'
      } else if (k % 40 === 1) {
        entry.kind = 'kpiReport'
        entry.kpi = { id: item.kpis[0].id, value: 1 + int(3) }
      } else if (k % 97 === 0 && item.milestones[0]) {
        entry.milestone = item.milestones[0].id
      }
      entry.attachments =
        entry.kind === 'kpiReport'
          ? []
          : [
              {
                path: `files/${unit}/${id}.pdf`,
                sha256: (id.length.toString(16) + '0'.repeat(63)).slice(0, 64),
                bytes: 1000 + k,
              },
            ]
      entries.push(entry)
    }
  }
  return entries
}

/** Median of timings. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Median of each run's ratio mine/theirs, to two decimals. Pairing keeps this machine's
 * drift (its memory speed varies by half from one second to the next) out of the ratio:
 * both sides of a pair ran moments apart.
 */
export const pairedRatio = (mine, theirs) =>
  Number(median(mine.map((ms, run) => ms / theirs[run])).toFixed(2))

/** [milliseconds, value] of running fn (awaited). */
export async function time(fn) {
  const start = performance.now()
  const value = await fn()
  return [performance.now() - start, value]
}
