import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plan } from '../../test/fixtures.js'
import { isDayShaped, isPlainAscii, normalizeLedgerData } from './normalize.js'

// Characters around the edges the checks draw: controls, space, ASCII, DEL, full-width,
// a surrogate pair.
const char = fc.oneof(
  fc.constantFrom(' ', '\t', '\u001f', '\u007f', '~', '!', '-', '０', '－', '𠀀', 'é'),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x30, max: 0x39 }).map((c) => String.fromCharCode(c)),
)
const strings = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(''))

describe('the checks normalisation runs on every entry', () => {
  it('isPlainAscii answers as /^[!-~](?:[ -~]*[!-~])?$/ (property)', () => {
    fc.assert(
      fc.property(strings, (text) => {
        expect(isPlainAscii(text)).toBe(/^[!-~](?:[ -~]*[!-~])?$/.test(text))
      }),
      { numRuns: 2000 },
    )
  })

  it('isDayShaped answers as /^\\d{4}-\\d{2}-\\d{2}$/ (property)', () => {
    // Mostly the right shape, with a wrong character or length here and there.
    const digit = fc.oneof(
      { arbitrary: fc.constantFrom(...'0123456789'), weight: 20 },
      { arbitrary: fc.constantFrom('a', '０', ' ', '-'), weight: 1 },
    )
    const digits = (n: number) =>
      fc
        .oneof(
          { arbitrary: fc.array(digit, { minLength: n, maxLength: n }), weight: 8 },
          { arbitrary: fc.array(digit, { minLength: n - 1, maxLength: n + 1 }), weight: 1 },
        )
        .map((c) => c.join(''))
    const dash = fc.oneof(
      { arbitrary: fc.constant('-'), weight: 10 },
      { arbitrary: fc.constantFrom('/', '－', '0'), weight: 1 },
    )
    const dayLike = fc
      .tuple(digits(4), dash, digits(2), dash, digits(2))
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(dayLike, strings), (text) => {
        expect(isDayShaped(text)).toBe(/^\d{4}-\d{2}-\d{2}$/.test(text))
      }),
      { numRuns: 2000 },
    )
    expect([isDayShaped('2017-03-05'), isDayShaped(20170305), isDayShaped(undefined)]).toEqual([
      true,
      false,
      false,
    ])
  })
})

describe('meeting bodies written by name', () => {
  const bodiesPlan = structuredClone(plan)
  bodiesPlan.bodies = {
    leadingGroup: { id: 'qcgz', name: '区创改组', shortName: '创改组', aliases: ['qcxb'] },
    office: { id: 'qcxb', name: '区创新办', aliases: ['创新办'] },
  }
  const bodyOf = (body: string) => {
    const data = {
      entries: [{ id: 'a', item: 'i1', unit: 'fgj', meeting: { body } }],
    }
    const changes = normalizeLedgerData(data, bodiesPlan)
    return { body: data.entries[0]?.meeting.body, changes: changes.length }
  }

  it('reads a name, short name or alias (full-width or padded too) as the body id', () => {
    expect(bodyOf('区创改组')).toEqual({ body: 'qcgz', changes: 1 })
    expect(bodyOf(' 创改组 ')).toEqual({ body: 'qcgz', changes: 1 })
    expect(bodyOf('创新办')).toEqual({ body: 'qcxb', changes: 1 })
  })

  it("keeps a body's id as written, even where another body names it as an alias", () => {
    // qcxb is the office's id and an alias of the leading group: the id wins.
    expect(bodyOf('qcxb')).toEqual({ body: 'qcxb', changes: 0 })
    expect(bodyOf('qcgz')).toEqual({ body: 'qcgz', changes: 0 })
    expect(bodyOf('某委员会')).toEqual({ body: '某委员会', changes: 0 })
  })
})
