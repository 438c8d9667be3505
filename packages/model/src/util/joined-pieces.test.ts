import { describe, expect, it } from 'vitest'
import { joinedPieces } from './joined-pieces.js'

describe('joinedPieces', () => {
  it('is [...lines].join(separator) around every piece boundary', () => {
    for (const count of [0, 1, 4095, 4096, 4097, 8192, 8193])
      for (const separator of ['\n', '\r\n', '']) {
        const lines = Array.from({ length: count }, (_, i) => (i % 3 === 0 ? '' : `行${i}`))
        const pieces = [...joinedPieces(lines, separator)]
        expect(pieces.join('')).toBe(lines.join(separator))
        expect(pieces.length).toBe(Math.max(1, Math.ceil(count / 4096)))
      }
  })
})
