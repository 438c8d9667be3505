import { firstEqual, hashSeed, hashText } from '../engine/fast.js'
import { defineRule, type RuleContext } from '../engine/rule.js'
import type { LedgerEntry } from '../entry/schema.js'

export const entryDuplicateContent = defineRule({
  id: 'entry/duplicate-content',
  meta: {
    type: 'suggestion',
    docs: {
      zh: '同一单位为同一事项在同一天报送了标题相同的同类材料,多半是重复录入。',
      en: 'The same unit filing the same kind of material with the same title for the same item on the same day is most likely a double entry.',
      rationale: '保障措施(四):分类认真整理归档',
    },
    messages: {
      duplicate: {
        zh: '条目“{{entry}}”与“{{first}}”内容相同(事项、单位、种类、日期、标题均一致)',
        en: 'Entry "{{entry}}" repeats "{{first}}" (same item, unit, kind, date and title)',
      },
    },
    recommended: 'warning',
  },
  check({ index, report }) {
    // Repeats share item, kind and date, so they stand next to each other in the index
    // (entries of an item and kind in date order, file order within a day): compare within
    // each day only.
    for (const list of [...index.byItemKind.values()].flatMap((kinds) => [...kinds.values()])) {
      let start = 0
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && (list[i] as LedgerEntry).date === (list[start] as LedgerEntry).date)
          continue
        if (i - start > 8) reportRepeats(list.slice(start, i), report)
        else {
          // A handful of entries: comparing each with those before it beats hashing.
          for (let k = start + 1; k < i; k++) {
            const entry = list[k] as LedgerEntry
            for (let j = start; j < k; j++) {
              const earlier = list[j] as LedgerEntry
              if (!sameContent(earlier, entry)) continue
              report({
                messageId: 'duplicate',
                data: { entry: entry.id, first: earlier.id },
                entry,
              })
              break
            }
          }
        }
        start = i
      }
    }
  },
})

/** Among many entries of one item and one day, report each that repeats an earlier one. */
function reportRepeats(day: LedgerEntry[], report: RuleContext['report']): void {
  const seed = hashSeed()
  const first = firstEqual(
    day.length,
    (i) => {
      const e = day[i] as LedgerEntry
      return hashText(e.title.trim(), hashText(e.kind, hashText(e.unit, seed)))
    },
    (a, b) => sameContent(day[a] as LedgerEntry, day[b] as LedgerEntry),
    (i) => {
      const e = day[i] as LedgerEntry
      return [e.unit, e.kind, e.title.trim()].join('\0')
    },
  )
  first.forEach((earlier, i) => {
    if (earlier < 0) return
    const entry = day[i] as LedgerEntry
    const data = { entry: entry.id, first: (day[earlier] as LedgerEntry).id }
    report({ messageId: 'duplicate', data, entry })
  })
}

function sameContent(a: LedgerEntry, b: LedgerEntry): boolean {
  return (
    a.unit === b.unit &&
    a.kind === b.kind &&
    (a.title === b.title || a.title.trim() === b.title.trim())
  )
}
