// ledger → workbook → ledger over generated ledgers with awkward text (issue 17, item 3).
import { ENTRY_KINDS, type LedgerEntry } from '@reformkit/ledger'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTemplate, importWorkbook } from '../src/index.js'
import { content, loadExample } from './example.js'

const { plan } = await loadExample()

/** Text as the ledger keeps it (trimmed, not empty), awkward on purpose. */
const awkward = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      '=SUM(A1:A3)',
      '+86 27 8489',
      '第一行\n第二行',
      'carriage\rreturn',
      'bell\u0007here',
      '_x000D_ is literal',
      '１２３全角',
      '😀 emoji 🇨🇳',
      '<b>&amp;</b> "quoted"',
      '00123',
      'TRUE',
    ),
    fc.string({ unit: 'grapheme-ascii', minLength: 2000, maxLength: 5000 }),
  )
  .map((text) => text.trim())
  .filter((text) => text.length > 0)

const isoDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))

const entry = (i: number) =>
  fc.record(
    {
      id: fc.constant(`e-${i}`),
      item: fc.constantFrom(...plan.items.map((item) => item.id)),
      unit: fc.constantFrom(...plan.units.map((unit) => unit.id)),
      kind: fc.constantFrom(...ENTRY_KINDS),
      date: isoDate,
      title: awkward,
      issuer: awkward,
      documentNumber: awkward,
      note: awkward,
      attachments: fc.array(
        fc.record(
          {
            path: awkward,
            sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
            bytes: fc.nat(),
          },
          { requiredKeys: ['path'] },
        ),
        { maxLength: 3 },
      ),
      meeting: fc.record(
        { body: fc.constant('qcgz'), session: awkward },
        { requiredKeys: ['body'] },
      ),
      kpi: fc.record(
        {
          id: fc.constantFrom('k1', 'unknown-kpi'),
          value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
          asOf: isoDate,
        },
        { requiredKeys: ['id', 'value'] },
      ),
      milestone: fc.constant('m1'),
      bonus: fc.record({ reason: awkward, points: fc.integer({ min: -10, max: 10 }) }),
    },
    { requiredKeys: ['id', 'item', 'unit', 'kind', 'date', 'title', 'attachments'] },
  )

const ledger = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i))))

describe('the round trip, property', () => {
  it('gives back the same entries with the same ids, whatever their text', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (entries) => {
        const given = entries as LedgerEntry[]
        const bytes = await createTemplate({ plan, entries: given, blankRows: 5 })
        const read = importWorkbook(bytes, { plan, filename: 'p.xlsx' })
        expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
        expect(read.entries.map(content)).toEqual(given)
      }),
      // No shrinking: a workbook per step over texts of 5,000 characters would outlast the test.
      { numRuns: 25, endOnFailure: true },
    )
  })
})
