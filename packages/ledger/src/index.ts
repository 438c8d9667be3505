// @reformkit/ledger — the public API. Browser-safe; file-system helpers are in `@reformkit/ledger/node`.

export {
  type CheckLedgerOptions,
  type CheckLedgerResult,
  type CheckLedgerStats,
  checkLedger,
} from './engine/check-ledger.js'
export {
  type CopyComparison,
  type CopyDifference,
  compareCopies,
  type LedgerCopy,
} from './engine/compare-copies.js'
export {
  CONFIG_SCHEMA_TAG,
  configSchemas,
  type LedgerConfig,
  type LedgerConfigRead,
  parseConfig,
  presetSeverity,
  readConfig,
} from './engine/config.js'
export {
  PROFILE_SCHEMA_TAG,
  type ProfileFile,
  parseProfile,
  profileFileSchema,
} from './engine/profile.js'
export {
  type Cadence,
  DEFAULT_PROFILE,
  PROFILES,
  type Profile,
  type ProfileName,
  type RequirementsConfig,
  type RequirementsGiven,
  type RequirementValues,
  readRequirements,
  requirementsSchema,
  resolveRequirements,
} from './engine/requirements.js'
export { ledgerJsonSchema } from './entry/json-schema.js'
export { ledgerFileData } from './entry/ledger-file.js'
export {
  type ParseLedgerOptions,
  type ParseLedgerResult,
  parseLedger,
  type ReadLedgerDataOptions,
  readLedgerData,
} from './entry/parse-ledger.js'
export {
  type Attachment,
  ENTRY_FIELDS,
  ENTRY_KINDS,
  type EntryKind,
  type EntrySource,
  entryKindAliases,
  entryKindLabels,
  entryKindSchema,
  LEDGER_SCHEMA_TAG,
  type LedgerEntry,
  type LedgerEntryInput,
  type LedgerSchemas,
  ledgerSchemas,
} from './entry/schema.js'
export {
  type FormatName,
  type FormatOptions,
  formatDiagnostics,
  formatDiagnosticsChunks,
} from './format/index.js'
export { DIAGNOSTICS_SCHEMA_TAG } from './format/json.js'
export { ruleDocsMarkdown } from './format/rule-docs.js'
export * from './rule-api.js'
export { rules } from './rules/index.js'
