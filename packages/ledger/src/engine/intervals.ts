import { addDays, daysBetween } from '@reformkit/model'

export type Interval = 'month' | 'quarter' | 'halfYear' | 'year'

const monthsOf: Record<Interval, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 }

export interface Span {
  /** 2017Q3, 2017-07, 2017H2, 2017 */
  label: string
  start: string
  end: string
}

const pad = (n: number) => String(n).padStart(2, '0')

function label(year: number, month0: number, interval: Interval): string {
  if (interval === 'month') return `${year}-${pad(month0 + 1)}`
  if (interval === 'quarter') return `${year}Q${Math.floor(month0 / 3) + 1}`
  if (interval === 'year') return String(year)
  return `${year}H${month0 < 6 ? 1 : 2}`
}

/**
 * Calendar intervals (months, quarters, half years, years) from the one containing `from` to the
 * last one that has fully ended on `asOf`. The first starts on `from` itself and counts
 * only when at least half of it lies on or after `from`: a plan approved on 20 September
 * is not asked for a September-quarter record within ten days.
 */
export function completeIntervals(from: string, asOf: string, interval: Interval): Span[] {
  const size = monthsOf[interval]
  let year = Number(from.slice(0, 4))
  let month0 = Math.floor((Number(from.slice(5, 7)) - 1) / size) * size
  const spans: Span[] = []
  for (;;) {
    const nextYear = month0 + size >= 12 ? year + 1 : year
    const nextMonth0 = (month0 + size) % 12
    const end = addDays(`${nextYear}-${pad(nextMonth0 + 1)}-01`, -1)
    if (end > asOf) return spans
    const start = `${year}-${pad(month0 + 1)}-01`
    const partial = start < from
    if (!partial || 2 * (daysBetween(from, end) + 1) >= daysBetween(start, end) + 1)
      spans.push({ label: label(year, month0, interval), start: partial ? from : start, end })
    year = nextYear
    month0 = nextMonth0
  }
}
