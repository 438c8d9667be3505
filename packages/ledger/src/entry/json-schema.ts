import { fileJsonSchema } from '@reformkit/model'
import { LEDGER_SCHEMA_TAG, ledgerSchemas } from './schema.js'

/**
 * JSON Schema (2020-12) of a ledger file in its canonical form, for editors
 * (`# yaml-language-server: $schema=…`) and other tools. parseLedger also reads what
 * people write by hand — 2017年3月5日, Excel serial dates, unit names, （三） — which this
 * schema, describing the canonical form, does not accept.
 */
export function ledgerJsonSchema(): Record<string, unknown> {
  return fileJsonSchema(
    ledgerSchemas().LedgerFile,
    LEDGER_SCHEMA_TAG,
    'https://unpkg.com/@reformkit/ledger/schema/ledger.schema.json',
  )
}
