// One module per function: the package index loads some 250 modules (~100 ms at start-up).
// formatISO, not format: format brings the locale machinery (60 KB) for one fixed pattern.
import { addDays as addCalendarDays } from 'date-fns/addDays'
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays'
import { formatISO } from 'date-fns/formatISO'
import { getQuarter } from 'date-fns/getQuarter'
import { isValid } from 'date-fns/isValid'
import { parseISO } from 'date-fns/parseISO'
import { diagnosticFactory } from '../diagnostic/create.js'
import type {
  Diagnostic,
  Locale,
  LocalizedMessage,
  SourceLocation,
} from '../diagnostic/diagnostic.js'
import { modelMessages } from '../diagnostic/messages.js'

/** Anything that names a day: an ISO date text or a Date. */
export type DateLike = string | Date

/** `YYYY-MM-DD` in shape (whether the day exists is `isIsoDate`'s question). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** How dates are written, for messages about a date in the wrong format. */
export const isoDateHint: LocalizedMessage = {
  zh: '日期须写作 YYYY-MM-DD,例如 2017-08-17',
  en: 'dates are written YYYY-MM-DD, e.g. 2017-08-17',
}

/**
 * True for `YYYY-MM-DD` text naming a real calendar day (2017-02-30 is not). Arithmetic
 * only, no Date: ledgers of a million entries check every date.
 */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 10) return false
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false // '-'
  // Unrolled: this runs once per ledger entry, a million times on a province's ledger.
  const y0 = text.charCodeAt(0) - 48
  const y1 = text.charCodeAt(1) - 48
  const y2 = text.charCodeAt(2) - 48
  const y3 = text.charCodeAt(3) - 48
  const m0 = text.charCodeAt(5) - 48
  const m1 = text.charCodeAt(6) - 48
  const d0 = text.charCodeAt(8) - 48
  const d1 = text.charCodeAt(9) - 48
  // A digit is 0–9; `>>> 0` turns anything below '0' into a huge number.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false
  const month = m0 * 10 + m1
  const day = d0 * 10 + d1
  if (month < 1 || month > 12 || day < 1) return false
  if (month === 2) {
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return day <= (leap ? 29 : 28)
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)
}

/**
 * A checked YYYY-MM-DD date as a number that orders like the text: compare these integers
 * instead of date strings when there are a million of them (e.g. a ledger's entries).
 */
export function dayNumber(date: string): number {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  return (year * 13 + month) * 32 + (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
}

export type ParseDateResult =
  | { ok: true; date: Date; value: string }
  | { ok: false; diagnostic: Diagnostic }

/**
 * Parse `YYYY-MM-DD` into a local-midnight Date. A wrong shape or a day that does not
 * exist (2017-02-30) gives a diagnostic at `location`, never an Invalid Date.
 */
export function parseIsoDate(
  text: string,
  options: { location?: SourceLocation; locale?: Locale } = {},
): ParseDateResult {
  const location = options.location ?? {}
  const report = diagnosticFactory(modelMessages, options.locale)
  if (typeof text !== 'string' || !ISO_DATE_PATTERN.test(text)) {
    const value = String(text)
    return {
      ok: false,
      diagnostic: report({
        ruleId: 'schema/invalid-format',
        data: {
          field: 'date',
          value,
          format: {
            zh: '日期须写作 YYYY-MM-DD,例如 2017-08-17',
            en: 'dates are written YYYY-MM-DD, e.g. 2017-08-17',
          },
        },
        location,
      }),
    }
  }
  const date = parseDay(text)
  if (!isValid(date)) {
    return {
      ok: false,
      diagnostic: report({ ruleId: 'schema/invalid-date', data: { value: text }, location }),
    }
  }
  return { ok: true, date, value: text }
}

/**
 * `YYYY-MM-DD` as date-fns' parseISO reads it (local midnight; 2017-02-30 is invalid), without
 * its general ISO 8601 machinery: a ledger has a date in every entry.
 */
function parseDay(text: string): Date {
  if (!ISO_DATE_PATTERN.test(text)) return parseISO(text)
  if (!isIsoDate(text)) return new Date(Number.NaN)
  const date = new Date(2000, 0, 1)
  date.setFullYear(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8)))
  return date
}

function toDate(value: DateLike): Date {
  const date = typeof value === 'string' ? parseDay(value) : value
  if (!isValid(date)) throw new RangeError(`reformkit: "${String(value)}" is not a valid date`)
  return date
}

/** Format a date as `YYYY-MM-DD`. */
export function toIsoDate(value: DateLike): string {
  return formatISO(toDate(value), { representation: 'date' })
}

/** Calendar quarter 1–4 of a date. */
export function quarterOf(value: DateLike): 1 | 2 | 3 | 4 {
  return getQuarter(toDate(value)) as 1 | 2 | 3 | 4
}

/** A label for the quarter, e.g. `2017Q3`, used to group reports. */
export function quarterLabel(value: DateLike): string {
  const date = toDate(value)
  return `${date.getFullYear()}Q${getQuarter(date)}`
}

/** True when the day falls in the period, both ends included. */
export function isWithinPeriod(
  value: DateLike,
  period: { start: DateLike; end: DateLike },
): boolean {
  // Days written YYYY-MM-DD order as their text does: no Date made (a plan's thousands of
  // milestones are each checked against its period).
  const { start, end } = period
  if (isIsoDate(value) && isIsoDate(start) && isIsoDate(end)) return start <= value && value <= end
  const date = toDate(value)
  return (
    differenceInCalendarDays(date, toDate(period.start)) >= 0 &&
    differenceInCalendarDays(toDate(period.end), date) >= 0
  )
}

/** Whole days past `due` on `asOf`; 0 when not overdue (due today is not overdue). */
export function daysOverdue(due: DateLike, asOf: DateLike): number {
  return Math.max(0, differenceInCalendarDays(toDate(asOf), toDate(due)))
}

/** Fraction of the period elapsed on `asOf` (序时进度), clamped to 0–1, both ends counted. */
export function elapsedFraction(
  period: { start: DateLike; end: DateLike },
  asOf: DateLike,
): number {
  const total = differenceInCalendarDays(toDate(period.end), toDate(period.start)) + 1
  const done = differenceInCalendarDays(toDate(asOf), toDate(period.start)) + 1
  return Math.min(1, Math.max(0, done / total))
}

/** The day `days` after (or before, when negative) a day, as YYYY-MM-DD. */
export function addDays(value: DateLike, days: number): string {
  return toIsoDate(addCalendarDays(toDate(value), days))
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateLike, to: DateLike): number {
  return differenceInCalendarDays(toDate(to), toDate(from))
}
