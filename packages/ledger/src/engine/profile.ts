import {
  checkSchemaTag,
  type Diagnostic,
  hasErrors,
  type ParseSourceOptions,
  parseSource,
  planSchemas,
  validateSource,
} from '@reformkit/model'
import * as z from 'zod'
import {
  PROFILES,
  type Profile,
  type ProfileName,
  requirementsSchema,
  valuesOver,
} from './requirements.js'

export const PROFILE_SCHEMA_TAG = 'reformkit/profile@1'

function build() {
  const { Id, Text } = planSchemas()
  return requirementsSchema()
    .omit({ profile: true })
    .extend({
      schema: z.string(),
      id: Id,
      name: Text.meta({ description: '名称 / Name, e.g. 某市人才发展五年行动计划保障措施' }),
      description: Text.optional().meta({ description: '出处与说明 / Where it comes from' }),
      extends: z
        .enum(Object.keys(PROFILES) as [ProfileName, ...ProfileName[]])
        .default('generic')
        .meta({ description: '在哪个内置要求之上 / Shipped profile it starts from' }),
      /** The scoring weights, as the config's `rubric:`; checked and used by @reformkit/report. */
      rubric: z.unknown().optional().meta({
        description: '考核评分细则(同配置文件的 rubric:)/ Scoring rubric, as in the config',
      }),
    })
}

let built: ReturnType<typeof build> | undefined

/**
 * A profile file (`reformkit/profile@1`): what a district's plan demands of every item,
 * named, shareable between projects. It starts from a shipped profile (`extends`, default
 * `generic`) and sets any field of the config's `requirements:` section.
 *
 * Built on the first call, not at import.
 */
export function profileFileSchema(): ReturnType<typeof build> {
  built ??= build()
  return built
}
export type ProfileFile = z.input<ReturnType<typeof build>>

/** Read a profile file: its values resolved over the profile it extends. Never throws. */
export function parseProfile(
  source: string,
  options: ParseSourceOptions = {},
): { ok: boolean; profile?: Profile; diagnostics: Diagnostic[] } {
  const locale = options.locale ?? 'zh-CN'
  const parsed = parseSource(source, options)
  if (hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: parsed.diagnostics }
  const tag = checkSchemaTag(parsed, { name: 'reformkit/profile', major: 1 }, locale)
  if (hasErrors(tag)) return { ok: false, diagnostics: [...parsed.diagnostics, ...tag] }
  const { value, diagnostics } = validateSource(profileFileSchema(), parsed, locale)
  const all = [...parsed.diagnostics, ...diagnostics]
  if (!value) return { ok: false, diagnostics: all }
  const profile: Profile = {
    id: value.id,
    name: value.name,
    ...(value.description ? { description: value.description } : {}),
    ...valuesOver(PROFILES[value.extends], value),
  }
  return { ok: !hasErrors(all), profile, diagnostics: all }
}
