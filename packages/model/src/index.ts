// @reformkit/model — the public API. Browser-safe: nothing here touches the file system.

export { type DiagnosticInit, diagnosticFactory } from './diagnostic/create.js'
export type {
  Diagnostic,
  DiagnosticSubject,
  Locale,
  LocalizedMessage,
  MessageCatalogue,
  MessageData,
  RelatedLocation,
  Severity,
  SourceLocation,
  Suggestion,
} from './diagnostic/diagnostic.js'
export {
  compareDiagnostics,
  compareText,
  countSeverities,
  formatMessage,
  hasErrors,
  localizeDiagnostic,
  pick,
} from './diagnostic/diagnostic.js'
export { modelMessages } from './diagnostic/messages.js'
export { printable } from './diagnostic/printable.js'
export { formatOrdinal, type OrdinalStyle, parseOrdinal } from './ordinal/ordinal.js'
export {
  addDays,
  type DateLike,
  dayNumber,
  daysBetween,
  daysOverdue,
  elapsedFraction,
  isIsoDate,
  isWithinPeriod,
  type ParseDateResult,
  parseIsoDate,
  quarterLabel,
  quarterOf,
  toIsoDate,
} from './period/period.js'
export { checkPlanReferences } from './plan/check-plan.js'
export { expandResponsible, findUnit, itemLabel, responsibleUnits } from './plan/lookup.js'
export { type ParsePlanOptions, type ParsePlanResult, parsePlan } from './plan/parse-plan.js'
export { fileJsonSchema, planJsonSchema } from './schema/json-schema.js'
export {
  type BasisDocument,
  type Bodies,
  type Body,
  type Category,
  type CategoryKind,
  type Comparator,
  type Framework,
  type FrameworkList,
  ID_PATTERN,
  type Item,
  type Kpi,
  type KpiTarget,
  type Milestone,
  type Period,
  PLAN_SCHEMA_TAG,
  type Plan,
  type PlanInput,
  type PlanSchemas,
  planSchemas,
  type Unit,
  type UnitGroup,
  type UnitKind,
} from './schema/plan.js'
export { cellReference, parseCellReference } from './source/cell.js'
export {
  type DecodedSource,
  type DecodeSourceOptions,
  decodeSource,
  type TextEncodingName,
} from './source/decode.js'
export {
  DEFAULT_MAX_BYTES,
  formatBytes,
  type ParsedSource,
  type ParseSourceOptions,
  parseSource,
} from './source/source.js'
export { checkSchemaTag, fieldName, type SchemaTag, validateSource } from './source/validate.js'
export {
  type InflateBudget,
  readZipText,
  type ZipEntry,
  ZipError,
  type ZipProblem,
  zipEntries,
} from './source/zip.js'
export { closest } from './util/closest.js'
export { joinedPieces } from './util/joined-pieces.js'
export { prettyJsonPieces } from './util/json-pieces.js'
