import { diagnosticFactory } from '../diagnostic/create.js'
import {
  compareDiagnostics,
  type Diagnostic,
  hasErrors,
  type Locale,
  type SourceLocation,
} from '../diagnostic/diagnostic.js'
import { modelMessages } from '../diagnostic/messages.js'
import { type Plan, planSchemas } from '../schema/plan.js'
import { type ParseSourceOptions, parseSource } from '../source/source.js'
import { checkSchemaTag, validateSource } from '../source/validate.js'
import { checkPlanReferences } from './check-plan.js'
import { fastPlan } from './fast-plan.js'

export interface ParsePlanOptions extends ParseSourceOptions {}

export interface ParsePlanResult {
  /** True when no diagnostic has error severity; `plan` is then set. */
  ok: boolean
  plan?: Plan
  /** Every finding, in file order. */
  diagnostics: Diagnostic[]
  /**
   * Where a path of the plan stands in the file (line, column, JSON pointer), e.g.
   * `locate(['items', 3, 'kpis', 0])`; pass it to checkLedger as `locatePlan` so that
   * findings about items point at plan.yaml. Set whenever the file could be read.
   */
  locate?: (path: readonly PropertyKey[]) => SourceLocation
}

/**
 * Parse and check a plan file (YAML or JSON text, `schema: reformkit/plan@1`).
 *
 * Schema problems and cross-reference problems come back as diagnostics with file,
 * line, column and JSON pointer. Never throws, whatever the input.
 */
export function parsePlan(source: string, options: ParsePlanOptions = {}): ParsePlanResult {
  const locale: Locale = options.locale ?? 'zh-CN'
  try {
    const parsed = parseSource(source, options)
    if (hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: parsed.diagnostics }
    const tag = checkSchemaTag(parsed, { name: 'reformkit/plan', major: 1 }, locale)
    if (hasErrors(tag)) return { ok: false, diagnostics: [...parsed.diagnostics, ...tag] }
    // A well-formed plan is read without the schema; any other is given it for its findings.
    const fast = fastPlan(parsed.data)
    const { value, diagnostics: schemaDiagnostics } = fast
      ? { value: fast, diagnostics: [] }
      : validateSource(planSchemas().Plan, parsed, locale)
    const diagnostics = [...parsed.diagnostics, ...schemaDiagnostics]
    // An item that names only 牵头/配合 units is the responsibility of those units.
    for (const item of value?.items ?? [])
      if (item.responsible.length === 0)
        item.responsible = [...new Set([...(item.lead ?? []), ...(item.support ?? [])])]
    if (value)
      for (const d of checkPlanReferences(value, parsed.locate, locale)) diagnostics.push(d)
    diagnostics.sort(compareDiagnostics)
    const ok = value !== undefined && !hasErrors(diagnostics)
    const locate = (path: readonly PropertyKey[]) => parsed.locate(path)
    return ok ? { ok, plan: value, diagnostics, locate } : { ok, diagnostics, locate }
  } catch (error) {
    const report = diagnosticFactory(modelMessages, locale)
    const detail = error instanceof Error ? error.message : String(error)
    const location = options.filename === undefined ? {} : { file: options.filename }
    return {
      ok: false,
      diagnostics: [report({ ruleId: 'source/internal', data: { detail }, location })],
    }
  }
}
