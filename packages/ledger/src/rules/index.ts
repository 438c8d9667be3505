import type { Rule } from '../engine/rule.js'
import { entryDateOutsidePeriod } from './entry-date-outside-period.js'
import { entryDuplicateId } from './entry-duplicate-id.js'
import { entryFutureDate } from './entry-future-date.js'
import { entryKindFields } from './entry-kind-fields.js'
import { refUnitNotResponsible } from './ref-unit-not-responsible.js'
import { refUnknownItem } from './ref-unknown-item.js'
import { refUnknownUnit } from './ref-unknown-unit.js'

/** Every rule of @reformkit/ledger, in the order they run and are documented. */
export const rules: readonly Rule[] = [
  refUnknownItem,
  refUnknownUnit,
  refUnitNotResponsible,
  entryDuplicateId,
  entryKindFields,
  entryDateOutsidePeriod,
  entryFutureDate,
] as readonly Rule[]
