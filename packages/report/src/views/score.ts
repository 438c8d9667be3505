import { type EntryKind, kindList, type LedgerEntry } from '@reformkit/ledger'
import type { Diagnostic, LocalizedMessage, Severity } from '@reformkit/model'
import type { Rubric } from '../config/config.js'
import type { Completeness } from './completeness.js'
import { kpiShare } from './kpis.js'
import { say } from './messages.js'
import type { KpiView, ScoreLine, ScoreView } from './types.js'

export const round1 = (n: number) => Math.round(n * 10) / 10

export interface ScoreInput {
  rubric: Rubric
  byKind: ReadonlyMap<EntryKind, LedgerEntry[]>
  decision: readonly EntryKind[]
  outcome: readonly EntryKind[]
  /** Supervision as counted; undefined when the requirements ask for none. */
  supervision: Pick<Completeness, 'approved' | 'spans' | 'supervised'> | undefined
  kpis: readonly KpiView[]
  diagnostics: readonly Diagnostic[]
}

/** What one finding costs by the rubric. */
export function findingCost(rubric: Rubric, severity: Severity): number {
  if (severity === 'error') return rubric.deductionPerError
  if (severity === 'warning') return rubric.deductionPerWarning
  return 0
}

/**
 * What findings take off, one by one in their order, until the rubric's cap is reached:
 * each finding with its points, and their sum. Items and units are charged alike.
 */
export function deduct(
  rubric: Rubric,
  diagnostics: readonly Diagnostic[],
): { deductions: Array<{ diagnostic: Diagnostic; points: number }>; deduction: number } {
  let left = rubric.deductionCap
  const deductions: Array<{ diagnostic: Diagnostic; points: number }> = []
  for (const diagnostic of diagnostics) {
    const points = Math.min(findingCost(rubric, diagnostic.severity), left)
    if (points <= 0) continue
    left -= points
    deductions.push({ diagnostic, points })
  }
  return { deductions, deduction: round1(deductions.reduce((sum, d) => sum + d.points, 0)) }
}

/** Points claimed by bonus proofs with proof attached (never below zero each). */
export function bonusPoints(entries: readonly LedgerEntry[]): number {
  return entries
    .filter((e) => e.attachments.length > 0)
    .reduce((sum, e) => sum + Math.max(0, e.bonus?.points ?? 0), 0)
}

/**
 * An item's score by the rubric: a line per part with its reason, scaled to 100 over
 * the parts that apply, plus bonus (capped), minus what findings cost (capped). A part
 * applies when the requirements ask for it (decision materials, outcome materials,
 * supervision) or the plan states it (KPIs); progress evidence always does. A part that
 * asks for nothing is left out, never given for free: silence earns no points.
 */
export function scoreItem(input: ScoreInput): ScoreView {
  const { rubric, byKind, supervision } = input
  const line = (part: ScoreLine['part'], share: number, reason: LocalizedMessage): ScoreLine => ({
    part,
    points: round1(rubric[part] * share),
    max: rubric[part],
    reason,
  })
  const share = (present: number, total: number) => (total === 0 ? 1 : present / total)
  const decisionMissing = input.decision.filter((k) => !byKind.has(k))
  const decisionPresent = input.decision.length - decisionMissing.length
  const outcomeMissing = input.outcome.filter((k) => !byKind.has(k))
  const progress = byKind.get('progress')?.length ?? 0
  const lines: ScoreLine[] = []
  if (input.decision.length > 0)
    lines.push(
      line(
        'decisionProcedure',
        share(decisionPresent, input.decision.length),
        decisionMissing.length
          ? say('decisionPartial', {
              present: decisionPresent,
              total: input.decision.length,
              kinds: kindList(decisionMissing),
            })
          : say('decisionComplete', { total: input.decision.length }),
      ),
    )
  if (input.outcome.length > 0)
    lines.push(
      line(
        'outcomeMaterials',
        share(input.outcome.length - outcomeMissing.length, input.outcome.length),
        outcomeMissing.length
          ? say('outcomeMissing', { kinds: kindList(outcomeMissing) })
          : say('outcomeComplete', { kinds: kindList(input.outcome) }),
      ),
    )
  if (supervision)
    lines.push(
      line(
        'supervision',
        supervision.approved ? share(supervision.supervised, supervision.spans) : 0,
        supervision.approved
          ? say('supervisionCovered', { covered: supervision.supervised, total: supervision.spans })
          : say('notApproved'),
      ),
    )
  lines.push(
    line(
      'progress',
      progress > 0 ? 1 : 0,
      progress > 0 ? say('progressFiled', { count: progress }) : say('noProgress'),
    ),
  )
  if (input.kpis.length > 0) {
    const kpiPart = input.kpis.reduce((sum, k) => sum + kpiShare(k), 0) / input.kpis.length
    const met = input.kpis.filter((k) => k.state === 'met' || k.state === 'onTrack').length
    lines.push(line('kpiAttainment', kpiPart, say('kpisMet', { total: input.kpis.length, met })))
  }
  const max = lines.reduce((sum, l) => sum + l.max, 0)
  const earned = lines.reduce((sum, l) => sum + l.points, 0)
  const base = max === 0 ? 0 : round1((earned / max) * 100)
  const bonus = Math.min(rubric.bonusCap, bonusPoints(byKind.get('bonusProof') ?? []))
  const { deductions, deduction } = deduct(rubric, input.diagnostics)
  return {
    lines,
    base,
    bonus,
    deduction,
    total: round1(Math.max(0, base + bonus - deduction)),
    deductions,
  }
}
