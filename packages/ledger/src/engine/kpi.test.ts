import type { Kpi, KpiTarget } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import type { LedgerEntry } from '../entry/schema.js'
import { kpiProgress, meetsTarget, targetBounds, targetText } from './kpi.js'

const target = (t: Partial<KpiTarget>): KpiTarget => ({
  comparator: 'exactly',
  value: 2000,
  approximate: false,
  per: 'period',
  ...t,
})
const kpi = (t: Partial<KpiTarget>, more: Partial<Kpi> = {}) => ({
  id: 'k',
  accumulation: 'sum' as const,
  kind: 'count' as const,
  target: target(t),
  ...more,
})
const report = (date: string, value: number) =>
  ({
    id: `r-${date}`,
    item: 'i',
    kind: 'kpiReport',
    date,
    title: 't',
    kpi: { id: 'k', value },
  }) as LedgerEntry
const fiveYears = { start: '2021-01-01', end: '2025-12-31' }

describe('approximate targets (左右)', () => {
  it("accept the tolerance either way, the target's own or the default 5 %", () => {
    expect(meetsTarget(target({ approximate: true }), 1905)).toBe(true)
    expect(meetsTarget(target({ approximate: true }), 2099)).toBe(true)
    expect(meetsTarget(target({ approximate: true }), 1890)).toBe(false)
    expect(meetsTarget(target({ approximate: true, tolerance: 0.1 }), 1810)).toBe(true)
    expect(meetsTarget(target({ approximate: true }), 1810, 0.1)).toBe(true)
    expect(meetsTarget(target({}), 1999)).toBe(false)
    expect(targetBounds(target({ comparator: 'atLeast', approximate: true }))).toEqual([
      1900,
      Number.POSITIVE_INFINITY,
    ])
  })

  it('read as written when the plan wrote them, else with ≈ or about', () => {
    expect(targetText(target({ approximate: true, written: '2000名左右' }))).toBe('2000名左右')
    expect(targetText(target({ approximate: true }))).toBe('≈ 2000')
    expect(targetText(target({ comparator: 'atLeast', approximate: true }), 'en')).toBe(
      '≥ about 2000',
    )
    expect(targetText(target({ comparator: 'atLeast', per: 'year' }))).toBe('每年 ≥ 2000')
    expect(targetText(target({ comparator: 'atLeast', per: 'year' }), 'en')).toBe('≥ 2000 a year')
  })

  it('an approximate KPI near its value is met', () => {
    const progress = kpiProgress(kpi({ approximate: true }), [report('2025-06-01', 1950)], {
      asOf: '2025-12-31',
      elapsed: 1,
      projection: 'elapsed',
    })
    expect(progress).toEqual({ state: 'met', actual: 1950 })
  })
})

describe('targets per year (每年)', () => {
  const perYear = kpi({ comparator: 'atLeast', value: 100, per: 'year' })
  const reports = [report('2021-05-01', 120), report('2022-03-01', 30), report('2022-04-01', 20)]
  const at = (asOf: string) =>
    kpiProgress(perYear, reports, { asOf, elapsed: 0.3, projection: 'elapsed', period: fiveYears })

  it('are judged on the year of asOf: its reports, its share of the year elapsed', () => {
    expect(at('2021-12-31')).toEqual({ state: 'met', actual: 120 })
    // 2022: 50 by the end of June (half the year gone) projects to about 100: on track.
    expect(at('2022-06-30').state).toBe('onTrack')
    // …and 50 by the end of September is behind.
    expect(at('2022-09-30').state).toBe('behind')
    expect(at('2022-12-31')).toEqual({ state: 'unmet', actual: 50 })
  })

  it('without the period, are judged over the whole', () => {
    expect(
      kpiProgress(perYear, reports, { asOf: '2022-12-31', elapsed: 1, projection: 'none' }),
    ).toEqual({
      state: 'met',
      actual: 170,
    })
  })
})

describe('growth rates', () => {
  it('are the latest rate reported, never summed nor projected', () => {
    const growth = kpi({ value: 6.5, approximate: true }, { kind: 'growth', unit: '%' })
    const rates = [report('2021-12-31', 6.1), report('2022-12-31', 5.0)]
    expect(
      kpiProgress(growth, rates, { asOf: '2023-06-30', elapsed: 0.5, projection: 'elapsed' }),
    ).toEqual({ state: 'pending', actual: 5 })
    expect(
      kpiProgress(growth, rates.slice(0, 1), {
        asOf: '2025-12-31',
        elapsed: 1,
        projection: 'elapsed',
      }),
    ).toEqual({ state: 'unmet', actual: 6.1 })
  })
})
