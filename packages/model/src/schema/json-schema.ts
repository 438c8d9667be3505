import { z } from 'zod'
import { PLAN_SCHEMA_TAG, Plan } from './plan.js'

/**
 * The JSON Schema (draft 2020-12) of a plan file as written: defaulted fields are optional.
 * Editors use it through `# yaml-language-server: $schema=…`. Checks that JSON Schema
 * cannot express (cross references, real calendar dates) are parsePlan's.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Plan, { io: 'input', target: 'draft-2020-12' })
  const properties = schema.properties as Record<string, Record<string, unknown>>
  properties.schema = { ...properties.schema, pattern: `^${PLAN_SCHEMA_TAG}(\\.\\d+)*$` }
  return {
    $schema: schema.$schema,
    $id: 'https://unpkg.com/@reformkit/model/schema/plan.schema.json',
    ...schema,
  }
}
