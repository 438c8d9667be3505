import * as z from 'zod'
import { ENTRY_KINDS, type LedgerEntry } from '../entry/schema.js'
import { defineRule, firstUse } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { maxPointsPerEntry: 5 }
const options = firstUse(() =>
  z.strictObject({
    maxPointsPerEntry: z
      .number()
      .positive()
      .default(DEFAULTS.maxPointsPerEntry)
      .meta({ description: '每条加分申报的分值上限 / Most points one claim may ask for' }),
  }),
)

export const bonusProofAttached = defineRule({
  id: 'bonus/proof-attached',
  meta: {
    type: 'problem',
    docs: {
      zh: '加分事项须附证明材料,分值为正且不超过上限。',
      en: 'A bonus claim carries its proof as an attachment, with positive points no higher than the cap.',
      rationale: '保障措施(四):获得加分事项的证明',
    },
    messages: {
      noProof: {
        zh: '加分条目“{{entry}}”没有附证明材料',
        en: 'Bonus entry "{{entry}}" has no proof attached',
      },
      points: {
        zh: '加分条目“{{entry}}”的分值 {{points}} 应在 0 到 {{cap}} 之间',
        en: 'Bonus entry "{{entry}}" claims {{points}} points; claims are above 0 and at most {{cap}}',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'error',
  },
  check({ entries, index, options, report }) {
    const { kind } = index.columns
    const bonusProof = ENTRY_KINDS.indexOf('bonusProof')
    for (let i = 0; i < kind.length; i++) {
      if (kind[i] !== bonusProof) continue
      const entry = entries[i] as LedgerEntry
      if (!index.has(i, 'attachments'))
        report({
          messageId: 'noProof',
          data: { entry: entry.id },
          entry,
          position: i,
          field: 'attachments',
        })
      const points = entry.bonus?.points
      if (points !== undefined && (points <= 0 || points > options.maxPointsPerEntry)) {
        report({
          messageId: 'points',
          data: { entry: entry.id, points, cap: options.maxPointsPerEntry },
          entry,
          position: i,
          field: 'bonus',
        })
      }
    }
  },
})
