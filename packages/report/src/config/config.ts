import { firstUse } from '@reformkit/ledger'
import {
  type Diagnostic,
  hasErrors,
  type Locale,
  type ParseSourceOptions,
  parseSource,
  validateSource,
} from '@reformkit/model'
import * as z from 'zod'

/** The traffic-light settings when the config sets none (the schema's defaults). */
const LIGHT_DEFAULTS = {
  preset: 'standard',
  nearDays: 15,
  behindTolerance: 0.1,
  redErrors: 3,
} as const

/** The rubric when the config sets none (the schema's defaults), in the schema's order. */
const RUBRIC_DEFAULTS = {
  decisionProcedure: 20,
  outcomeMaterials: 15,
  supervision: 15,
  progress: 10,
  kpiAttainment: 40,
  leadWeight: 1,
  supportWeight: 0.5,
  bonusCap: 5,
  deductionPerError: 2,
  deductionPerWarning: 0.5,
  deductionCap: 20,
} as const

function build() {
  const L = LIGHT_DEFAULTS
  const R = RUBRIC_DEFAULTS
  /** How items get their colour (红黄绿灯). */
  const TrafficLightSettings = z.strictObject({
    /** standard: red, yellow, blue (deadline near), green; threeColour: no blue. */
    preset: z.enum(['standard', 'threeColour']).default(L.preset).meta({
      description: 'standard: 红黄蓝绿 (blue when a deadline is near); threeColour: 红黄绿',
    }),
    nearDays: z.int().nonnegative().default(L.nearDays).meta({
      description: '距节点或期限不足此天数时亮蓝灯 / Blue when a deadline is this many days away',
    }),
    behindTolerance: z.number().min(0).max(1).default(L.behindTolerance).meta({
      description:
        '材料完成度低于序时进度超过此比例时亮黄灯 / Yellow when completeness trails time elapsed by more than this',
    }),
    redErrors: z.int().positive().default(L.redErrors).meta({
      description: '事项的错误级问题达到此数时亮红灯 / Red when an item has this many errors',
    }),
  })

  /**
   * The assessment rubric (考核评分细则). Parts add up to 100 by default; an item without
   * KPIs is scored on the other parts, scaled to their total. Bonus points (with proof) and
   * deductions (per diagnostic) are added after, each capped.
   */
  const part = (value: number, description: string) =>
    z.number().nonnegative().default(value).meta({ description })
  const Rubric = z.strictObject({
    decisionProcedure: part(
      R.decisionProcedure,
      '决策程序资料(调研、讨论、上会研究等)/ Decision-procedure materials',
    ),
    outcomeMaterials: part(R.outcomeMaterials, '成果材料(纪要、正式方案)/ Minutes and formal plan'),
    supervision: part(
      R.supervision,
      '督办情况(按督办周期覆盖率)/ Supervision, by intervals covered',
    ),
    progress: part(R.progress, '改革推进成效资料 / Progress evidence'),
    kpiAttainment: part(R.kpiAttainment, '量化指标完成率 / KPI attainment'),
    leadWeight: part(
      R.leadWeight,
      '牵头单位在其事项上的权重 / Weight of an item a unit leads (牵头)',
    ),
    supportWeight: part(
      R.supportWeight,
      '配合单位在其事项上的权重 / Weight of an item a unit supports (配合)',
    ),
    bonusCap: part(R.bonusCap, '加分上限(须附证明)/ Most bonus points (with proof)'),
    deductionPerError: part(R.deductionPerError, '每个错误级问题扣分 / Points off per error'),
    deductionPerWarning: part(R.deductionPerWarning, '每个警告级问题扣分 / Points off per warning'),
    deductionCap: part(R.deductionCap, '扣分上限 / Most points taken off'),
  })

  /** The `report:` and `rubric:` sections of reformkit.config.yaml. */
  const ReportConfig = z.object({
    report: z.strictObject({ trafficLights: TrafficLightSettings.prefault({}) }).prefault({}),
    rubric: Rubric.prefault({}),
  })
  return { TrafficLightSettings, Rubric, ReportConfig }
}

/**
 * The schemas of the report settings (`reportSchemas().Rubric`, …), built on first use: a
 * config that sets neither `report:` nor `rubric:` is read without them.
 */
export const reportSchemas: () => ReturnType<typeof build> = firstUse(build)
type Schemas = ReturnType<typeof build>
export type TrafficLightSettings = z.output<Schemas['TrafficLightSettings']>
export type Rubric = z.output<Schemas['Rubric']>
export type ReportConfig = z.output<Schemas['ReportConfig']>
export type ReportConfigInput = z.input<Schemas['ReportConfig']>

/** Every setting at its default: what the schema outputs for `{}` (report-config.test.ts). */
function defaults(): ReportConfig {
  return { report: { trafficLights: { ...LIGHT_DEFAULTS } }, rubric: { ...RUBRIC_DEFAULTS } }
}

/** Settings with every default filled in. */
export function resolveReportConfig(input: ReportConfigInput = {}): ReportConfig {
  if (input.report === undefined && input.rubric === undefined) return defaults()
  return reportSchemas().ReportConfig.parse(input)
}

/**
 * Read the report sections of reformkit.config.yaml (the file the ledger rules are
 * configured in too; other keys are left to @reformkit/ledger) — or the `rubric:` of a
 * profile file. Wrong values are located diagnostics and fall back to the defaults.
 */
export function parseReportConfig(
  text: string,
  options: ParseSourceOptions = {},
): {
  config: ReportConfig
  diagnostics: Diagnostic[]
  /** Which sections the text writes (the others are defaults). */
  given: { report: boolean; rubric: boolean }
} {
  const locale: Locale = options.locale ?? 'zh-CN'
  const parsed = parseSource(text, options)
  if (hasErrors(parsed.diagnostics))
    return {
      config: resolveReportConfig(),
      diagnostics: parsed.diagnostics,
      given: { report: false, rubric: false },
    }
  const { report, rubric } = (parsed.data ?? {}) as Record<string, unknown>
  const given = { report: report !== undefined, rubric: rubric !== undefined }
  if (!given.report && !given.rubric) return { config: defaults(), diagnostics: [], given }
  const schema = reportSchemas().ReportConfig
  const result = validateSource(schema, { ...parsed, data: { report, rubric } }, locale)
  return {
    config: result.value ?? resolveReportConfig(),
    diagnostics: result.diagnostics,
    given,
  }
}
