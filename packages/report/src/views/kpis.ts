import {
  type KpiProgress,
  type KpiProgressOptions,
  kpiProgress,
  type LedgerEntry,
} from '@reformkit/ledger'
import type { Kpi } from '@reformkit/model'
import type { KpiView } from './types.js'

/**
 * A KPI as the reports show it: `kpiProgress`, the judgement kpi/attainment makes, with
 * the share of the target reached. A limit exceeded (`over`) shows as unmet.
 */
export function kpiView(
  kpi: Kpi,
  reports: readonly LedgerEntry[],
  options: KpiProgressOptions,
): KpiView {
  const progress: KpiProgress = kpiProgress(kpi, reports, options)
  if (progress.actual === undefined) return { kpi, state: 'unreported' }
  const { actual, projected } = progress
  const view: KpiView = { kpi, actual, state: progress.state === 'over' ? 'unmet' : progress.state }
  if (kpi.target.value !== 0) view.percent = actual / kpi.target.value
  if (projected !== undefined) view.projected = projected
  return view
}

/** A KPI's share of its points: attainment capped at 1; projections count as reached. */
export function kpiShare(view: KpiView): number {
  if (view.state === 'met' || view.state === 'onTrack') return 1
  if (view.actual === undefined || view.state === 'unreported') return 0
  const { comparator, value } = view.kpi.target
  if (comparator === 'atMost') return view.actual <= 0 ? 1 : Math.min(1, value / view.actual)
  return value <= 0 ? 0 : Math.max(0, Math.min(1, view.actual / value))
}
