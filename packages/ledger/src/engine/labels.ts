import { formatOrdinal, type Item, type LocalizedMessage } from '@reformkit/model'
import { type EntryKind, entryKindLabels } from '../entry/schema.js'

/** How messages name an item: （一）实施车都升级版计划 / (1) 实施车都升级版计划. */
export function itemName(item: Item): LocalizedMessage {
  return { zh: `${formatOrdinal(item.number)}${item.title}`, en: `(${item.number}) ${item.title}` }
}

/** A list of kinds in both languages: 调研、讨论 / research, discussion. */
export function kindList(kinds: readonly EntryKind[]): LocalizedMessage {
  return {
    zh: kinds.map((kind) => entryKindLabels[kind].zh).join('、'),
    en: kinds.map((kind) => entryKindLabels[kind].en).join(', '),
  }
}
