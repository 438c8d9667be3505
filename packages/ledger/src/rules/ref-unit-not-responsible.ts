import { formatOrdinal, type Item, type Unit } from '@reformkit/model'
import * as z from 'zod'
import type { LedgerEntry } from '../entry/schema.js'
import { defineRule, firstUse } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { exemptUnits: [] as string[] }
const options = firstUse(() =>
  z.strictObject({
    exemptUnits: z.array(z.string()).default(DEFAULTS.exemptUnits).meta({
      description: '可为任何事项报材料的单位(如督办部门)/ Units that may file for any item',
    }),
  }),
)

export const refUnitNotResponsible = defineRule({
  id: 'ref/unit-not-responsible',
  meta: {
    type: 'problem',
    docs: {
      zh: '单位只为自己负责(或所在单位组负责)的事项报送台账。',
      en: 'A unit files only for items it is responsible for (itself or through its group).',
      rationale: '方案各事项“责任单位”;保障措施(二)',
    },
    messages: {
      notResponsible: {
        zh: '{{unit}} 不是事项{{item}}的责任单位(责任单位:{{responsible}})',
        en: '{{unit}} is not responsible for item {{item}} (responsible: {{responsible}})',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'error',
  },
  check({ plan, entries, index, options, report }) {
    const names = new Map([...plan.units, ...plan.unitGroups].map((u) => [u.id, u.name]))
    const { item: itemOf, unit: unitOf } = index.columns
    const unitSlots = new Map(plan.units.map((unit, slot) => [unit.id, slot]))
    const slotsOf = (ids: Iterable<string>) => [...ids].map((id) => unitSlots.get(id) ?? -1)
    // Per item, the units (by slot) that may file for it: responsible ones and exempt ones.
    const exempt = slotsOf(options.exemptUnits)
    const allowed = plan.items.map((item) => [
      ...slotsOf(index.responsible.get(item.id) ?? []),
      ...exempt,
    ])
    for (let i = 0; i < itemOf.length; i++) {
      // Unknown items and units are ref/unknown-item's and ref/unknown-unit's findings.
      if (!index.isPlanItem(i) || !index.isPlanUnit(i)) continue
      // For the plan's items and units, the column value is the place in the plan.
      const unit = unitOf[i] as number
      const may = allowed[itemOf[i] as number] as number[]
      if (may.includes(unit)) continue
      const entry = entries[i] as LedgerEntry
      const item = plan.items[itemOf[i] as number] as Item
      report({
        messageId: 'notResponsible',
        data: {
          unit: (plan.units[unit] as Unit).name,
          item: formatOrdinal(item.number),
          responsible: item.responsible.map((id) => names.get(id) ?? id).join('、'),
        },
        entry,
        position: i,
        field: 'unit',
      })
    }
  },
})
