import type * as z from 'zod'
import { LEDGER_SCHEMA_TAG, type LedgerEntry, type LedgerSchemas } from './schema.js'

/**
 * Entries as a ledger file holds them (`reformkit/ledger@1`), ready to write as YAML or JSON
 * — what parseLedger reads back to the same entries. Where they came from is left out;
 * when every entry is one unit's, the unit is written once for the file; an empty
 * attachment list (the default) is not written.
 */
export function ledgerFileData(
  entries: readonly LedgerEntry[],
  options: { title?: string } = {},
): z.input<LedgerSchemas['LedgerFile']> {
  const units = new Set(entries.map((entry) => entry.unit))
  const unit = units.size === 1 ? [...units][0] : undefined
  return {
    schema: LEDGER_SCHEMA_TAG,
    ...(unit === undefined ? {} : { unit }),
    ...(options.title === undefined ? {} : { title: options.title }),
    // Each field in the entry's own order, less what the file says once or by default.
    entries: entries.map(
      (entry) =>
        Object.fromEntries(
          Object.entries(entry).filter(
            ([key, value]) =>
              key !== 'source' &&
              !(key === 'unit' && unit !== undefined) &&
              !(key === 'attachments' && Array.isArray(value) && value.length === 0),
          ),
        ) as z.input<LedgerSchemas['LedgerFile']>['entries'][number],
    ),
  }
}
