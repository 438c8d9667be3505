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
import { firstUse } from './first-use.js'
import { fastRequirements, isPlainObject, requirementsSchema } from './requirements.js'
import type { Rule, RuleSeverity } from './rule.js'

export const CONFIG_SCHEMA_TAG = 'reformkit/config@1'

const SEVERITY_NAMES = ['error', 'warning', 'info', 'off'] as const
const CONFIG_LOCALES = ['zh-CN', 'en'] as const
const PRESETS = ['recommended', 'strict', 'none'] as const

function build() {
  const Severity = z.enum(SEVERITY_NAMES)
  const RuleSetting = z.union([Severity, z.tuple([Severity]), z.tuple([Severity, z.unknown()])])
  /** reformkit.config.yaml: which rules run, how severe, with which options. */
  const LedgerConfig = z.strictObject({
    schema: z.string().optional(),
    locale: z.enum(CONFIG_LOCALES).optional(),
    /** Starting point: recommended (default), strict (every rule on) or none. */
    preset: z.enum(PRESETS).default('recommended'),
    rules: z.record(z.string(), RuleSetting).default({}),
    /** What each item must show: a profile and fields over it (checks and reports share it). */
    requirements: requirementsSchema().optional(),
    /** Sections other packages read (report rubric, workbook); kept, not checked here. */
    report: z.unknown().optional(),
    rubric: z.unknown().optional(),
    workbook: z.unknown().optional(),
  })
  return { LedgerConfig }
}

/**
 * The schema of reformkit.config.yaml (`configSchemas().LedgerConfig`), built on first use:
 * a well-formed config is read without it (`readConfig`).
 */
export const configSchemas: () => ReturnType<typeof build> = firstUse(build)
export type LedgerConfig = z.input<ReturnType<typeof build>['LedgerConfig']>
/** A config as its schema outputs it: defaults filled in. */
export type LedgerConfigRead = z.output<ReturnType<typeof build>['LedgerConfig']>

/** What a rule without options accepts as its options: nothing. */
const noOptions = firstUse(() => z.strictObject({}))

const SEVERITIES = new Set<unknown>(SEVERITY_NAMES)
const LOCALES = new Set<unknown>(CONFIG_LOCALES)
const PRESET_SET = new Set<unknown>(PRESETS)
const CONFIG_FIELDS = new Set([
  'schema',
  'locale',
  'preset',
  'rules',
  'requirements',
  'report',
  'rubric',
  'workbook',
])

/** A rule's setting as written: `error`, `[error]`, `[error, {options}]`. */
function ruleSetting(value: unknown): unknown {
  if (SEVERITIES.has(value)) return value
  if (!Array.isArray(value) || !SEVERITIES.has(value[0])) return undefined
  if (value.length === 1) return [value[0]]
  return value.length === 2 ? [value[0], value[1]] : undefined
}

/**
 * A config as its schema outputs it when it is plainly well-formed, else undefined (the
 * schema then says what is wrong): the common case without building the schema. Held to
 * the schema by config.test.ts.
 */
export function fastConfig(value: unknown): LedgerConfigRead | undefined {
  if (!isPlainObject(value)) return
  for (const key in value) if (!CONFIG_FIELDS.has(key) || value[key] === undefined) return
  const { schema, locale, preset = 'recommended', rules = {}, requirements } = value
  if (schema !== undefined && typeof schema !== 'string') return
  if ((locale !== undefined && !LOCALES.has(locale)) || !PRESET_SET.has(preset)) return
  if (!isPlainObject(rules)) return
  const settings: Record<string, unknown> = {}
  for (const id in rules) {
    const setting = id === '__proto__' ? undefined : ruleSetting(rules[id])
    if (setting === undefined) return
    settings[id] = setting
  }
  const given = requirements === undefined ? undefined : fastRequirements(requirements)
  if (requirements !== undefined && given === undefined) return
  const out: Record<string, unknown> = {}
  if (schema !== undefined) out.schema = schema
  if (locale !== undefined) out.locale = locale
  out.preset = preset
  out.rules = settings
  if (given !== undefined) out.requirements = given
  for (const key of ['report', 'rubric', 'workbook'])
    if (Object.hasOwn(value, key)) out[key] = value[key]
  return out as LedgerConfigRead
}

/** A config as its schema outputs it, or undefined when it is not valid. */
export function readConfig(value: unknown): LedgerConfigRead | undefined {
  const fast = fastConfig(value)
  if (fast) return fast
  const parsed = configSchemas().LedgerConfig.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

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
  const read = readConfig(config ?? {})
  const preset = read?.preset ?? 'recommended'
  const overrides = read?.rules ?? {}
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
    // No options given: the rule's defaults, without its schema when it writes them out.
    if (!(Array.isArray(override) && override.length > 1)) {
      const { meta } = rule
      const defaults = meta.defaultOptions ?? ('options' in meta ? undefined : {})
      if (defaults !== undefined) {
        settings.set(rule.id, { severity, options: structuredClone(defaults) })
        continue
      }
    }
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
    const result = validateSource(rule.meta.options ?? noOptions(), sub, locale)
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
  const fast = fastConfig(parsed.data)
  const { value, diagnostics } = fast
    ? { value: fast, diagnostics: [] }
    : validateSource(configSchemas().LedgerConfig, parsed, locale)
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
