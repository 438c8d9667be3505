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
