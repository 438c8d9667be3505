import {
  type Diagnostic,
  hasErrors,
  type Locale,
  type ParseSourceOptions,
  parseSource,
  validateSource,
} from '@reformkit/model'
import * as z from 'zod'

/** How items get their colour (红黄绿灯). */
export const TrafficLightSettings = z.strictObject({
  /** standard: red, yellow, blue (deadline near), green; threeColour: no blue. */
  preset: z.enum(['standard', 'threeColour']).default('standard').meta({
    description: 'standard: 红黄蓝绿 (blue when a deadline is near); threeColour: 红黄绿',
  }),
  nearDays: z.int().nonnegative().default(15).meta({
    description: '距节点或期限不足此天数时亮蓝灯 / Blue when a deadline is this many days away',
  }),
  behindTolerance: z.number().min(0).max(1).default(0.1).meta({
    description:
      '材料完成度低于序时进度超过此比例时亮黄灯 / Yellow when completeness trails time elapsed by more than this',
  }),
  redErrors: z.int().positive().default(3).meta({
    description: '事项的错误级问题达到此数时亮红灯 / Red when an item has this many errors',
  }),
})
export type TrafficLightSettings = z.output<typeof TrafficLightSettings>

/**
 * The assessment rubric (考核评分细则). Parts add up to 100 by default; an item without
 * KPIs is scored on the other parts, scaled to their total. Bonus points (with proof) and
 * deductions (per diagnostic) are added after, each capped.
 */
export const Rubric = z.strictObject({
  decisionProcedure: z.number().nonnegative().default(20).meta({
    description: '决策程序资料(调研、讨论、上会研究等)/ Decision-procedure materials',
  }),
  outcomeMaterials: z.number().nonnegative().default(15).meta({
    description: '成果材料(纪要、正式方案)/ Minutes and formal plan',
  }),
  supervision: z.number().nonnegative().default(15).meta({
    description: '督办情况(按督办周期覆盖率)/ Supervision, by intervals covered',
  }),
  progress: z.number().nonnegative().default(10).meta({
    description: '改革推进成效资料 / Progress evidence',
  }),
  kpiAttainment: z.number().nonnegative().default(40).meta({
    description: '量化指标完成率 / KPI attainment',
  }),
  leadWeight: z.number().nonnegative().default(1).meta({
    description: '牵头单位在其事项上的权重 / Weight of an item a unit leads (牵头)',
  }),
  supportWeight: z.number().nonnegative().default(0.5).meta({
    description: '配合单位在其事项上的权重 / Weight of an item a unit supports (配合)',
  }),
  bonusCap: z.number().nonnegative().default(5).meta({
    description: '加分上限(须附证明)/ Most bonus points (with proof)',
  }),
  deductionPerError: z.number().nonnegative().default(2).meta({
    description: '每个错误级问题扣分 / Points off per error',
  }),
  deductionPerWarning: z.number().nonnegative().default(0.5).meta({
    description: '每个警告级问题扣分 / Points off per warning',
  }),
  deductionCap: z.number().nonnegative().default(20).meta({
    description: '扣分上限 / Most points taken off',
  }),
})
export type Rubric = z.output<typeof Rubric>

/** The `report:` and `rubric:` sections of reformkit.config.yaml. */
export const ReportConfig = z.object({
  // prefault, not default(X.parse({})): the defaults are parsed when first needed, not each
  // time the package is imported (a parse compiles its schema: milliseconds at every start).
  report: z.strictObject({ trafficLights: TrafficLightSettings.prefault({}) }).prefault({}),
  rubric: Rubric.prefault({}),
})
export type ReportConfig = z.output<typeof ReportConfig>
export type ReportConfigInput = z.input<typeof ReportConfig>

/** Settings with every default filled in. */
export function resolveReportConfig(input: ReportConfigInput = {}): ReportConfig {
  return ReportConfig.parse(input)
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
  const result = validateSource(ReportConfig, { ...parsed, data: { report, rubric } }, locale)
  return {
    config: result.value ?? resolveReportConfig(),
    diagnostics: result.diagnostics,
    given: { report: report !== undefined, rubric: rubric !== undefined },
  }
}
