import type { Plan } from '@reformkit/model'
import * as z from 'zod'
import { EntryKind } from '../entry/schema.js'
import type { Interval } from './intervals.js'
import { DEFAULT_KPI_TOLERANCE } from './kpi.js'

/**
 * What a plan demands of each item's ledger, by a named profile:
 * - `generic` (the default) — nothing the plan does not state itself: no decision
 *   procedure, no outcome materials, no supervision cadence; KPIs and milestones are
 *   checked as the plan writes them.
 * - `wuhan-etdz-2017` — the seed plan's 保障措施: research, discussion and a meeting decision
 *   for every item; expert review, risk assessment and legality review for major items;
 *   minutes and the formal plan as outcome; quarterly supervision.
 * - `major-decision-2019` — the five procedures of the 2019 interim regulations on major
 *   administrative decisions (重大行政决策程序暂行条例): public participation, expert review,
 *   risk assessment and legality review for major items, and collective discussion and
 *   decision (集体讨论决定: a meeting decision with its minutes) for them; ordinary items
 *   need nothing the plan does not state. Half-yearly supervision.
 */
export const PROFILES = {
  generic: {
    decision: [],
    decisionForMajor: [],
    outcome: [],
    supervision: 'none',
    kpiProjection: 'elapsed',
    kpiTolerance: DEFAULT_KPI_TOLERANCE,
  },
  'wuhan-etdz-2017': {
    decision: ['research', 'discussion', 'meetingDecision'],
    decisionForMajor: ['expertReview', 'riskAssessment', 'legalityReview'],
    outcome: ['minutes', 'formalPlan'],
    supervision: 'quarter',
    kpiProjection: 'elapsed',
    kpiTolerance: DEFAULT_KPI_TOLERANCE,
  },
  'major-decision-2019': {
    decision: [],
    decisionForMajor: [
      'publicParticipation',
      'expertReview',
      'riskAssessment',
      'legalityReview',
      'meetingDecision',
    ],
    outcome: [],
    supervision: 'halfYear',
    kpiProjection: 'elapsed',
    kpiTolerance: DEFAULT_KPI_TOLERANCE,
  },
} as const satisfies Record<string, RequirementValues>

export type ProfileName = keyof typeof PROFILES
export const DEFAULT_PROFILE: ProfileName = 'generic'

/** How often each item's supervision (督办) is recorded; `none`: not required. */
export type Cadence = Interval | 'none'

/** What a profile sets: the fields of `requirements:`, all given. */
export interface RequirementValues {
  decision: readonly EntryKind[]
  decisionForMajor: readonly EntryKind[]
  outcome: readonly EntryKind[]
  supervision: Cadence
  kpiProjection: 'elapsed' | 'none'
  /** Share of an approximate (左右) target's value it may miss by, unless it states its own. */
  kpiTolerance: number
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
  supervision: z.enum(['month', 'quarter', 'halfYear', 'year', 'none']).optional().meta({
    description: '督办周期:月、季度、半年、年,或不要求(none) / Supervision interval, or none',
  }),
  kpiProjection: z.enum(['elapsed', 'none']).optional().meta({
    description:
      '期中指标推算:按序时进度(elapsed)或不推算(none) / Projection of KPIs before the end',
  }),
  kpiTolerance: z.number().min(0).max(1).optional().meta({
    description:
      '“左右”目标允许的偏差比例,默认 0.05 / Share an approximate (左右) target may miss by; default 0.05',
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

/** A profile of its own (a `reformkit/profile@1` file, parseProfile): values with a name. */
export interface Profile extends RequirementValues {
  id: string
  name: string
  description?: string
}

/** What the plan demands, resolved once for checks and reports alike. */
export interface Requirements extends RequirementValues {
  /** The profile the values start from: a shipped name, or the id of a profile file. */
  profile: string
  /** What an ordinary item and a major item (重大改革项目) must show. */
  ordinary: ItemRequirements
  major: ItemRequirements
  /** Per item id of the plan. */
  items: ReadonlyMap<string, ItemRequirements>
}

/**
 * What each item of `plan` must show, from the profile and fields of the config's
 * `requirements:` section (invalid sections are diagnostics of parseConfig; here they fall
 * back to the profile). A profile of the project's own (`own`, from a profile file) is the
 * base when given; else the shipped profile the section names, else `generic`. Rule
 * severities play no part: switching a rule off changes which findings appear, never what
 * is required.
 */
export function resolveRequirements(
  plan: Pick<Plan, 'items'>,
  config?: { requirements?: unknown },
  own?: Profile,
): Requirements {
  const parsed = RequirementsConfig.safeParse(config?.requirements ?? {})
  const given = parsed.success ? parsed.data : {}
  const profile = own?.id ?? given.profile ?? DEFAULT_PROFILE
  const base: RequirementValues = own ?? PROFILES[given.profile ?? DEFAULT_PROFILE]
  const values = valuesOver(base, given)
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

/** The values of `base` with each field `given` writes in its place. */
export function valuesOver(
  base: RequirementValues,
  given: Omit<z.output<typeof RequirementsConfig>, 'profile'>,
): RequirementValues {
  return {
    decision: given.decision ?? base.decision,
    decisionForMajor: given.decisionForMajor ?? base.decisionForMajor,
    outcome: given.outcome ?? base.outcome,
    supervision: given.supervision ?? base.supervision,
    kpiProjection: given.kpiProjection ?? base.kpiProjection,
    kpiTolerance: given.kpiTolerance ?? base.kpiTolerance,
  }
}

function itemRequirements(values: RequirementValues, major: boolean): ItemRequirements {
  const decision = [...new Set([...values.decision, ...(major ? values.decisionForMajor : [])])]
  const outcome = [...new Set(values.outcome)]
  const supervision: EntryKind[] = values.supervision === 'none' ? [] : ['supervision']
  const materials = [...new Set<EntryKind>([...decision, ...outcome, ...supervision, 'progress'])]
  return { decision, outcome, materials }
}
