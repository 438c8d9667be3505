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
  LedgerConfig,
  parseConfig,
  presetSeverity,
  type RuleSetting,
  resolveRuleSettings,
} from './engine/config.js'
export {
  DEFAULT_PROFILE,
  PROFILES,
  type ProfileName,
  RequirementsConfig,
  resolveRequirements,
} from './engine/requirements.js'
export { ledgerJsonSchema } from './entry/json-schema.js'
export { ledgerMessages } from './entry/messages.js'
export {
  excelSerialToIsoDate,
  type Normalization,
  normalizeLedgerData,
  readDate,
  readNumber,
  toHalfWidth,
} from './entry/normalize.js'
export {
  type ParseLedgerOptions,
  type ParseLedgerResult,
  parseLedger,
} from './entry/parse-ledger.js'
export {
  Attachment,
  Bonus,
  ENTRY_KINDS,
  EntryKind,
  type EntrySource,
  entryKindLabels,
  KpiValue,
  LEDGER_SCHEMA_TAG,
  LedgerEntry,
  type LedgerEntryInput,
  LedgerFile,
  Meeting,
} from './entry/schema.js'
export {
  FORMATS,
  type FormatName,
  type FormatOptions,
  formatDiagnostics,
} from './format/index.js'
export { DIAGNOSTICS_SCHEMA_TAG, formatJson } from './format/json.js'
export {
  ruleDefaults,
  ruleDocsMarkdown,
  rulePageName,
  rulesIndexMarkdown,
} from './format/rule-docs.js'
export { formatSarif, type SarifOptions } from './format/sarif.js'
export { formatStylish, type StylishOptions } from './format/stylish.js'
export { displayWidth } from './format/width.js'
export * from './rule-api.js'
export { rules } from './rules/index.js'
