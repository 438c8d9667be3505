import { formatOrdinal } from '@reformkit/model'
import { z } from 'zod'
import { defineRule } from '../engine/rule.js'

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
    options: z.strictObject({
      exemptUnits: z.array(z.string()).default([]).meta({
        description: '可为任何事项报材料的单位(如督办部门)/ Units that may file for any item',
      }),
    }),
    recommended: 'error',
  },
  check({ plan, index, options, report }) {
    const exempt = new Set(options.exemptUnits)
    const names = new Map([...plan.units, ...plan.unitGroups].map((u) => [u.id, u.name]))
    return {
      entry(entry) {
        const responsible = index.responsible.get(entry.item)
        if (!responsible || responsible.has(entry.unit) || exempt.has(entry.unit)) return
        const item = index.items.get(entry.item)
        const unit = index.units.get(entry.unit)
        if (!item || !unit) return
        report({
          messageId: 'notResponsible',
          data: {
            unit: unit.name,
            item: formatOrdinal(item.number),
            responsible: item.responsible.map((id) => names.get(id) ?? id).join('、'),
          },
          entry,
          field: 'unit',
        })
      },
    }
  },
})
