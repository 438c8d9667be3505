import { elapsedFraction, type Kpi, type KpiTarget } from '@reformkit/model'
import type { LedgerEntry } from '../entry/schema.js'

/** The day a KPI report describes: its own asOf, else the entry date. */
export const reportDay = (entry: LedgerEntry): string => entry.kpi?.asOf ?? entry.date

/**
 * The actual value of a KPI from its reports up to `asOf`: the sum of the values
 * (accumulation `sum`) or the value of the latest report (`latest`). Undefined when
 * nothing was reported.
 */
export function kpiActual(
  kpi: Pick<Kpi, 'accumulation'>,
  reports: readonly LedgerEntry[],
  asOf: string,
): number | undefined {
  let sum = 0
  let latest: { day: string; value: number } | undefined
  let any = false
  for (const entry of reports) {
    const value = entry.kpi?.value
    const day = reportDay(entry)
    if (value === undefined || !Number.isFinite(value) || day > asOf) continue
    any = true
    sum += value
    if (!latest || day >= latest.day) latest = { day, value }
  }
  if (!any) return undefined
  return kpi.accumulation === 'sum' ? sum : latest?.value
}

/** Share of an approximate (左右) target's value it may miss by, unless it says otherwise. */
export const DEFAULT_KPI_TOLERANCE = 0.05

/**
 * The values a target accepts, as [low, high]: `exactly` is the value itself, an
 * approximate (左右) target widened by its tolerance on each side it bounds.
 */
export function targetBounds(
  target: KpiTarget,
  tolerance = DEFAULT_KPI_TOLERANCE,
): [low: number, high: number] {
  const share = target.approximate ? (target.tolerance ?? tolerance) : 0
  const slack = (value: number) => Math.abs(value) * share
  const { value } = target
  switch (target.comparator) {
    case 'atLeast':
      return [value - slack(value), Number.POSITIVE_INFINITY]
    case 'atMost':
      return [Number.NEGATIVE_INFINITY, value + slack(value)]
    case 'exactly':
      return [value - slack(value), value + slack(value)]
    case 'range': {
      const upper = target.upper ?? Number.POSITIVE_INFINITY
      return [value - slack(value), upper + slack(upper)]
    }
  }
}

/**
 * Whether a value meets a target. `exactly` means the value itself, not more; an
 * approximate target (左右) accepts its tolerance either way.
 */
export function meetsTarget(target: KpiTarget, value: number, tolerance?: number): boolean {
  const [low, high] = targetBounds(target, tolerance)
  return value >= low && value <= high
}

/**
 * How a target reads: as the plan writes it (`written`, e.g. 2000名左右) when given, else
 * ≥ 25, = 3, ≈ 2000, ≤ 10, 10–20; 每年 (a year) for a target per year.
 */
export function targetText(target: KpiTarget, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (target.written) return target.written
  const about = target.approximate ? (locale === 'en' ? 'about ' : '约 ') : ''
  const text =
    target.comparator === 'atLeast'
      ? `≥ ${about}${target.value}`
      : target.comparator === 'atMost'
        ? `≤ ${about}${target.value}`
        : target.comparator === 'exactly'
          ? `${target.approximate ? '≈' : '='} ${target.value}`
          : `${about}${target.value}–${target.upper ?? '?'}`
  if (target.per !== 'year') return text
  return locale === 'en' ? `${text} a year` : `每年 ${text}`
}

/**
 * A target for message data: one text where both languages read alike, else both. With
 * `unit`, the unit of measure follows (≥ 25 家) — unless the plan's own words are shown,
 * which carry it (增长6%以上).
 */
export function targetData(target: KpiTarget, unit?: string): string | { zh: string; en: string } {
  const suffix = unit && !target.written ? ` ${unit}` : ''
  const zh = `${targetText(target)}${suffix}`
  const en = `${targetText(target, 'en')}${suffix}`
  return zh === en ? zh : { zh, en }
}

/**
 * Where a KPI stands on a day:
 * - `unreported`: no report up to asOf;
 * - `over`: a limit (atMost, or a range's upper bound) is exceeded;
 * - `met`: the target is met;
 * - `unmet`: the period is over and the target is not met;
 * - `onTrack` / `behind`: before the end, the projection reaches the target or not;
 * - `pending`: before the end, not met, and not projected (projection `none`, or no time
 *   has passed yet).
 */
export type KpiState = 'unreported' | 'over' | 'met' | 'unmet' | 'onTrack' | 'behind' | 'pending'

export interface KpiProgress {
  state: KpiState
  actual?: number
  /** The value expected at the end of the period, when projected. */
  projected?: number
}

export interface KpiProgressOptions {
  asOf: string
  /** Share of the plan period elapsed on asOf (`elapsedFraction`), 0–1. */
  elapsed: number
  /** `elapsed`: accumulating KPIs are projected by elapsed time (序时进度); `none`: not at all. */
  projection: 'elapsed' | 'none'
  /**
   * The plan period. A target per year (每年) is judged on the year of asOf (within the
   * period): its reports of that year, its share of that year elapsed. Without the period
   * such a target is judged over the whole.
   */
  period?: { start: string; end: string }
  /** Tolerance of approximate targets that state none (DEFAULT_KPI_TOLERANCE). */
  tolerance?: number
}

/**
 * The one judgement of a KPI, shared by the rule kpi/attainment and the reports' KPI view.
 * `reports` are the KPI reports of this KPI (others are ignored). A growth rate (kind
 * `growth`) is the latest rate reported, never projected.
 */
export function kpiProgress(
  kpi: Pick<Kpi, 'id' | 'accumulation' | 'target'> & Partial<Pick<Kpi, 'kind'>>,
  reports: readonly LedgerEntry[],
  options: KpiProgressOptions,
): KpiProgress {
  const window = kpi.target.per === 'year' ? yearOf(options.period, options.asOf) : undefined
  const own = reports.filter(
    (entry) => entry.kpi?.id === kpi.id && (!window || reportDay(entry) >= window.start),
  )
  const growth = kpi.kind === 'growth'
  const actual = kpiActual(growth ? { accumulation: 'latest' } : kpi, own, options.asOf)
  if (actual === undefined) return { state: 'unreported' }
  const [low, high] = targetBounds(kpi.target, options.tolerance)
  const { comparator } = kpi.target
  if ((comparator === 'atMost' || comparator === 'range') && actual > high)
    return { state: 'over', actual }
  if (actual >= low && actual <= high) return { state: 'met', actual }
  const elapsed = window ? elapsedFraction(window, options.asOf) : options.elapsed
  if (elapsed >= 1) return { state: 'unmet', actual }
  if (options.projection === 'none' || elapsed <= 0 || growth) return { state: 'pending', actual }
  const projected = kpi.accumulation === 'sum' ? Math.round((actual / elapsed) * 10) / 10 : actual
  return { state: projected >= low ? 'onTrack' : 'behind', actual, projected }
}

/** The calendar year of `asOf` within `period` (clamped to it), as a period of its own. */
function yearOf(
  period: { start: string; end: string } | undefined,
  asOf: string,
): { start: string; end: string } | undefined {
  if (!period) return undefined
  const day = asOf < period.start ? period.start : asOf > period.end ? period.end : asOf
  const year = day.slice(0, 4)
  const start = `${year}-01-01` < period.start ? period.start : `${year}-01-01`
  const end = `${year}-12-31` > period.end ? period.end : `${year}-12-31`
  return { start, end }
}
