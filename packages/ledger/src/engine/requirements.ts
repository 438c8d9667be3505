import type { Plan } from '@reformkit/model'
import * as z from 'zod'
import { ENTRY_KINDS, type EntryKind, entryKindSchema } from '../entry/schema.js'
import { firstUse } from './first-use.js'
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

const CADENCE_NAMES = ['month', 'quarter', 'halfYear', 'year', 'none'] as const
const PROJECTION_NAMES = ['elapsed', 'none'] as const

function build() {
  const kinds = (description: string) => z.array(entryKindSchema()).optional().meta({ description })
  return z.strictObject({
    profile: z
      .enum(Object.keys(PROFILES) as [ProfileName, ...ProfileName[]])
      .optional()
      .meta({ description: '要求的出处 / Profile the requirements start from' }),
    decision: kinds('每个事项必备的决策程序材料 / Decision materials every item needs'),
    decisionForMajor: kinds('重大改革项目另需的材料 / Further decision materials of major items'),
    outcome: kinds('上会研究后的成果材料 / Outcome materials after the meeting decision'),
    supervision: z.enum(CADENCE_NAMES).optional().meta({
      description: '督办周期:月、季度、半年、年,或不要求(none) / Supervision interval, or none',
    }),
    kpiProjection: z.enum(PROJECTION_NAMES).optional().meta({
      description:
        '期中指标推算:按序时进度(elapsed)或不推算(none) / Projection of KPIs before the end',
    }),
    kpiTolerance: z.number().min(0).max(1).optional().meta({
      description:
        '“左右”目标允许的偏差比例,默认 0.05 / Share an approximate (左右) target may miss by; default 0.05',
    }),
  })
}

/**
 * The schema of the `requirements:` section of reformkit.config.yaml (a profile, then any
 * field changed), built on first use: `readRequirements` reads a well-formed section
 * without it.
 */
export const requirementsSchema: () => ReturnType<typeof build> = firstUse(build)
export type RequirementsConfig = z.input<ReturnType<typeof build>>
/** The section as its schema outputs it. */
export type RequirementsGiven = z.output<ReturnType<typeof build>>

const PROFILE_NAMES = new Set<unknown>(Object.keys(PROFILES))
const KINDS = new Set<unknown>(ENTRY_KINDS)
const CADENCES = new Set<unknown>(CADENCE_NAMES)
const PROJECTIONS = new Set<unknown>(PROJECTION_NAMES)
const FIELDS = [
  ...['profile', 'decision', 'decisionForMajor', 'outcome', 'supervision', 'kpiProjection'],
  'kpiTolerance',
] as const
const KNOWN = new Set<string>(FIELDS)

/** Whether `value` is an object written as `{…}` (in YAML, JSON or a program). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const kindList = (value: unknown): EntryKind[] | undefined => {
  if (!Array.isArray(value)) return
  const out = new Array<EntryKind>(value.length)
  for (let i = 0; i < value.length; i++) {
    if (!KINDS.has(value[i])) return
    out[i] = value[i]
  }
  return out
}

/**
 * A `requirements:` section as its schema outputs it when it is plainly well-formed, else
 * undefined (the schema then says what is wrong): the common case without building the
 * schema. Held to the schema by config.test.ts.
 */
export function fastRequirements(value: unknown): RequirementsGiven | undefined {
  if (!isPlainObject(value)) return
  for (const key in value) if (!KNOWN.has(key)) return
  const out: Record<string, unknown> = {}
  for (const key of FIELDS) {
    if (!Object.hasOwn(value, key)) continue
    const given = value[key]
    let read: unknown
    if (key === 'profile') read = PROFILE_NAMES.has(given) ? given : undefined
    else if (key === 'supervision') read = CADENCES.has(given) ? given : undefined
    else if (key === 'kpiProjection') read = PROJECTIONS.has(given) ? given : undefined
    else if (key === 'kpiTolerance')
      read = typeof given === 'number' && given >= 0 && given <= 1 ? given : undefined
    else read = kindList(given)
    if (read === undefined) return
    out[key] = read
  }
  return out as RequirementsGiven
}

/** A `requirements:` section as its schema outputs it, or undefined when it is not valid. */
export function readRequirements(value: unknown): RequirementsGiven | undefined {
  const fast = fastRequirements(value)
  if (fast) return fast
  const parsed = requirementsSchema().safeParse(value)
  return parsed.success ? parsed.data : undefined
}

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
  const given = readRequirements(config?.requirements ?? {}) ?? {}
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
  given: Omit<RequirementsGiven, 'profile'>,
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
