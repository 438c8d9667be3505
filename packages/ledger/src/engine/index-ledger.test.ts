import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entry, plan } from '../../test/fixtures.js'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'
import { indexLedger } from './index-ledger.js'

// What the index promises, stated the slow way: an item's entries in date order, file
// order within a day.
const naive = (entries: LedgerEntry[], keep: (e: LedgerEntry) => boolean) =>
  entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => keep(e))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e.id)

describe('indexLedger', () => {
  const generated = fc.array(
    fc.record({
      item: fc.constantFrom('i1', 'i2', 'nope'),
      kind: fc.constantFrom(...ENTRY_KINDS.slice(0, 4)),
      day: fc.integer({ min: 1, max: 9 }),
    }),
    { maxLength: 200 },
  )

  it('lists entries by item and by item and kind in date order, file order within a day; firstOf is the head', () => {
    fc.assert(
      fc.property(generated, (rows) => {
        const entries = rows.map(({ item, kind, day }, i) =>
          entry({ id: `e${i}`, item, kind, date: `2017-0${day}-0${day}` }),
        )
        const index = indexLedger(plan, entries)
        for (const item of ['i1', 'i2', 'nope']) {
          const expected = naive(entries, (e) => e.item === item)
          expect(index.byItem.get(item)?.map((e) => e.id) ?? []).toEqual(expected)
          for (const kind of ENTRY_KINDS) {
            const ofKind = naive(entries, (e) => e.item === item && e.kind === kind)
            expect(index.entriesOf(item, kind).map((e) => e.id)).toEqual(ofKind)
            expect(index.firstOf(item, kind)?.id).toBe(ofKind[0])
          }
        }
        expect(index.entriesOf('unknown', 'research')).toEqual([])
        expect(index.firstOf('unknown', 'research')).toBeUndefined()
        expect(index.columns.day.length).toBe(entries.length)
      }),
      { numRuns: 200 },
    )
  })

  it('leaves out entries rules cannot read', () => {
    const good = entry({ id: 'ok' })
    const bad = { ...entry({ id: 'bad' }), date: '2017-02-30x' } as LedgerEntry
    const index = indexLedger(plan, [bad, good])
    expect([...index.byItem.values()].flat().map((e) => e.id)).toEqual(['ok'])
  })
})
