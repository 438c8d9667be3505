// The Wuhan seed text → a draft equal to examples/wuhan-etdz-2017/plan.yaml in items,
// categories (1/11/3), units per item and the five KPIs of item (一) (issue 18).
import { readFileSync } from 'node:fs'
import { parsePlan } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { extractPlan } from '../src/index.js'

const seed = readFileSync(
  new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
  'utf8',
)
const truth = parsePlan(
  readFileSync(new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url), 'utf8'),
).plan
if (!truth) throw new Error('the example plan must parse')
const { plan: draft, diagnostics } = await extractPlan(seed, { filename: 'wuhan-etdz-2017.txt' })

const unitName = (id: string) =>
  truth.units.find((u) => u.id === id)?.name ?? truth.unitGroups.find((g) => g.id === id)?.name
const draftName = (id: string) =>
  draft.units.find((u) => u.id === id)?.name ?? draft.unitGroups?.find((g) => g.id === id)?.name

describe('the Wuhan 2017 seed text', () => {
  it('gives a draft that parsePlan accepts', () => {
    const parsed = parsePlan(JSON.stringify(draft))
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('finds the title, issuer, date and period', () => {
    expect(draft.title).toBe(truth.title)
    expect(draft.issued).toBe('2017-08-17')
    expect(draft.issuer).toBe(truth.issuer)
    expect(draft.period).toEqual(truth.period)
    expect(diagnostics.map((d) => d.ruleId)).toContain('extract/date-guess')
  })

  it('finds the 15 items with their titles, in three categories of 1, 11 and 3', () => {
    expect(draft.items.map((i) => i.title)).toEqual(truth.items.map((i) => i.title))
    const counts = draft.categories.map(
      (c) => draft.items.filter((i) => i.category === c.id).length,
    )
    expect(counts).toEqual([1, 11, 3])
    expect(draft.categories.map((c) => [c.label, c.count])).toEqual(
      truth.categories.map((c) => [c.label, c.count]),
    )
  })

  it('assigns every item its units, in the plan’s order', () => {
    expect(draft.items.map((i) => (i.responsible ?? []).map(draftName))).toEqual(
      truth.items.map((i) => i.responsible.map(unitName)),
    )
  })

  it('reads the five targets of item (一)', () => {
    const kpis = (draft.items[0]?.kpis ?? []).map((k) => [
      k.target.comparator,
      k.target.value,
      k.unit,
    ])
    expect(kpis).toEqual(
      truth.items[0]?.kpis.map((k) => [k.target.comparator, k.target.value, k.unit]),
    )
    for (const [i, kpi] of (draft.items[0]?.kpis ?? []).entries())
      expect(truth.items[0]?.kpis[i]?.measure).toContain(kpi.measure.replace(/建设$/, ''))
    // No other item has a numeric target.
    expect(draft.items.slice(1).flatMap((i) => i.kpis ?? [])).toEqual([])
  })
})
