import type { LedgerEntry } from '@reformkit/ledger'
import { compareText, type Diagnostic } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attribute } from './group.js'

/** What `attribute` returns, as it was first written: a map of an array per entry. */
function reference(
  entries: readonly LedgerEntry[],
  diagnostics: readonly Diagnostic[],
  asOf: string,
) {
  const add = <V>(map: Map<string, V[]>, key: string, value: V) =>
    map.set(key, [...(map.get(key) ?? []), value])
  const item = new Map<string, Diagnostic[]>()
  const onEntry = new Map<number, Diagnostic[]>()
  for (const d of diagnostics) {
    const s = d.subject
    if (s?.item === undefined) continue
    if (s.entry === undefined) {
      if (s.entryId === undefined) add(item, s.item, d)
      continue
    }
    const entry = entries[s.entry]
    if (entry && entry.date <= asOf) onEntry.set(s.entry, [...(onEntry.get(s.entry) ?? []), d])
  }
  const order = [...onEntry.keys()].sort(
    (a, b) => compareText(entries[a]?.date ?? '', entries[b]?.date ?? '') || a - b,
  )
  const itemEntries = new Map<string, Diagnostic[]>()
  const unitEntries = new Map<string, Diagnostic[]>()
  for (const position of order) {
    const entry = entries[position] as LedgerEntry
    for (const d of onEntry.get(position) ?? []) {
      add(itemEntries, entry.item, d)
      add(unitEntries, entry.unit, d)
    }
  }
  return { item, itemEntries, unitEntries }
}

describe('attribute', () => {
  it('charges each finding as a map of an array per entry would (property)', () => {
    const entry = fc.record({
      item: fc.constantFrom('i1', 'i2', 'i3'),
      unit: fc.constantFrom('u1', 'u2'),
      date: fc.constantFrom('2017-01-05', '2017-03-01', '2017-03-01', '2017-12-31', '2018-02-01'),
    })
    const subject = fc.record(
      {
        item: fc.constantFrom('i1', 'i2', 'i3'),
        entryId: fc.constant('e'),
        entry: fc.integer({ min: -1, max: 12 }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 10 }),
        fc.array(fc.option(subject, { nil: undefined }), { maxLength: 30 }),
        (given, subjects) => {
          const entries = given as unknown as LedgerEntry[]
          const diagnostics = subjects.map(
            (s, n): Diagnostic => ({
              ruleId: `test/${n}`,
              severity: 'warning',
              message: `${n}`,
              messageId: 'test',
              data: {},
              location: {},
              ...(s ? { subject: s } : {}),
            }),
          )
          expect(attribute(entries, diagnostics, '2017-12-31')).toEqual(
            reference(entries, diagnostics, '2017-12-31'),
          )
        },
      ),
      { numRuns: 500, seed: 2017 },
    )
  })
})
