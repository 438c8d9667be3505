import * as z from 'zod'
import { PLAN_SCHEMA_TAG, planSchemas } from './plan.js'

/**
 * The JSON Schema (draft 2020-12) of a reformkit file format as written (defaulted fields
 * optional), its `schema:` field held to the format's tag, e.g. `reformkit/plan@1`.
 */
export function fileJsonSchema(
  schema: z.ZodType,
  tag: string,
  id: string,
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' })
  const properties = json.properties as Record<string, Record<string, unknown>>
  properties.schema = { ...properties.schema, pattern: `^${tag}(\\.\\d+)*$` }
  return { $schema: json.$schema, $id: id, ...json }
}

/**
 * The JSON Schema of a plan file. Editors use it through `# yaml-language-server:
 * $schema=…`. Checks that JSON Schema cannot express (cross references, real calendar
 * dates) are parsePlan's.
 */
export function planJsonSchema(): Record<string, unknown> {
  return fileJsonSchema(
    planSchemas().Plan,
    PLAN_SCHEMA_TAG,
    'https://unpkg.com/@reformkit/model/schema/plan.schema.json',
  )
}
