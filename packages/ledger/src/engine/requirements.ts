import type { Plan } from '@reformkit/model'
import { z } from 'zod'
import { EntryKind } from '../entry/schema.js'
import type { Interval } from './intervals.js'

/**
 * What a plan demands of each item's ledger, by a named profile:
 * - `wuhan-etdz-2017` — the seed plan's 保障措施: research, discussion and a meeting decision
 *   for every item; expert review, risk assessment and legality review for major items;
 *   minutes and the formal plan as outcome; quarterly supervision.
 * - `major-decision-2019` — the same, with public participation for major items, as the 2019
 *   interim regulations on major administrative decisions (重大行政决策程序暂行条例) require.
 */
export const PROFILES = {
  'wuhan-etdz-2017': {
    decision: ['research', 'discussion', 'meetingDecision'],
    decisionForMajor: ['expertReview', 'riskAssessment', 'legalityReview'],
    outcome: ['minutes', 'formalPlan'],
    supervision: 'quarter',
    kpiProjection: 'elapsed',
  },
  'major-decision-2019': {
    decision: ['research', 'discussion', 'meetingDecision'],
    decisionForMajor: ['publicParticipation', 'expertReview', 'riskAssessment', 'legalityReview'],
    outcome: ['minutes', 'formalPlan'],
    supervision: 'quarter',
    kpiProjection: 'elapsed',
  },
} as const satisfies Record<string, RequirementValues>

export type ProfileName = keyof typeof PROFILES
export const DEFAULT_PROFILE: ProfileName = 'wuhan-etdz-2017'

interface RequirementValues {
  decision: readonly EntryKind[]
  decisionForMajor: readonly EntryKind[]
  outcome: readonly EntryKind[]
  supervision: Interval
  kpiProjection: 'elapsed' | 'none'
}

const kinds = (description: string) => z.array(EntryKind).optional().meta({ description })

/** The `requirements:` section of reformkit.config.yaml: a profile, then any field changed. */
export const RequirementsConfig = z.strictObject({
  profile: z
    .enum(Object.keys(PROFILES) as [ProfileName, ...ProfileName[]])
    .optional()
    .meta({ description: '要求的出处 / Profile the requirements start from' }),
  decision: kinds('每个事项必备的决策程序材料 / Decision materials every item needs'),
  decisionForMajor: kinds('重大改革项目另需的材料 / Further decision materials of major items'),
  outcome: kinds('上会研究后的成果材料 / Outcome materials after the meeting decision'),
  supervision: z
    .enum(['month', 'quarter', 'halfYear'])
    .optional()
    .meta({ description: '督办周期:月、季度、半年 / Supervision interval' }),
  kpiProjection: z.enum(['elapsed', 'none']).optional().meta({
    description:
      '期中指标推算:按序时进度(elapsed)或不推算(none) / Projection of KPIs before the end',
  }),
})
export type RequirementsConfig = z.input<typeof RequirementsConfig>

/** What one item must show. */
export interface ItemRequirements {
  /** Decision-procedure materials: the ordinary ones, then those of major items (if major). */
  decision: readonly EntryKind[]
  outcome: readonly EntryKind[]
  /** Every kind the item must show: decision, outcome, supervision and progress. */
  materials: readonly EntryKind[]
}

/** What the plan demands, resolved once for checks and reports alike. */
export interface Requirements extends RequirementValues {
  profile: ProfileName
  /** What an ordinary item and a major item (重大改革项目) must show. */
  ordinary: ItemRequirements
  major: ItemRequirements
  /** Per item id of the plan. */
  items: ReadonlyMap<string, ItemRequirements>
}

/**
 * What each item of `plan` must show, from the profile and fields of the config's
 * `requirements:` section (invalid sections are diagnostics of parseConfig; here they fall
 * back to the profile). Rule severities play no part: switching a rule off changes which
 * findings appear, never what is required.
 */
export function resolveRequirements(
  plan: Pick<Plan, 'items'>,
  config?: { requirements?: unknown },
): Requirements {
  const parsed = RequirementsConfig.safeParse(config?.requirements ?? {})
  const given = parsed.success ? parsed.data : {}
  const profile = given.profile ?? DEFAULT_PROFILE
  const base: RequirementValues = PROFILES[profile]
  const values: RequirementValues = {
    decision: given.decision ?? base.decision,
    decisionForMajor: given.decisionForMajor ?? base.decisionForMajor,
    outcome: given.outcome ?? base.outcome,
    supervision: given.supervision ?? base.supervision,
    kpiProjection: given.kpiProjection ?? base.kpiProjection,
  }
  const ordinary = itemRequirements(values, false)
  const major = itemRequirements(values, true)
  return {
    profile,
    ...values,
    ordinary,
    major,
    items: new Map(plan.items.map((item) => [item.id, item.major ? major : ordinary])),
  }
}

function itemRequirements(values: RequirementValues, major: boolean): ItemRequirements {
  const decision = [...new Set([...values.decision, ...(major ? values.decisionForMajor : [])])]
  const outcome = [...new Set(values.outcome)]
  const materials = [...new Set<EntryKind>([...decision, ...outcome, 'supervision', 'progress'])]
  return { decision, outcome, materials }
}
