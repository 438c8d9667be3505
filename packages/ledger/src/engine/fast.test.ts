import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entry } from '../../test/fixtures.js'
import { firstEqual, hashText, sortByDate } from './fast.js'

const naiveFirst = (keys: string[]) =>
  keys.map((key, i) => (keys.indexOf(key) === i ? -1 : keys.indexOf(key)))

describe('firstEqual', () => {
  it('finds the first earlier equal key, like a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (keys) => {
        const first = firstEqual(
          keys.length,
          (i, seed) => hashText(keys[i] as string, seed),
          (a, b) => keys[a] === keys[b],
          (i) => keys[i] as string,
        )
        expect([...first]).toEqual(naiveFirst(keys))
      }),
      { numRuns: 300 },
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

describe('sortByDate', () => {
  const day = fc
    .date({ min: new Date('2016-01-01'), max: new Date('2018-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))

  it('orders by date and keeps file order within a day, small lists and large', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 400 }), (dates) => {
        const list = dates.map((date, i) => entry({ id: `x${i}`, date }))
        const expected = [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        sortByDate(list)
        expect(list.map((e) => e.id)).toEqual(expected.map((e) => e.id))
      }),
      { numRuns: 300 },
    )
  })

  it('falls back to a comparison sort when the dates span centuries', () => {
    const list = Array.from({ length: 100 }, (_, i) =>
      entry({ id: `y${i}`, date: i % 2 ? '1900-01-01' : `${2000 + (i % 7)}-12-31` }),
    )
    sortByDate(list)
    expect(list.slice(0, 50).every((e) => e.date === '1900-01-01')).toBe(true)
    expect(list.at(-1)?.date).toBe('2006-12-31')
  })
})
