import type { Kpi, KpiTarget } from '@reformkit/model'
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

/** Whether a value meets a target. `exactly` means the value itself, not more. */
export function meetsTarget(target: KpiTarget, value: number): boolean {
  switch (target.comparator) {
    case 'atLeast':
      return value >= target.value
    case 'atMost':
      return value <= target.value
    case 'exactly':
      return value === target.value
    case 'range':
      return value >= target.value && value <= (target.upper ?? Number.POSITIVE_INFINITY)
  }
}

/** How a target reads: ≥ 25, = 3, ≤ 10, 10–20. */
export function targetText(target: KpiTarget): string {
  switch (target.comparator) {
    case 'atLeast':
      return `≥ ${target.value}`
    case 'atMost':
      return `≤ ${target.value}`
    case 'exactly':
      return `= ${target.value}`
    case 'range':
      return `${target.value}–${target.upper ?? '?'}`
  }
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
}

/**
 * The one judgement of a KPI, shared by the rule kpi/attainment and the reports' KPI view.
 * `reports` are the KPI reports of this KPI (others are ignored).
 */
export function kpiProgress(
  kpi: Pick<Kpi, 'id' | 'accumulation' | 'target'>,
  reports: readonly LedgerEntry[],
  options: KpiProgressOptions,
): KpiProgress {
  const own = reports.filter((entry) => entry.kpi?.id === kpi.id)
  const actual = kpiActual(kpi, own, options.asOf)
  if (actual === undefined) return { state: 'unreported' }
  const { comparator, value, upper } = kpi.target
  const limit = comparator === 'atMost' ? value : comparator === 'range' ? upper : undefined
  if (limit !== undefined && actual > limit) return { state: 'over', actual }
  if (meetsTarget(kpi.target, actual)) return { state: 'met', actual }
  if (options.elapsed >= 1) return { state: 'unmet', actual }
  if (options.projection === 'none' || options.elapsed <= 0) return { state: 'pending', actual }
  const projected =
    kpi.accumulation === 'sum' ? Math.round((actual / options.elapsed) * 10) / 10 : actual
  return { state: projected >= value ? 'onTrack' : 'behind', actual, projected }
}
