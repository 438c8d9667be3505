import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatOrdinal, parseOrdinal } from './ordinal.js'

describe('formatOrdinal', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
  ])('%i → %s', (n, text) => {
    expect(formatOrdinal(n, 'plain')).toBe(text)
  })

  it('prints the styles of official documents', () => {
    expect(formatOrdinal(15)).toBe('（十五）')
    expect(formatOrdinal(15, 'paren')).toBe('（十五）')
    expect(formatOrdinal(15, 'comma')).toBe('十五、')
    expect(formatOrdinal(3, 'plain')).toBe('三')
  })

  it('refuses what is not an ordinal (a programming error)', () => {
    for (const bad of [0, -1, 1.5, 10_000, Number.NaN]) {
      expect(() => formatOrdinal(bad, 'plain')).toThrow(RangeError)
    }
  })
})

describe('parseOrdinal', () => {
  it('round-trips 1–99 in every style', () => {
    for (let n = 1; n <= 99; n++) {
      for (const style of ['paren', 'comma', 'plain'] as const) {
        expect(parseOrdinal(formatOrdinal(n, style))).toBe(n)
      }
    }
  })

  it.each([
    ['（十五）', 15],
    ['(十五)', 15],
    ['( 十五 )', 15],
    ['〔十五〕', 15],
    ['十五、', 15],
    ['十五,', 15],
    ['一十五', 15],
    ['两', 2],
    ['二十两', 22],
    ['二〇', 20],
    ['一〇', 10],
    ['九九', 99],
    ['一百零五', 105],
    ['一百〇五', 105],
    ['15', 15],
    ['（１５）', 15],
    ['(15)', 15],
    ['拾伍', 15],
  ])('%s → %i', (text, n) => {
    expect(parseOrdinal(text)).toBe(n)
  })

  it.each(['', '零', '〇', '(', '()', 'abc', '十十', '二三十', '百十', '(一', '0', '-1'])(
    'rejects %j',
    (text) => {
      expect(parseOrdinal(text)).toBeUndefined()
    },
  )

  it('round-trips 1–9999 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('paren', 'comma', 'plain' as const),
        (n, style) => {
          expect(parseOrdinal(formatOrdinal(n, style))).toBe(n)
        },
      ),
    )
  })

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const value = parseOrdinal(text)
        expect(value === undefined || (Number.isSafeInteger(value) && value >= 1)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
