import { formatISO, isValid, parseISO } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dayNumber,
  daysOverdue,
  elapsedFraction,
  isIsoDate,
  isWithinPeriod,
  parseIsoDate,
  quarterLabel,
  quarterOf,
  toIsoDate,
} from './period.js'

const year2017 = { start: '2017-01-01', end: '2017-12-31' }

describe('parseIsoDate', () => {
  it('reads a real day', () => {
    const result = parseIsoDate('2017-08-17')
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.value).toBe('2017-08-17')
      expect(toIsoDate(result.date)).toBe('2017-08-17')
    }
  })

  it('rejects a day that does not exist, with a located diagnostic', () => {
    const result = parseIsoDate('2017-02-30', {
      location: { file: 'plan.yaml', line: 7, column: 10 },
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.diagnostic.ruleId).toBe('schema/invalid-date')
      expect(result.diagnostic.location).toEqual({ file: 'plan.yaml', line: 7, column: 10 })
      expect(result.diagnostic.message).toContain('2017-02-30')
    }
  })

  it.each([
    '2017-2-3',
    '2017年8月17日',
    '17/08/2017',
    '',
    '2017-13-01',
    '2017-00-10',
    '2016-02-30',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text).ok).toBe(false)
    expect(isIsoDate(text)).toBe(false)
  })

  it('accepts leap days only in leap years', () => {
    expect(isIsoDate('2016-02-29')).toBe(true)
    expect(isIsoDate('2017-02-29')).toBe(false)
  })

  it('gives messages in English on request', () => {
    const result = parseIsoDate('2017-02-30', { locale: 'en' })
    expect(!result.ok && result.diagnostic.message).toBe('The date "2017-02-30" does not exist')
  })
})

describe('period helpers', () => {
  it('quarterOf', () => {
    expect(quarterOf('2017-01-01')).toBe(1)
    expect(quarterOf('2017-03-31')).toBe(1)
    expect(quarterOf('2017-04-01')).toBe(2)
    expect(quarterOf('2017-08-17')).toBe(3)
    expect(quarterOf('2017-12-31')).toBe(4)
    expect(quarterLabel('2017-08-17')).toBe('2017Q3')
  })

  it('isWithinPeriod includes both ends', () => {
    expect(isWithinPeriod('2017-01-01', year2017)).toBe(true)
    expect(isWithinPeriod('2017-12-31', year2017)).toBe(true)
    expect(isWithinPeriod('2016-12-31', year2017)).toBe(false)
    expect(isWithinPeriod('2018-01-01', year2017)).toBe(false)
  })

  it('daysOverdue counts whole calendar days past due', () => {
    expect(daysOverdue('2017-06-30', '2017-06-30')).toBe(0)
    expect(daysOverdue('2017-06-30', '2017-06-01')).toBe(0)
    expect(daysOverdue('2017-06-30', '2017-07-12')).toBe(12)
    expect(daysOverdue('2017-03-01', '2017-03-27')).toBe(26) // across the DST change of many zones
  })

  it('elapsedFraction is 序时进度', () => {
    expect(elapsedFraction(year2017, '2016-06-01')).toBe(0)
    expect(elapsedFraction(year2017, '2017-12-31')).toBe(1)
    expect(elapsedFraction(year2017, '2018-03-01')).toBe(1)
    expect(elapsedFraction(year2017, '2017-07-02')).toBeCloseTo(183 / 365, 10)
  })
})

describe('isIsoDate', () => {
  it('agrees with date-fns on every YYYY-MM-DD shaped text', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0')
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
          expect(isIsoDate(text)).toBe(isValid(parseISO(text)))
        },
      ),
      { numRuns: 5000 },
    )
    expect(isIsoDate('2016-02-29')).toBe(true)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate(20170817)).toBe(false)
  })

  it('refuses every text that is not four, two and two ASCII digits with hyphens', () => {
    const char = fc.constantFrom(...'0123456789-/:. ａ０９'.split(''), '/', '\u0660')
    fc.assert(
      fc.property(fc.array(char, { minLength: 8, maxLength: 12 }), (chars) => {
        const text = chars.join('')
        const shaped = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)
        expect(isIsoDate(text)).toBe(shaped && isValid(parseISO(text)))
      }),
      { numRuns: 5000 },
    )
  })
})

/** Days from 1900 to 2999, written YYYY-MM-DD. */
const isoDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))

describe('dayNumber', () => {
  it('orders dates as their text orders them', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (a, b) => {
        expect(Math.sign(dayNumber(a) - dayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('isWithinPeriod', () => {
  it('answers for days written YYYY-MM-DD as it does for the same days as Dates (property)', () => {
    const asDate = (text: string) => parseISO(text)
    fc.assert(
      fc.property(isoDay, isoDay, isoDay, (value, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a]
        expect(isWithinPeriod(value, { start, end })).toBe(
          isWithinPeriod(asDate(value), { start: asDate(start), end: asDate(end) }),
        )
      }),
      { numRuns: 1000 },
    )
    expect(isWithinPeriod('2017-12-31', { start: '2017-01-01', end: '2017-12-31' })).toBe(true)
    expect(isWithinPeriod('2018-01-01', { start: '2017-01-01', end: '2017-12-31' })).toBe(false)
    expect(() => isWithinPeriod('2017-02-30', { start: '2017-01-01', end: '2017-12-31' })).toThrow(
      RangeError,
    )
  })
})

describe('YYYY-MM-DD, read without the general ISO 8601 parser', () => {
  it('reads every day as date-fns parseISO does, and refuses what it refuses (property)', () => {
    const digits = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'))
    fc.assert(
      fc.property(
        fc.oneof(digits(4), fc.constantFrom('0000', '0017', '1900', '2017', '2020')),
        digits(2),
        digits(2),
        (y, m, d) => {
          const text = `${y}-${m}-${d}`
          const reference = parseISO(text)
          if (Number.isNaN(reference.getTime())) expect(() => toIsoDate(text)).toThrow(RangeError)
          else expect(toIsoDate(text)).toBe(formatISO(reference, { representation: 'date' }))
        },
      ),
      { numRuns: 2000 },
    )
    expect(toIsoDate('2016-02-29')).toBe('2016-02-29')
    expect(() => toIsoDate('2017-02-29')).toThrow(RangeError)
  })
})
