// A district's own rules, written as an outsider writes them: everything from the package's
// public entry, nothing from its files. Each rule uses one kind of query the built-in rules
// use, so whatever a built-in rule can do, a rule of your own can do too.
import { readdirSync, readFileSync } from 'node:fs'
import {
  checkLedger,
  completeIntervals,
  defineRule,
  type EntryKind,
  firstEqual,
  itemName,
  kindList,
  kpiProgress,
  type LedgerEntry,
  PART_BITS,
  pathEscape,
  type Rule,
  rules,
} from '@reformkit/ledger'
import { dayNumber, elapsedFraction } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { entry, plan } from './fixtures.js'

const messages = { found: { zh: '发现:{{what}}', en: 'Found: {{what}}' } }
const meta = {
  type: 'problem',
  recommended: 'warning',
  docs: { zh: '测试规则', en: 'A test rule', rationale: '测试' },
  messages,
} as const

function run(rule: Rule, entries: LedgerEntry[], requirements?: Record<string, unknown>) {
  return checkLedger({
    plan,
    entries,
    asOf: '2017-12-31',
    rules: [...rules, rule],
    config: {
      preset: 'none',
      rules: { [rule.id]: 'warning' },
      ...(requirements && { requirements }),
    },
  }).diagnostics
}
const whats = (rule: Rule, entries: LedgerEntry[], requirements?: Record<string, unknown>) =>
  run(rule, entries, requirements).map((d) => d.data.what)

describe('a rule of your own, from the public API only', () => {
  it('entriesOf and firstOf: an item’s entries of a kind, in date order', () => {
    const rule = defineRule({
      id: 'local/first-and-all',
      meta,
      check({ plan, index, report }) {
        for (const item of plan.items) {
          const all = index.entriesOf(item.id, 'research').map((e) => e.date)
          const first = index.firstOf(item.id, 'research')?.date ?? '-'
          report({ messageId: 'found', data: { what: `${item.id} ${first} ${all}` }, item })
        }
      },
    })
    expect(
      whats(rule, [
        entry({ date: '2017-05-01' }),
        entry({ date: '2017-02-01' }),
        entry({ kind: 'discussion' }),
      ]),
    ).toEqual(['i1 2017-02-01 2017-02-01,2017-05-01', 'i2 - '])
  })

  it('a visitor over the entries having a part, with positions and day numbers', () => {
    const rule = defineRule({
      id: 'local/late-kpi',
      meta,
      check({ index, report }) {
        const mid = dayNumber('2017-07-01')
        return {
          having: 'kpi',
          entry(e, position) {
            if ((index.columns.day[position] as number) >= mid)
              report({ messageId: 'found', data: { what: e.id }, entry: e, position })
          },
        }
      },
    })
    const late = entry({
      id: 'late',
      kind: 'kpiReport',
      date: '2017-08-01',
      kpi: { id: 'firms', value: 3 },
    })
    const found = run(rule, [entry({ date: '2017-08-01' }), late])
    expect(found.map((d) => d.data.what)).toEqual(['late'])
    expect(found[0]?.subject).toEqual({ entry: 1, entryId: 'late', item: 'i1', unit: 'fgj' })
  })

  it('has, isPlanItem and isPlanUnit: parts and resolved references by position', () => {
    const rule = defineRule({
      id: 'local/columns',
      meta,
      check({ entries, index, report }) {
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i] as LedgerEntry
          const bits = (index.columns.has[i] as number) & PART_BITS.attachments
          expect(index.has(i, 'attachments')).toBe(bits !== 0)
          const what = [
            index.isPlanItem(i) ? 'item' : 'no-item',
            index.isPlanUnit(i) ? 'unit' : 'no-unit',
            index.has(i, 'attachments') ? 'files' : 'no-files',
          ].join(' ')
          report({ messageId: 'found', data: { what }, entry: e, position: i })
        }
      },
    })
    expect(
      whats(rule, [
        entry({ attachments: [{ path: 'files/a.pdf' }] }),
        entry({ item: 'nope' }),
        entry({ unit: 'parks' }),
      ]),
    ).toEqual(['item unit files', 'no-item unit no-files', 'item no-unit no-files'])
  })

  it('firstEqual over the seeded hash columns: repeats in linear time', () => {
    const rule = defineRule({
      id: 'local/same-title',
      meta,
      check({ entries, index, report }) {
        const first = firstEqual(
          entries.length,
          (i) => index.columns.contentHash[i] as number,
          (a, b) => entries[a]?.title === entries[b]?.title,
          (i) => entries[i]?.title ?? '',
        )
        first.forEach((earlier, i) => {
          const e = entries[i] as LedgerEntry
          if (earlier >= 0) report({ messageId: 'found', data: { what: e.id }, entry: e })
        })
      },
    })
    const found = run(rule, [
      entry({ id: 'a' }),
      entry({ id: 'b' }),
      entry({ id: 'c', title: 'x' }),
    ])
    expect(found.map((d) => d.data.what)).toEqual(['b'])
    // Reported without a position, the engine still finds the entry's index.
    expect(found[0]?.subject?.entry).toBe(1)
  })

  it('requirements, labels, intervals, KPI progress and paths: the same helpers', () => {
    const rule = defineRule({
      id: 'local/helpers',
      meta,
      check({ plan, index, requirements, asOf, report }) {
        for (const item of plan.items) {
          const wanted: readonly EntryKind[] = requirements.items.get(item.id)?.decision ?? []
          const kpi = item.kpis[0]
          const state = kpi
            ? kpiProgress(kpi, index.entriesOf(item.id, 'kpiReport'), {
                asOf,
                elapsed: elapsedFraction(plan.period, asOf),
                projection: requirements.kpiProjection,
              }).state
            : 'none'
          const cadence = requirements.supervision
          const spans =
            cadence === 'none' ? 0 : completeIntervals('2017-01-01', asOf, cadence).length
          const what = `${itemName(item).en}: ${kindList(wanted).en}; ${state}; ${spans}`
          report({ messageId: 'found', data: { what }, planPath: ['items', 0] })
        }
        expect(pathEscape('../x')).toBe('parent')
      },
    })
    expect(whats(rule, [], { profile: 'major-decision-2019' })).toEqual([
      '(1) 一般事项: ; unreported; 2',
      '(2) 重大事项: public participation, expert review, risk assessment, legality review, meeting decision; none; 2',
    ])
    expect(whats(rule, [], { profile: 'wuhan-etdz-2017', supervision: 'year' })).toEqual([
      '(1) 一般事项: research, discussion, meeting decision; unreported; 1',
      '(2) 重大事项: research, discussion, meeting decision, expert review, risk assessment, legality review; none; 1',
    ])
    // The default, generic: nothing the plan does not state, no supervision cadence.
    expect(whats(rule, [])).toEqual(['(1) 一般事项: ; unreported; 0', '(2) 重大事项: ; none; 0'])
  })
})

describe('the built-in rules', () => {
  const dir = new URL('../src/rules/', import.meta.url)
  it.each(readdirSync(dir).filter((f) => f.endsWith('.ts')))(
    '%s imports nothing from the engine but the public rule API',
    (file) => {
      const text = readFileSync(new URL(file, dir), 'utf8')
      expect(text).not.toMatch(/from '\.\.\/engine\//)
    },
  )

  it('use only what the main entry exports (the rule API is part of it)', async () => {
    const api = await import('../src/rule-api.js')
    const main = await import('@reformkit/ledger')
    for (const name of Object.keys(api)) expect(main, name).toHaveProperty(name)
  })
})
