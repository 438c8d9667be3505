import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prettyJsonPieces } from './json-pieces.js'

const joined = (value: unknown, splitAbove?: number) =>
  [...prettyJsonPieces(value, splitAbove === undefined ? {} : { splitAbove })].join('')

describe('prettyJsonPieces', () => {
  it('is JSON.stringify(value, null, 2) for any JSON value, long arrays split or not', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat({ max: 3 }), (value, splitAbove) => {
        expect(joined(value, splitAbove)).toBe(JSON.stringify(value, null, 2))
      }),
      { numRuns: 500 },
    )
  })

  it('writes what JSON.stringify writes for undefined, functions, toJSON and class instances', () => {
    class Point {
      x = 1
      y = [2, 3]
    }
    const value = {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol('s'), Number.NaN, -0, 'text'],
      date: new Date(0),
      point: new Point(),
      lazy: { toJSON: () => ({ made: [1, 2, 3] }) },
      boxed: [new String('s'), new Number(2)],
      empty: { a: {}, b: [] },
      bare: Object.assign(Object.create(null), { a: [1, { b: 2 }] }),
    }
    for (const splitAbove of [0, 1, 100]) {
      expect(joined(value, splitAbove)).toBe(JSON.stringify(value, null, 2))
    }
  })

  it('gives an item of a long array a piece of its own, never the array whole', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ row: i, text: `第${i}行\n"引号"` }))
    const pieces = [...prettyJsonPieces({ sections: [{ rows }] })]
    expect(pieces.join('')).toBe(JSON.stringify({ sections: [{ rows }] }, null, 2))
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(100)
    expect(pieces.length).toBeGreaterThan(1000)
  })
})
