import {
  checkSchemaTag,
  closest,
  compareDiagnostics,
  type Diagnostic,
  diagnosticFactory,
  hasErrors,
  type Locale,
  modelMessages,
  type ParsedSource,
  type ParseSourceOptions,
  parseSource,
  type SourceLocation,
  validateSource,
} from '@reformkit/model'
import * as z from 'zod'
import { RequirementsConfig } from './requirements.js'
import type { Rule, RuleSeverity } from './rule.js'

export const CONFIG_SCHEMA_TAG = 'reformkit/config@1'

const Severity = z.enum(['error', 'warning', 'info', 'off'])
const RuleSetting = z.union([Severity, z.tuple([Severity]), z.tuple([Severity, z.unknown()])])

/** reformkit.config.yaml: which rules run, how severe, with which options. */
export const LedgerConfig = z.strictObject({
  schema: z.string().optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  /** Starting point: recommended (default), strict (every rule on) or none. */
  preset: z.enum(['recommended', 'strict', 'none']).default('recommended'),
  rules: z.record(z.string(), RuleSetting).default({}),
  /** What each item must show: a profile and fields over it (checks and reports share it). */
  requirements: RequirementsConfig.optional(),
  /** Sections other packages read (report rubric, workbook); kept, not checked here. */
  report: z.unknown().optional(),
  rubric: z.unknown().optional(),
  workbook: z.unknown().optional(),
})
export type LedgerConfig = z.input<typeof LedgerConfig>

export interface RuleSetting {
  severity: Exclude<RuleSeverity, 'off'>
  options: unknown
}

const configMessages = {
  'config/unknown-rule': {
    zh: '未知规则“{{rule}}”',
    en: 'Unknown rule "{{rule}}"',
  },
  'config/unknown-rule-suggest': {
    zh: '未知规则“{{rule}}”,是否应为“{{suggestion}}”?',
    en: 'Unknown rule "{{rule}}"; did you mean "{{suggestion}}"?',
  },

  'config/option-moved': {
    zh: '规则“{{rule}}”的选项“{{option}}”已移到 requirements.{{to}}(检查和报告共用同一要求);请改写在 requirements 下',
    en: 'Option "{{option}}" of rule "{{rule}}" has moved to requirements.{{to}} (checks and reports share the requirements); write it there',
  },
}

/** Rule options that became requirements, by rule: option → field of `requirements:`. */
const MOVED_OPTIONS: Record<string, Record<string, string>> = {
  'decision/procedure-complete': { required: 'decision', requiredForMajor: 'decisionForMajor' },
  'supervision/cadence': { interval: 'supervision' },
  'kpi/attainment': { project: 'kpiProjection' },
}
const NO_OPTIONS = z.strictObject({})

export { configMessages }

/**
 * The severity and options of every rule that is on, from a preset plus overrides.
 * Unknown rule ids and invalid options are diagnostics (located when `locate` is given).
 */
export function resolveRuleSettings(
  config: LedgerConfig | undefined,
  rules: readonly Rule[],
  options: { locale?: Locale; locate?: ParsedSource['locate'] } = {},
): { settings: Map<string, RuleSetting>; diagnostics: Diagnostic[] } {
  const locale = options.locale ?? 'zh-CN'
  const locate =
    options.locate ??
    ((path: readonly PropertyKey[]): SourceLocation => ({ path: `/${path.join('/')}` }))
  const report = diagnosticFactory({ ...modelMessages, ...configMessages }, locale)
  const diagnostics: Diagnostic[] = []
  const parsed = LedgerConfig.safeParse(config ?? {})
  const preset = parsed.success ? parsed.data.preset : 'recommended'
  const overrides = parsed.success ? parsed.data.rules : {}
  const byId = new Map(rules.map((rule) => [rule.id, rule]))

  for (const id of Object.keys(overrides)) {
    if (byId.has(id)) continue
    const suggestion = closest(id, byId.keys())
    diagnostics.push(
      report({
        ruleId: 'config/unknown-rule',
        messageId: suggestion ? 'config/unknown-rule-suggest' : 'config/unknown-rule',
        data: suggestion ? { rule: id, suggestion } : { rule: id },
        location: locate(['rules', id], 'key'),
        ...(suggestion ? { suggestions: [{ message: suggestion, replacement: suggestion }] } : {}),
      }),
    )
  }

  const settings = new Map<string, RuleSetting>()
  for (const rule of rules) {
    const base = presetSeverity(rule, preset)
    const override = overrides[rule.id]
    const severity =
      override === undefined ? base : Array.isArray(override) ? override[0] : override
    if (severity === 'off') continue
    let given = Array.isArray(override) && override.length > 1 ? override[1] : {}
    const optionsPath = ['rules', rule.id, 1]
    const moved = MOVED_OPTIONS[rule.id]
    if (moved && given !== null && typeof given === 'object' && !Array.isArray(given)) {
      const kept: Record<string, unknown> = { ...given }
      for (const [option, to] of Object.entries(moved)) {
        if (!(option in kept)) continue
        delete kept[option]
        diagnostics.push(
          report({
            ruleId: 'config/option-moved',
            data: { rule: rule.id, option, to },
            location: locate([...optionsPath, option], 'key'),
          }),
        )
      }
      given = kept
    }
    const sub: ParsedSource = {
      data: given,
      diagnostics: [],
      locate: (path, target) => locate([...optionsPath, ...path], target),
    }
    // A rule without options still refuses options given to it: nothing is silently dropped.
    const result = validateSource(rule.meta.options ?? NO_OPTIONS, sub, locale)
    diagnostics.push(...result.diagnostics)
    if (!result.value) continue
    settings.set(rule.id, { severity, options: result.value })
  }
  return { settings, diagnostics }
}

/**
 * Parse reformkit.config.yaml. Every problem — YAML, shape, unknown rule ids (with
 * "did you mean"), rule options that do not fit the rule's schema — is located.
 */
export function parseConfig(
  source: string,
  rules: readonly Rule[],
  options: ParseSourceOptions = {},
): { ok: boolean; config?: LedgerConfig; diagnostics: Diagnostic[] } {
  const locale = options.locale ?? 'zh-CN'
  const parsed = parseSource(source, options)
  // An empty file (or one of comments only) means: all defaults.
  if (
    parsed.diagnostics.length > 0 &&
    parsed.diagnostics.every((d) => d.ruleId === 'source/empty')
  ) {
    return { ok: true, config: {}, diagnostics: [] }
  }
  if (hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: parsed.diagnostics }
  const tagged = parsed.data !== null && typeof parsed.data === 'object' && 'schema' in parsed.data
  const tag = tagged ? checkSchemaTag(parsed, { name: 'reformkit/config', major: 1 }, locale) : []
  if (hasErrors(tag)) return { ok: false, diagnostics: tag }
  const { value, diagnostics } = validateSource(LedgerConfig, parsed, locale)
  if (!value) return { ok: false, diagnostics }
  const resolved = resolveRuleSettings(value, rules, { locale, locate: parsed.locate })
  const all = [...diagnostics, ...resolved.diagnostics].sort(compareDiagnostics)
  return { ok: !hasErrors(all), config: value, diagnostics: all }
}

/** A rule's severity in a preset: `strict` makes problems errors and suggestions warnings. */
export function presetSeverity(
  rule: Pick<Rule, 'meta'>,
  preset: 'recommended' | 'strict' | 'none',
): RuleSeverity {
  if (preset === 'none') return 'off'
  if (preset === 'strict') return rule.meta.type === 'problem' ? 'error' : 'warning'
  return rule.meta.recommended
}
