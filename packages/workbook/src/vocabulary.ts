import { ENTRY_KINDS, entryKindLabels } from '@reformkit/ledger'
import { itemLabel, type Plan, parseOrdinal } from '@reformkit/model'

/**
 * The words a workbook uses for a plan's ids — 「（三）推动……」 for item-03, 发改局 for fgj,
 * 调研 for research, 区创改组 for qcgz — both ways. What a template writes reads back as
 * the same id without a finding; anything else is left for the ledger's reading, which
 * says what it made of it.
 */
export interface Vocabulary {
  item(id: string): string
  unit(id: string): string
  kind(kind: string): string
  body(id: string): string
  kpi(id: string): string
  readItem(text: string): string
  readUnit(text: string): string
  readKind(text: string): string
  readBody(text: string): string
  /** The KPI a cell names (its id or its measure), with its item. */
  readKpi(text: string): { id: string; item?: string; measure?: string }
  /** Choices for the template's dropdowns. */
  lists: { items: string[]; units: string[]; kinds: string[]; bodies: string[]; kpis: string[] }
}

const MAX_TITLE = 40

/** A plan item as a cell shows it: its ordinal and title (shortened past 40 characters). */
const itemText = (item: Plan['items'][number]) =>
  `${itemLabel(item)}${item.title.length > MAX_TITLE ? `${item.title.slice(0, MAX_TITLE)}…` : item.title}`

/** A leading ordinal as people write it before a title: （三）, 3., 3、, 第三项. */
const LEADING_ORDINAL =
  /^\s*([(（][一二三四五六七八九十百零〇\d]+[)）]|\d+(?=[.．、\s])|第[一二三四五六七八九十百零〇\d]+项?)/

export function vocabulary(plan: Plan): Vocabulary {
  // Each id one text and each text one id: a text two ids share gets the id after it.
  const two = (pairs: Array<[string, string]>) => {
    const count = new Map<string, number>()
    for (const [, text] of pairs) count.set(text, (count.get(text) ?? 0) + 1)
    const out = new Map(
      pairs.map(([id, text]) => [id, (count.get(text) ?? 0) > 1 ? `${text} (${id})` : text]),
    )
    return { out, in: new Map([...out].map(([id, text]) => [text, id])) }
  }
  const items = two(plan.items.map((item) => [item.id, itemText(item)]))
  const numbers = new Map<number, string[]>()
  for (const item of plan.items)
    numbers.set(item.number, [...(numbers.get(item.number) ?? []), item.id])
  const units = two(plan.units.map((unit) => [unit.id, unit.name]))
  const kinds = two(ENTRY_KINDS.map((kind) => [kind, entryKindLabels[kind].zh]))
  const bodyList = [plan.bodies.leadingGroup, plan.bodies.office, plan.bodies.superior].filter(
    (body) => body !== undefined,
  )
  const bodies = two(bodyList.map((body) => [body.id, body.shortName ?? body.name]))
  const kpis = plan.items.flatMap((item) => item.kpis.map((kpi) => ({ kpi, item: item.id })))
  const kpiText = (k: (typeof kpis)[number]) => `${k.kpi.id} ${k.kpi.measure}`
  const kpiById = new Map(kpis.map((k) => [k.kpi.id, k]))
  // What a KPI cell may hold — its id, the template's text, its measure — each text to the
  // first KPI in the plan's order that it names (as a search in that order finds it).
  const kpiByText = new Map<string, (typeof kpis)[number]>()
  for (const k of kpis)
    for (const text of [k.kpi.id, kpiText(k), k.kpi.measure])
      if (!kpiByText.has(text)) kpiByText.set(text, k)
  const read = (map: Map<string, string>) => (text: string) => map.get(text.trim()) ?? text
  return {
    item: (id) => items.out.get(id) ?? id,
    unit: (id) => units.out.get(id) ?? id,
    kind: (kind) => kinds.out.get(kind) ?? kind,
    body: (id) => bodies.out.get(id) ?? id,
    kpi(id) {
      const found = kpiById.get(id)
      return found ? kpiText(found) : id
    },
    readItem(text) {
      const known = items.in.get(text.trim())
      if (known) return known
      const ordinal = LEADING_ORDINAL.exec(text)?.[1]
      const number = ordinal === undefined ? undefined : parseOrdinal(ordinal)
      // Only when more than the ordinal is written: a bare （三） is the ledger's to read.
      const ids = number === undefined ? undefined : numbers.get(number)
      const id = ids?.length === 1 ? ids[0] : undefined
      return id !== undefined && text.trim() !== ordinal ? id : text
    },
    readUnit: read(units.in),
    readKind: read(kinds.in),
    readBody: read(bodies.in),
    readKpi(text) {
      const key = text.trim()
      const found = kpiByText.get(key)
      return found
        ? { id: found.kpi.id, item: found.item, measure: found.kpi.measure }
        : { id: key }
    },
    lists: {
      items: [...items.out.values()],
      units: [...units.out.values()],
      kinds: [...kinds.out.values()],
      bodies: [...bodies.out.values()],
      kpis: kpis.map(kpiText),
    },
  }
}
