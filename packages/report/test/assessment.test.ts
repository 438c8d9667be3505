// An assessment an office would defend (issue 15, item 3): evidence never scores below
// silence, and one more valid entry never lowers anyone's score.
import { checkLedger, type LedgerEntry } from '@reformkit/ledger'
import type { Plan } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeViews } from '../src/views/compute.js'
import type { PlanViews } from '../src/views/types.js'
import { loadExample } from './example.js'

const example = await loadExample()

function assess(entries: readonly LedgerEntry[], plan: Plan = example.plan) {
  const checked = checkLedger({
    plan,
    entries,
    asOf: example.asOf,
    config: example.ledgerConfig,
  })
  const views = computeViews({
    plan,
    entries,
    diagnostics: checked.diagnostics,
    asOf: example.asOf,
    ledgerConfig: example.ledgerConfig,
  })
  return { views, diagnostics: checked.diagnostics }
}

const scores = (views: PlanViews) => new Map(views.units.map((u) => [u.unit.id, u.score]))

/** No unit that filed nothing ranks above one that filed something. */
function silenceNeverOutranks(views: PlanViews) {
  const silent = views.units.filter((u) => u.entries === 0)
  const filed = views.units.filter((u) => u.entries > 0)
  for (const s of silent) {
    expect(s.score).toBe(0)
    for (const f of filed) expect(s.rank).toBeGreaterThanOrEqual(f.rank)
  }
}

describe('the assessment never rewards silence', () => {
  it('on the example: every line explains the score, and silent units score 0', () => {
    const { views } = assess(example.entries)
    silenceNeverOutranks(views)
    for (const unit of views.units) {
      const weights = unit.lines.reduce((sum, l) => sum + l.weight, 0)
      const mean = unit.lines.reduce((sum, l) => sum + l.weight * l.points, 0) / weights
      expect(unit.base).toBeCloseTo(mean, 1)
      expect(unit.deduction).toBeCloseTo(
        unit.deductions.reduce((sum, d) => sum + d.points, 0),
        5,
      )
    }
    // Half the units fall silent: each scores 0, below every unit that filed.
    const quiet = new Set(example.plan.units.filter((_, i) => i % 2 === 0).map((u) => u.id))
    const half = assess(example.entries.filter((e) => !quiet.has(e.unit))).views
    silenceNeverOutranks(half)
    expect(half.units.filter((u) => u.entries === 0).length).toBeGreaterThan(3)
  })

  it('weights 牵头 and 配合 as the rubric says; a unit earns only where it filed', () => {
    // Item (一) gets roles: 发改局 leads, the others support.
    const plan: Plan = {
      ...example.plan,
      items: example.plan.items.map((item) =>
        item.number === 1
          ? { ...item, lead: ['fgj'], support: item.responsible.filter((id) => id !== 'fgj') }
          : item,
      ),
    }
    const { views } = assess(example.entries, plan)
    const fgj = views.units.find((u) => u.unit.id === 'fgj')
    expect(fgj?.lines.find((l) => l.item.number === 1)).toMatchObject({ role: 'lead', weight: 1 })
    const jxj = views.units.find((u) => u.unit.id === 'jxj')
    expect(jxj?.lines.find((l) => l.item.number === 1)).toMatchObject({
      role: 'support',
      weight: 0.5,
    })
    // A park (a member of 各园区) supports through its group.
    const park = views.units.find((u) => u.unit.id === 'xjzz')
    expect(park?.lines.find((l) => l.item.number === 1)?.role).toBe('support')
  })
})

describe('adding a valid entry never lowers a score; removing one never raises it', () => {
  const full = assess(example.entries)
  // Entries the full check finds nothing wrong with.
  const flagged = new Set(full.diagnostics.flatMap((d) => d.subject?.entryId ?? []))
  const clean = example.entries.filter((e) => !flagged.has(e.id))

  it('over random ledgers drawn from the example', () => {
    fc.assert(
      fc.property(
        fc.subarray(example.entries.map((_, i) => i)),
        fc.integer({ min: 0, max: clean.length - 1 }),
        (kept, pick) => {
          const entry = clean[pick] as LedgerEntry
          const without = kept
            .map((i) => example.entries[i] as LedgerEntry)
            .filter((e) => e !== entry)
          const withIt = [...without, entry]
          const before = assess(without)
          const after = assess(withIt)
          // Valid here: the entry draws no finding, and no other entry gets a new one.
          const onEntries = (ds: typeof before.diagnostics) =>
            new Set(
              ds.flatMap((d) => (d.subject?.entryId ? [`${d.ruleId} ${d.subject.entryId}`] : [])),
            )
          const was = onEntries(before.diagnostics)
          const now = onEntries(after.diagnostics)
          fc.pre([...now].every((key) => was.has(key)))
          const a = scores(before.views)
          const b = scores(after.views)
          for (const [unit, score] of b) expect(score).toBeGreaterThanOrEqual(a.get(unit) ?? 0)
          for (const [unit, score] of a) expect(b.get(unit) ?? 0).toBeGreaterThanOrEqual(score)
          silenceNeverOutranks(before.views)
          silenceNeverOutranks(after.views)
        },
      ),
      { numRuns: 30, seed: 2017 },
    )
  })
})
