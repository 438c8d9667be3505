import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinBytes, Utf8Sink } from './utf8-sink.js'

/** The same bytes as TextEncoder gives `text` (compared whole: toEqual walks a byte at a time). */
const sameAsEncoded = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).equals(new TextEncoder().encode(text))

describe('Utf8Sink', () => {
  it('gives the bytes TextEncoder gives the pieces joined, for any pieces', () => {
    // Pieces of any size up to past a batch (16,384 units), in any script, astral included.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 5_000, maxLength: 20_000 }),
      fc.constantFrom('<row r="1">', '汉字', '𠀀𪚥', '\u0000', ''),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const sink = new Utf8Sink()
        for (const p of pieces) sink.write(p)
        expect(sameAsEncoded(sink.bytes(), pieces.join(''))).toBe(true)
      }),
      // No shrinking: pieces of 20,000 characters shrink for minutes, and the bytes say enough.
      { seed: 2017, numRuns: 200, endOnFailure: true },
    )
  })

  it('grows past its first buffer, for text of three bytes a unit too, and writes on after bytes()', () => {
    const sink = new Utf8Sink()
    const chinese = '改革'.repeat(30_000)
    sink.write(chinese)
    expect(sameAsEncoded(sink.bytes(), chinese)).toBe(true)
    const rows = '<row r="7"><c r="A7" t="s"><v>12</v></c></row>'.repeat(5_000)
    sink.write(rows)
    sink.write('尾')
    expect(sameAsEncoded(sink.bytes(), `${chinese}${rows}尾`)).toBe(true)
  })
})

describe('joinBytes', () => {
  it('puts the parts one after another, empty ones and views into larger buffers too', () => {
    const big = new Uint8Array([9, 9, 1, 2, 3, 9])
    const joined = joinBytes([
      new Uint8Array([7]),
      new Uint8Array(0),
      big.subarray(2, 5),
      new Uint8Array([4]),
    ])
    expect([...joined]).toEqual([7, 1, 2, 3, 4])
    expect(joinBytes([]).length).toBe(0)
  })
})
