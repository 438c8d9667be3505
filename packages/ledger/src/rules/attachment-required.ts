import * as z from 'zod'
import {
  ENTRY_KINDS,
  type EntryKind,
  entryKindLabels,
  entryKindSchema,
  type LedgerEntry,
} from '../entry/schema.js'
import { defineRule, firstUse } from '../rule-api.js'

/** The options when the config gives none (the schema's defaults). */
const DEFAULTS = { exemptKinds: ['kpiReport'] as EntryKind[] }
const options = firstUse(() =>
  z.strictObject({
    exemptKinds: z
      .array(entryKindSchema())
      .default(DEFAULTS.exemptKinds)
      .meta({ description: '无需附件的材料种类 / Kinds that need no attachment' }),
  }),
)

export const attachmentRequired = defineRule({
  id: 'attachment/required',
  meta: {
    type: 'suggestion',
    docs: {
      zh: '台账条目应附上材料文件(扫描件、文件、照片等),否则无法作为考核依据。',
      en: 'A ledger entry carries the material itself (scan, document, photo); without it the entry cannot serve as evidence in the assessment.',
      rationale: '保障措施(四):台账是考核的主要依据',
    },
    messages: {
      none: {
        zh: '{{kind}}条目“{{entry}}”没有附材料文件',
        en: '{{kind}} entry "{{entry}}" has no attached file',
      },
    },
    get options() {
      return options()
    },
    defaultOptions: DEFAULTS,
    recommended: 'warning',
  },
  check({ entries, index, options, report }) {
    // A bonus claim without proof is bonus/proof-attached's finding (an error), not this one.
    const skip = ENTRY_KINDS.map(
      (kind) => kind === 'bonusProof' || options.exemptKinds.includes(kind),
    )
    const { kind } = index.columns
    for (let i = 0; i < kind.length; i++) {
      if (skip[kind[i] as number] || index.has(i, 'attachments')) continue
      const entry = entries[i] as LedgerEntry
      report({
        messageId: 'none',
        data: { kind: entryKindLabels[entry.kind], entry: entry.id },
        entry,
        position: i,
      })
    }
  },
})
