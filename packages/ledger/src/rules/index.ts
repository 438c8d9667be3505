import type { Rule } from '../rule-api.js'
import { attachmentHashMismatch } from './attachment-hash-mismatch.js'
import { attachmentMissing } from './attachment-missing.js'
import { attachmentOutsideRoot } from './attachment-outside-root.js'
import { attachmentRequired } from './attachment-required.js'
import { bonusProofAttached } from './bonus-proof-attached.js'
import { copiesIdentical } from './copies-identical.js'
import { decisionProcedureComplete } from './decision-procedure-complete.js'
import { decisionProcedureOrder } from './decision-procedure-order.js'
import { entryDateOutsidePeriod } from './entry-date-outside-period.js'
import { entryDuplicateContent } from './entry-duplicate-content.js'
import { entryDuplicateId } from './entry-duplicate-id.js'
import { entryFutureDate } from './entry-future-date.js'
import { entryKindFields } from './entry-kind-fields.js'
import { kpiAttainment } from './kpi-attainment.js'
import { kpiReported } from './kpi-reported.js'
import { kpiValueValid } from './kpi-value-valid.js'
import { milestoneOverdue } from './milestone-overdue.js'
import { milestoneRoadmap } from './milestone-roadmap.js'
import { outcomeMinutesAndFormalPlan } from './outcome-minutes-and-formal-plan.js'
import { planApprovedBeforeImplementation } from './plan-approved-before-implementation.js'
import { refUnitNotResponsible } from './ref-unit-not-responsible.js'
import { refUnknownBody } from './ref-unknown-body.js'
import { refUnknownItem } from './ref-unknown-item.js'
import { refUnknownKpi } from './ref-unknown-kpi.js'
import { refUnknownMilestone } from './ref-unknown-milestone.js'
import { refUnknownUnit } from './ref-unknown-unit.js'
import { supervisionCadence } from './supervision-cadence.js'

/** Every rule of @reformkit/ledger, in the order they run and are documented. */
export const rules: readonly Rule[] = [
  refUnknownItem,
  refUnknownUnit,
  refUnitNotResponsible,
  refUnknownKpi,
  refUnknownMilestone,
  refUnknownBody,
  entryDuplicateId,
  entryDuplicateContent,
  entryKindFields,
  entryDateOutsidePeriod,
  entryFutureDate,
  decisionProcedureComplete,
  decisionProcedureOrder,
  planApprovedBeforeImplementation,
  outcomeMinutesAndFormalPlan,
  supervisionCadence,
  milestoneRoadmap,
  milestoneOverdue,
  kpiReported,
  kpiValueValid,
  kpiAttainment,
  bonusProofAttached,
  attachmentRequired,
  attachmentOutsideRoot,
  attachmentMissing,
  attachmentHashMismatch,
  copiesIdentical,
] as readonly Rule[]
