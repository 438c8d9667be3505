// The report reads what items must show from the requirements, and judges KPIs with the
// same function as the rule kpi/attainment: never from a rule's options or findings.
import {
  checkLedger,
  type LedgerConfig,
  type LedgerEntry,
  resolveRequirements,
} from '@reformkit/ledger'
import { addDays, type Kpi, type Plan } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeViews } from '../src/views/compute.js'
import { loadExample } from './example.js'

const example = await loadExample()

describe('what the assessment requires', () => {
  // Item (一) marked major: expert review, risk assessment and legality review are required.
  const plan: Plan = {
    ...example.plan,
    items: example.plan.items.map((item) => (item.number === 1 ? { ...item, major: true } : item)),
  }
  const required = (ledgerConfig: LedgerConfig) => {
    const { diagnostics } = checkLedger({
      plan,
      entries: example.entries,
      asOf: example.asOf,
      config: ledgerConfig,
    })
    const views = computeViews({ ...example, plan, diagnostics, ledgerConfig })
    const one = views.items.find((v) => v.item.number === 1)
    return {
      required: one?.materials.filter((m) => m.required).map((m) => m.kind),
      missing: one?.missing,
      findings: diagnostics.filter((d) => d.ruleId === 'decision/procedure-complete').length,
    }
  }

  it('does not change when decision/procedure-complete is switched off', () => {
    const wuhan = { profile: 'wuhan-etdz-2017' } as const
    const on = required({ requirements: wuhan })
    const off = required({
      requirements: wuhan,
      rules: { 'decision/procedure-complete': 'off' },
    })
    expect(on.required).toEqual(
      expect.arrayContaining(['expertReview', 'riskAssessment', 'legalityReview']),
    )
    expect(off.required).toEqual(on.required)
    expect(off.missing).toEqual(on.missing)
    // Only the findings differ.
    expect(on.findings).toBeGreaterThan(0)
    expect(off.findings).toBe(0)
  })

  it('follows the requirements of the config, for rules and reports alike', () => {
    const lighter = required({
      requirements: { profile: 'wuhan-etdz-2017', decisionForMajor: ['legalityReview'] },
    })
    expect(lighter.required).toContain('legalityReview')
    expect(lighter.required).not.toContain('expertReview')
    const profile2019 = required({ requirements: { profile: 'major-decision-2019' } })
    expect(profile2019.required).toContain('publicParticipation')
    // generic, the default, requires no decision procedure the plan does not state.
    const generic = required({})
    expect(generic.required).toEqual(['progress'])
    expect(generic.findings).toBe(0)
  })
})

describe('one judgement of a KPI', () => {
  const base = example.plan
  const start = base.period.start
  const kpiArb = fc.record({
    comparator: fc.constantFrom('atLeast', 'atMost', 'exactly', 'range'),
    value: fc.integer({ min: 0, max: 50 }),
    width: fc.integer({ min: 0, max: 20 }),
    accumulation: fc.constantFrom('sum', 'latest'),
    approximate: fc.boolean(),
    per: fc.constantFrom('period', 'year'),
    kind: fc.constantFrom('count', 'growth'),
  })
  const reportArb = fc.record({
    day: fc.integer({ min: 0, max: 364 }),
    value: fc.integer({ min: 0, max: 40 }),
  })

  it('the KPI view and kpi/attainment agree under every projection', () => {
    fc.assert(
      fc.property(
        kpiArb,
        fc.array(reportArb, { maxLength: 6 }),
        fc.integer({ min: -10, max: 400 }),
        fc.constantFrom('elapsed', 'none'),
        (k, reports, asOfDay, kpiProjection) => {
          const kpi: Kpi = {
            id: 'k',
            measure: '指标',
            unit: '个',
            target: {
              comparator: k.comparator as Kpi['target']['comparator'],
              value: k.value,
              ...(k.comparator === 'range' ? { upper: k.value + k.width } : {}),
              approximate: k.approximate,
              per: k.per as Kpi['target']['per'],
            },
            kind: k.kind as Kpi['kind'],
            accumulation: k.accumulation as Kpi['accumulation'],
          }
          const item = { ...(base.items[0] as Plan['items'][number]), kpis: [kpi], milestones: [] }
          const plan: Plan = { ...base, items: [item] }
          const unit = item.responsible[0] ?? ''
          const entries: LedgerEntry[] = reports.map((r, i) => ({
            id: `r${i}`,
            item: item.id,
            unit,
            kind: 'kpiReport',
            date: addDays(start, r.day),
            title: '指标数据',
            attachments: [],
            kpi: { id: 'k', value: r.value },
          }))
          const asOf = addDays(start, asOfDay)
          const config: LedgerConfig = {
            preset: 'none',
            rules: { 'kpi/attainment': 'warning' },
            requirements: { kpiProjection },
          }
          const found = checkLedger({ plan, entries, asOf, config }).diagnostics.map(
            (d) => d.messageId,
          )
          const view = computeViews({ plan, entries, asOf, ledgerConfig: config }).items[0]?.kpis[0]
          const expected =
            view?.state === 'unmet' ? ['over', 'unmet'] : view?.state === 'behind' ? ['behind'] : []
          if (expected.length === 0) expect(found).toEqual([])
          else {
            expect(found).toHaveLength(1)
            expect(expected).toContain(found[0])
          }
          if (kpiProjection === 'none') expect(view?.state).not.toBe('behind')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('resolves the projection once, from the config', () => {
    expect(resolveRequirements(base, {}).kpiProjection).toBe('elapsed')
    expect(
      resolveRequirements(base, { requirements: { kpiProjection: 'none' } }).kpiProjection,
    ).toBe('none')
  })
})
