// Whatever a user or a program hands in, parseLedger and checkLedger answer with
// diagnostics — never an exception — and every diagnostic is complete in both languages.
import type { Diagnostic } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkLedger } from '../src/engine/check-ledger.js'
import { parseLedger } from '../src/entry/parse-ledger.js'
import { ENTRY_KINDS, type LedgerEntry } from '../src/entry/schema.js'
import { plan } from './fixtures.js'

function complete(d: Diagnostic) {
  expect(d.ruleId).toMatch(/^[a-z]+\/[a-z-]+$/)
  expect(['error', 'warning', 'info']).toContain(d.severity)
  expect(d.message.length).toBeGreaterThan(0)
  if (!JSON.stringify(d.data).includes('{{')) expect(d.message).not.toMatch(/\{\{/)
  expect(typeof d.location).toBe('object')
  expect(d.location.path ?? d.location.file ?? d.location.line).toBeDefined()
}

/** Run in both languages: same findings, each complete in each. */
function bothLanguages(run: (locale: 'zh-CN' | 'en') => Diagnostic[]) {
  const zh = run('zh-CN')
  const en = run('en')
  expect(en.map((d) => d.ruleId)).toEqual(zh.map((d) => d.ruleId))
  for (const d of [...zh, ...en]) complete(d)
  return zh
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)
const date = fc.oneof(
  fc
    .date({ min: new Date('2016-01-01'), max: new Date('2019-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
)
const ref = (known: readonly string[]) => fc.oneof(pick(known), fc.string({ maxLength: 8 }))
const entryArb: fc.Arbitrary<LedgerEntry> = fc.record(
  {
    id: fc.oneof(pick(['a', 'b', 'c']), fc.string({ maxLength: 6 })),
    item: ref(['i1', 'i2']),
    unit: ref(['fgj', 'jxj', 'park-a', 'parks']),
    kind: pick(ENTRY_KINDS),
    date,
    title: fc.string({ maxLength: 10 }),
    attachments: fc.array(
      fc.record(
        {
          path: fc.oneof(pick(['files/a.pdf', '../x', '/etc/passwd', 'C:\\x']), fc.string()),
          sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
          bytes: fc.nat(),
        },
        { requiredKeys: ['path'] },
      ),
      { maxLength: 3 },
    ),
    meeting: fc.record(
      { body: ref(['qcgz', 'qcxb']), session: fc.string() },
      { requiredKeys: ['body'] },
    ),
    kpi: fc.record(
      { id: ref(['firms', 'platforms']), value: fc.double(), asOf: date },
      { requiredKeys: ['id', 'value'] },
    ),
    milestone: ref(['m1']),
    bonus: fc.record({ reason: fc.string(), points: fc.double() }),
  },
  { requiredKeys: ['id', 'item', 'unit', 'kind', 'date', 'title', 'attachments'] },
)

describe('parseLedger never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = bothLanguages((locale) => parseLedger(text, { locale, plan }).diagnostics)
        expect(result.some((d) => d.severity === 'error')).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('on ledger-shaped JSON with arbitrary values', () => {
    const raw = fc.record({
      schema: fc.oneof(fc.constant('reformkit/ledger@1'), fc.string()),
      unit: fc.oneof(fc.string(), fc.jsonValue()),
      entries: fc.array(
        fc.oneof(entryArb as fc.Arbitrary<unknown>, fc.jsonValue({ maxDepth: 3 })),
        { maxLength: 5 },
      ),
    })
    fc.assert(
      fc.property(raw, (data) => {
        const text = JSON.stringify(data)
        const result = parseLedger(text, { plan })
        bothLanguages((locale) => parseLedger(text, { locale, plan }).diagnostics)
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'error'))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('checkLedger never throws', () => {
  it('on entries of the right shape with arbitrary values, and no rule crashes', () => {
    const asOf = pick(['2017-06-30', '2017-12-31', '2018-03-01'])
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), asOf, (entries, day) => {
        const found = bothLanguages(
          (locale) =>
            checkLedger({
              plan,
              entries,
              asOf: day,
              locale,
              attachments: new Map(),
              copies: [{ label: 'b', differences: [] }],
            }).diagnostics,
        )
        expect(found.filter((d) => d.messageId === 'rule-crashed')).toEqual([])
      }),
      // Every rule in both languages per run: 400 runs keep it near 2 s on a quiet machine.
      { numRuns: 400 },
    )
  })

  it('on entries of the wrong shape: a crashing rule is reported, not thrown', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), (junk) => {
        const run = () =>
          checkLedger({ plan, entries: junk as unknown as LedgerEntry[], asOf: '2017-12-31' })
        expect(run).not.toThrow()
      }),
      { numRuns: 1000 },
    )
  })
})
