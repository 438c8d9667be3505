import {
  addDays as addCalendarDays,
  differenceInCalendarDays,
  format,
  getQuarter,
  isValid,
  parseISO,
} from 'date-fns'
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

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9] as const

/**
 * True for `YYYY-MM-DD` text naming a real calendar day (2017-02-30 is not). Arithmetic
 * only, no Date: ledgers of a million entries check every date.
 */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || text.length !== 10) return false
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false // '-'
  const digit = (i: number) => text.charCodeAt(i) - 48
  for (const i of DIGIT_POSITIONS) if (!(digit(i) >= 0 && digit(i) <= 9)) return false
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
  const month = digit(5) * 10 + digit(6)
  const day = digit(8) * 10 + digit(9)
  if (month < 1 || month > 12 || day < 1) return false
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return day <= (leap ? 29 : 28)
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)
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
  const date = parseISO(text)
  if (!isValid(date)) {
    return {
      ok: false,
      diagnostic: report({ ruleId: 'schema/invalid-date', data: { value: text }, location }),
    }
  }
  return { ok: true, date, value: text }
}

function toDate(value: DateLike): Date {
  const date = typeof value === 'string' ? parseISO(value) : value
  if (!isValid(date)) throw new RangeError(`reformkit: "${String(value)}" is not a valid date`)
  return date
}

/** Format a date as `YYYY-MM-DD`. */
export function toIsoDate(value: DateLike): string {
  return format(toDate(value), 'yyyy-MM-dd')
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
