import { dayNumber } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstEqual, hashText, hashTrimmed, orderByGroupAndDay } from './fast.js'

const naiveFirst = (keys: string[]) =>
  keys.map((key, i) => (keys.indexOf(key) === i ? -1 : keys.indexOf(key)))

describe('firstEqual', () => {
  it('finds the first earlier equal key, like a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (keys) => {
        const first = firstEqual(
          keys.length,
          (i) => hashText(keys[i] as string, 12345),
          (a, b) => keys[a] === keys[b],
          (i) => keys[i] as string,
        )
        expect([...first]).toEqual(naiveFirst(keys))
      }),
      { numRuns: 300 },
    )
  })

  it('stays correct across its parts (many things, few distinct keys)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 5000, maxLength: 20_000 }),
        (numbers) => {
          const keys = numbers.map(String)
          const first = firstEqual(
            keys.length,
            (i) => hashText(keys[i] as string, 99),
            (a, b) => keys[a] === keys[b],
            (i) => keys[i] as string,
          )
          const seen = new Map<string, number>()
          const expected = keys.map((key, i) => {
            const earlier = seen.get(key)
            if (earlier === undefined) seen.set(key, i)
            return earlier ?? -1
          })
          expect([...first]).toEqual(expected)
        },
      ),
      { numRuns: 20 },
    )
  })

  it('stays correct when every hash collides (hostile input falls back to a Map)', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `id-${i % 1000}`)
    const first = firstEqual(
      keys.length,
      () => 7,
      (a, b) => keys[a] === keys[b],
      (i) => keys[i] as string,
    )
    expect([...first]).toEqual(naiveFirst(keys))
  })
})

describe('orderByGroupAndDay', () => {
  const naive = (groups: number[], days: number[]) =>
    groups
      .map((_, i) => i)
      .sort(
        (a, b) =>
          (groups[a] as number) - (groups[b] as number) ||
          (days[a] as number) - (days[b] as number) ||
          a - b,
      )

  it('orders positions by group, then day, then position, like a comparison sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(6), fc.integer({ min: 0, max: 900 })), { maxLength: 400 }),
        (pairs) => {
          const groups = pairs.map(([g]) => g)
          const days = pairs.map(
            ([, d]) =>
              dayNumber(
                `2017-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`,
              ) + (d > 800 ? 400 * 10_000 : 0),
          )
          const order = orderByGroupAndDay(Int32Array.from(groups), Int32Array.from(days), 7)
          expect([...order]).toEqual(naive(groups, days))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('falls back to a comparison sort when the days span centuries', () => {
    const days = Array.from({ length: 100 }, (_, i) =>
      dayNumber(i % 2 ? '1900-01-01' : `${2000 + (i % 7)}-12-31`),
    )
    const groups = days.map((_, i) => i % 3)
    const order = orderByGroupAndDay(Int32Array.from(groups), Int32Array.from(days), 3)
    expect([...order]).toEqual(naive(groups, days))
  })
})

describe('hashTrimmed', () => {
  it('hashes text as String.prototype.trim would leave it', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u200b')
    const text = fc.array(fc.oneof(space, fc.string({ maxLength: 3 })), { maxLength: 12 })
    fc.assert(
      fc.property(text, fc.integer(), (parts, seed) => {
        const t = parts.join('')
        expect(hashTrimmed(t, seed >>> 0)).toBe(hashText(t.trim(), seed >>> 0))
      }),
      { numRuns: 1000 },
    )
  })
})
