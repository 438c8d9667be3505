import type { Diagnostic } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { computeViews } from '../src/views/compute.js'
import { loadExample } from './example.js'

const example = await loadExample()
const byNumber = (views: ReturnType<typeof computeViews>, n: number) => {
  const view = views.items.find((v) => v.item.number === n)
  if (!view) throw new Error(`no item ${n}`)
  return view
}

describe('computeViews on the Wuhan 2017 example', () => {
  const views = computeViews(example)

  it('colours each item and says why', () => {
    expect(views.byLight).toEqual({ red: 4, yellow: 0, blue: 0, green: 11 })
    expect(views.byStatus).toEqual({
      notStarted: 0,
      inProgress: 0,
      done: 11,
      overdue: 4,
      atRisk: 0,
    })
    const one = byNumber(views, 1)
    expect(one.light).toBe('red')
    expect(one.reasons.map((r) => r.message.zh)).toEqual([
      '指标“新增高新技术企业”未完成(18家)',
      '指标“新增企业研发机构”未报送数据',
    ])
    expect(byNumber(views, 9).reasons[0]?.message.en).toBe(
      'the plan period is over; missing discussion',
    )
    expect(byNumber(views, 2)).toMatchObject({ light: 'green', status: 'done', completeness: 1 })
  })

  it('computes KPI attainment by accumulation', () => {
    const kpis = byNumber(views, 1).kpis.map((k) => [k.kpi.id, k.actual, k.state])
    expect(kpis).toEqual([
      ['platforms', 3, 'met'],
      ['projects', 10, 'met'],
      ['innovation-valley-entities', 30, 'met'],
      ['high-tech-enterprises', 18, 'unmet'],
      ['rnd-institutions', undefined, 'unreported'],
    ])
  })

  it('scores every item so that each point traces to its reason', () => {
    for (const view of views.items) {
      const { lines, base, bonus, deduction, total, deductions } = view.score
      const max = lines.reduce((s, l) => s + l.max, 0)
      const earned = lines.reduce((s, l) => s + l.points, 0)
      expect(base).toBeCloseTo((earned / max) * 100, 0)
      expect(deduction).toBeCloseTo(
        deductions.reduce((s, d) => s + d.points, 0),
        5,
      )
      expect(total).toBeCloseTo(Math.max(0, base + bonus - deduction), 5)
    }
    const nine = byNumber(views, 9).score
    expect(nine.lines.find((l) => l.part === 'decisionProcedure')).toMatchObject({
      points: 13.3,
      max: 20,
      reason: { zh: '2/3 项,缺讨论' },
    })
    expect(nine.deductions.map((d) => [d.diagnostic.ruleId, d.points])).toEqual([
      ['decision/procedure-complete', 2],
    ])
    expect(byNumber(views, 8).score.bonus).toBe(3)
    // The bonus claimed without proof (item 7) earns nothing and costs the error's points.
    expect(byNumber(views, 7).score).toMatchObject({ bonus: 0, deduction: 2 })
  })

  it('ranks units, ties sharing a rank', () => {
    const ranks = views.units.map((u) => u.rank)
    expect(Math.min(...ranks)).toBe(1)
    const sorted = [...views.units].sort((a, b) => a.rank - b.rank)
    for (let i = 1; i < sorted.length; i++)
      expect((sorted[i - 1] as (typeof sorted)[number]).score).toBeGreaterThanOrEqual(
        (sorted[i] as (typeof sorted)[number]).score,
      )
    expect(views.units.find((u) => u.unit.id === 'dzb')).toBeUndefined()
  })

  it('reads the ledger as it stood on an earlier day: later entries do not count', () => {
    const october = computeViews({ ...example, asOf: '2017-10-15' })
    const one = byNumber(october, 1)
    expect(one.status).toBe('atRisk')
    expect(one.light).toBe('yellow')
    expect(one.kpis.map((k) => k.state)).toEqual([
      'unreported',
      'unreported',
      'behind',
      'behind',
      'unreported',
    ])
    expect(one.missing).toEqual(['supervision', 'progress'])
  })

  it('follows the rubric and light settings of the config', () => {
    const strict = computeViews({
      ...example,
      config: { rubric: { deductionPerError: 10 }, report: { trafficLights: { redErrors: 1 } } },
    })
    expect(byNumber(strict, 7).score.deduction).toBe(10)
    expect(byNumber(strict, 2).light).toBe('red')
  })
})

describe('which entry a finding is charged through', () => {
  const first = example.entries[0]
  if (!first) throw new Error('the example has no entries')
  // Four entries of one item filed out of date order, the last two on the same day.
  const dates = ['2017-06-01', '2017-03-01', '2017-09-01', '2017-03-01']
  const entries = dates.map((date, i) => ({ ...first, id: `t${i}`, date }))
  const finding = (entry: number, n: number): Diagnostic => ({
    ruleId: `test/${entry}-${n}`,
    severity: 'warning',
    message: `finding ${n} on t${entry}`,
    messageId: 'test',
    data: {},
    location: {},
    subject: { item: first.item, unit: first.unit, entry, entryId: `t${entry}` },
  })
  const diagnostics = [finding(2, 1), finding(0, 1), finding(3, 1), finding(1, 1), finding(0, 2)]
  const charged = (list: typeof entries) =>
    computeViews({ ...example, entries: list, diagnostics })
      .items.find((v) => v.item.id === first.item)
      ?.score.deductions.map((d) => d.diagnostic.ruleId)

  it('charges them in the date order of their entries, file order within a day', () => {
    expect(charged(entries)).toEqual(['test/1-1', 'test/3-1', 'test/0-1', 'test/0-2', 'test/2-1'])
  })

  it('orders entries built in code with dates that are not YYYY-MM-DD by their text', () => {
    const odd = entries.map((e, i) => (i === 2 ? { ...e, date: '2017-09-01T08:00' } : e))
    expect(charged(odd)).toEqual(['test/1-1', 'test/3-1', 'test/0-1', 'test/0-2', 'test/2-1'])
  })
})
