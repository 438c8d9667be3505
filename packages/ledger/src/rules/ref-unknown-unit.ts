import { closest, findUnit, type Unit } from '@reformkit/model'
import type { LedgerEntry } from '../entry/schema.js'
import { defineRule } from '../rule-api.js'

export const refUnknownUnit = defineRule({
  id: 'ref/unknown-unit',
  meta: {
    type: 'problem',
    docs: {
      zh: '报送单位必须是方案中的责任单位(单位组如“各园区”不能作为报送单位)。',
      en: 'The filing unit is a unit of the plan (a group such as 各园区 cannot file).',
      rationale: '保障措施(四):各相关单位整理归档台账',
    },
    messages: {
      unknown: {
        zh: '条目“{{entry}}”的报送单位“{{unit}}”不在方案中',
        en: 'Entry "{{entry}}" is filed by "{{unit}}", which is not a unit of the plan',
      },
      unknownSuggest: {
        zh: '条目“{{entry}}”的报送单位“{{unit}}”不在方案中;是否应为“{{suggestion}}”({{name}})?',
        en: 'Entry "{{entry}}" is filed by "{{unit}}", which is not a unit of the plan; did you mean "{{suggestion}}" ({{name}})?',
      },
      group: {
        zh: '条目“{{entry}}”的报送单位“{{unit}}”是单位组;请写具体单位(如 {{members}})',
        en: 'Entry "{{entry}}" is filed by the group "{{unit}}"; name one unit (e.g. {{members}})',
      },
    },
    recommended: 'error',
  },
  check({ plan, entries, index, report }) {
    const groups = new Map(plan.unitGroups.map((group) => [group.id, group]))
    const { unit: unitOf, unitIds } = index.columns
    // One suggestion per unknown id, however many entries repeat it.
    const suggested = new Map<number, Unit | undefined>()
    for (let i = 0; i < unitOf.length; i++) {
      if (index.isPlanUnit(i)) continue
      const slot = unitOf[i] as number
      const entry = entries[i] as LedgerEntry
      const group = groups.get(entry.unit)
      if (group) {
        report({
          messageId: 'group',
          data: { entry: entry.id, unit: entry.unit, members: group.members.join(', ') },
          entry,
          position: i,
          field: 'unit',
        })
        continue
      }
      if (!suggested.has(slot)) {
        const id = unitIds[slot] as string
        suggested.set(
          slot,
          findUnit(plan, id) ?? index.units.get(closest(id, index.units.keys()) ?? ''),
        )
      }
      const unit = suggested.get(slot)
      if (unit) {
        report({
          messageId: 'unknownSuggest',
          data: { entry: entry.id, unit: entry.unit, suggestion: unit.id, name: unit.name },
          entry,
          position: i,
          field: 'unit',
          suggestions: [{ message: unit.name, replacement: unit.id }],
        })
      } else {
        report({
          messageId: 'unknown',
          data: { entry: entry.id, unit: entry.unit },
          entry,
          position: i,
          field: 'unit',
        })
      }
    }
  },
})
