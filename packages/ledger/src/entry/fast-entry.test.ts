// fastEntry against the LedgerEntry schema, on well-formed entries and every way of
// breaking one: where it accepts, its output is the schema's, key order included; where the
// schema refuses, it refuses too (and parseLedger then asks the schema for the findings).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  FAST_KEYS,
  fastEntry,
  fastEnvelope,
  hasInvalidText,
  INVALID_CHARACTER,
  isSha256,
} from './fast-entry.js'
import { ENTRY_KINDS, ledgerSchemas } from './schema.js'

const { LedgerEntry } = ledgerSchemas()

const text = fc.oneof(
  fc.constantFrom('调研报告', ' padded ', '', '2017', 'a\u0007b', '  '),
  fc.string({ maxLength: 8 }),
)
const anything = fc.oneof(text, fc.integer(), fc.double(), fc.constant(null), fc.boolean())
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: anything })

const attachment = fc.record(
  {
    path: maybe(fc.constantFrom('files/a.pdf', 'files/b.pdf')),
    sha256: maybe(fc.constantFrom('a'.repeat(64), 'A'.repeat(64))),
    bytes: maybe(fc.constantFrom(0, 12, -1, 1.5)),
    extra: anything,
  },
  { requiredKeys: ['path'] },
)
const entry = fc.record(
  {
    id: maybe(fc.constantFrom('fgj-1', '1bad', 'a.b_c-d')),
    item: maybe(fc.constantFrom('item-01', '（三）')),
    unit: maybe(fc.constantFrom('fgj', '发改局')),
    kind: maybe(fc.constantFrom(...ENTRY_KINDS, '调研')),
    date: maybe(fc.constantFrom('2017-03-05', '2017-02-30', '2017年3月5日')),
    title: maybe(text),
    issuer: maybe(text),
    documentNumber: maybe(text),
    note: maybe(text),
    attachments: maybe(fc.array(attachment, { maxLength: 3 })),
    meeting: maybe(
      fc.record(
        { body: maybe(fc.constantFrom('qcgz', '区创改组')), session: maybe(text), extra: anything },
        { requiredKeys: ['body'] },
      ),
    ),
    kpi: maybe(
      fc.record(
        {
          id: maybe(fc.constantFrom('k1')),
          value: maybe(fc.oneof(fc.double(), fc.constant(Number.POSITIVE_INFINITY))),
          asOf: maybe(fc.constantFrom('2017-12-31', '2017-13-01')),
        },
        { requiredKeys: ['id', 'value'] },
      ),
    ),
    milestone: maybe(fc.constantFrom('m1')),
    bonus: maybe(fc.record({ reason: maybe(text), points: maybe(fc.integer()) })),
    unknownKey: anything,
  },
  { requiredKeys: [] },
)
// Keys in any order: the order of the output must still be the schema's.
const shuffled = entry.chain((e) =>
  fc
    .shuffledSubarray(Object.keys(e), { minLength: Object.keys(e).length })
    .map((keys) => Object.fromEntries(keys.map((k) => [k, e[k as keyof typeof e]]))),
)
// Well-formed entries, so that acceptance is exercised as much as refusal.
const wellFormed = fc.record(
  {
    id: fc.constantFrom('fgj-1', 'x.y'),
    item: fc.constant('item-01'),
    unit: fc.constant('fgj'),
    kind: fc.constantFrom(...ENTRY_KINDS),
    date: fc.constant('2017-03-05'),
    title: fc.constant('调研报告'),
    note: fc.constant('备注'),
    attachments: fc.array(
      fc.record({ path: fc.constant('files/a.pdf'), bytes: fc.nat() }, { requiredKeys: ['path'] }),
      { maxLength: 2 },
    ),
    meeting: fc.record({ body: fc.constant('qcgz'), session: fc.constant('第3次') }),
    kpi: fc.record({
      id: fc.constant('k1'),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    }),
    bonus: fc.record({ reason: fc.constant('获奖'), points: fc.integer() }),
  },
  { requiredKeys: ['id', 'item', 'unit', 'kind', 'date', 'title'] },
)

describe('fastEntry', () => {
  it("knows the schema's keys in the schema's order", () => {
    const { Attachment, Bonus, KpiValue, Meeting } = ledgerSchemas()
    expect(FAST_KEYS.entry).toEqual(Object.keys(LedgerEntry.shape))
    expect(FAST_KEYS.attachment).toEqual(Object.keys(Attachment.shape))
    expect(FAST_KEYS.meeting).toEqual(Object.keys(Meeting.shape))
    expect(FAST_KEYS.kpi).toEqual(Object.keys(KpiValue.shape))
    expect(FAST_KEYS.bonus).toEqual(Object.keys(Bonus.shape))
  })

  it('accepts only what the schema accepts, and outputs what it outputs (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          shuffled,
          wellFormed,
          wellFormed.chain((e) => fc.constant({ ...e })),
        ),
        (raw) => {
          const schema = LedgerEntry.safeParse(structuredClone(raw))
          const fast = fastEntry(structuredClone(raw))
          if (fast === undefined) return // the schema decides (and says why if it refuses)
          expect(schema.success).toBe(true)
          // The same value, keys in the same order at every level.
          expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data))
          expect(fast).toEqual(schema.data)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('accepts well-formed entries (the fast road is taken)', () => {
    fc.assert(
      fc.property(wellFormed, (raw) => {
        expect(fastEntry(structuredClone(raw))).toBeDefined()
      }),
      { numRuns: 300 },
    )
  })
})

describe('fastEnvelope', () => {
  it('passes only envelopes the schema accepts (property)', () => {
    const { LedgerEnvelope } = ledgerSchemas()
    let passed = 0
    fc.assert(
      fc.property(
        fc.record(
          {
            schema: maybe(fc.constant('reformkit/ledger@1')),
            unit: maybe(fc.constantFrom('fgj', ' fgj ')),
            title: text,
            note: text,
            entries: fc.oneof(fc.constant([]), fc.constant([1, 'x']), anything),
            extra: anything,
          },
          { requiredKeys: [] },
        ),
        (data) => {
          if (!fastEnvelope(data)) return
          passed++
          expect(LedgerEnvelope.safeParse(data).success).toBe(true)
        },
      ),
      // Seeded: unseeded, about one run in many drew only 19 envelopes the quick road passes.
      { numRuns: 2000, seed: 16 },
    )
    expect(passed).toBeGreaterThan(20)
  })
})

describe('hasInvalidText', () => {
  // Free text, now and then with a character no report can show: mostly in one field alone.
  const free = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('调研报告', 'ok') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('a\u0007b', '报\u202e告', 'x\ufffe', 'y\u2066z', 'z\u007f'),
    },
  )
  const withText = fc.record(
    {
      id: fc.constant('fgj-1'),
      item: free,
      unit: free,
      kind: fc.constantFrom(...ENTRY_KINDS),
      date: fc.constant('2017-03-05'),
      title: free,
      issuer: free,
      documentNumber: free,
      note: free,
      attachments: fc.array(fc.record({ path: free, sha256: fc.constant('a'.repeat(64)) }), {
        maxLength: 2,
      }),
      meeting: fc.record({ body: free, session: free }, { requiredKeys: ['body'] }),
      kpi: fc.record({ id: free, value: fc.integer(), asOf: fc.constant('2017-12-31') }),
      milestone: free,
      bonus: fc.record({ reason: free, points: fc.integer() }),
    },
    { requiredKeys: ['id', 'item', 'unit', 'kind', 'date', 'title'] },
  )
  /** Every string three levels down, as parseLedger's walk of an entry it reports on. */
  const anyInvalid = (value: unknown, depth = 0): boolean =>
    typeof value === 'string'
      ? INVALID_CHARACTER.test(value)
      : depth < 3 &&
        value !== null &&
        typeof value === 'object' &&
        Object.values(value).some((inner) => anyInvalid(inner, depth + 1))

  it('finds one wherever the walk of every string does, in an entry fastEntry accepts (property)', () => {
    fc.assert(
      fc.property(withText, (raw) => {
        const entry = fastEntry(structuredClone(raw))
        expect(entry).toBeDefined()
        if (entry) expect(hasInvalidText(entry)).toBe(anyInvalid(raw))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('isSha256', () => {
  it('answers as /^[0-9a-f]{64}$/ (property)', () => {
    // Mostly 64 hex digits, with a character just outside the ranges or a length off by one.
    const digit = fc.oneof(
      { arbitrary: fc.constantFrom(...'0123456789abcdef'), weight: 30 },
      { arbitrary: fc.constantFrom('/', ':', '`', 'g', 'A', 'F', '０', '\n'), weight: 1 },
    )
    const hex = fc.oneof(
      { arbitrary: fc.array(digit, { minLength: 64, maxLength: 64 }), weight: 4 },
      { arbitrary: fc.array(digit, { minLength: 63, maxLength: 65 }), weight: 1 },
    )
    fc.assert(
      fc.property(
        fc.oneof(
          hex.map((c) => c.join('')),
          fc.string(),
          fc.integer(),
        ),
        (value) => {
          expect(isSha256(value)).toBe(typeof value === 'string' && /^[0-9a-f]{64}$/.test(value))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
