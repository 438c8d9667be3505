// How close a draft is to a hand-made truth: items by title (recall and precision), unit
// assignments role-aware (lead / support / undifferentiated, on the items both have), and
// targets by value and comparator. The measures the extractor is judged by.
import type { PlanInput } from '@reformkit/model'

export interface Truth {
  items: Array<{
    title: string
    lead?: string[]
    support?: string[]
    responsible?: string[]
    targets: Array<{ value: number; comparator: string }>
  }>
}

export interface Score {
  items: { truth: number; found: number; matched: number; recall: number; precision: number }
  units: { truth: number; found: number; matched: number; recall: number; precision: number }
  targets: { truth: number; found: number; matched: number; recall: number; precision: number }
}

/** Titles compared as a reader would: width, spaces and end punctuation aside. */
const norm = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.;；,，]+$/, '')

const ratio = (matched: number, of: number) => (of === 0 ? 1 : matched / of)
const part = (truth: number, found: number, matched: number) => ({
  truth,
  found,
  matched,
  recall: ratio(matched, truth),
  precision: ratio(matched, found),
})

export function scoreDraft(plan: PlanInput, truth: Truth): Score {
  const names = new Map<string, string>(
    [...plan.units, ...(plan.unitGroups ?? [])].map((u) => [u.id, u.name]),
  )
  const name = (id: string) => norm(names.get(id) ?? id)
  const drafted = new Map(plan.items.map((item) => [norm(item.title), item]))
  let matchedItems = 0
  const units = { truth: 0, found: 0, matched: 0 }
  const targets = { truth: 0, found: 0, matched: 0 }
  for (const expected of truth.items) {
    const pairs = (lead: string[] = [], support: string[] = [], plain: string[] = []) =>
      new Set([
        ...lead.map((n) => `lead ${norm(n)}`),
        ...support.map((n) => `support ${norm(n)}`),
        ...plain.map((n) => `responsible ${norm(n)}`),
      ])
    const want = pairs(expected.lead, expected.support, expected.responsible)
    units.truth += want.size
    targets.truth += expected.targets.length
    const item = drafted.get(norm(expected.title))
    if (!item) continue
    matchedItems++
    const lead = (item.lead ?? []).map(name)
    const support = (item.support ?? []).map(name)
    const plain = (item.responsible ?? [])
      .filter((id) => !(item.lead ?? []).includes(id) && !(item.support ?? []).includes(id))
      .map(name)
    const got = pairs(lead, support, plain)
    units.found += got.size
    units.matched += [...got].filter((p) => want.has(p)).length
    const found = (item.kpis ?? []).map((k) => `${k.target.value} ${k.target.comparator}`)
    targets.found += found.length
    const left = [...found]
    for (const t of expected.targets) {
      const at = left.indexOf(`${t.value} ${t.comparator}`)
      if (at >= 0) {
        left.splice(at, 1)
        targets.matched++
      }
    }
  }
  // Units and targets of items the truth does not have count as found, not matched.
  for (const item of plan.items)
    if (!truth.items.some((t) => norm(t.title) === norm(item.title))) {
      units.found += (item.responsible ?? []).length
      targets.found += (item.kpis ?? []).length
    }
  return {
    items: part(truth.items.length, plan.items.length, matchedItems),
    units: part(units.truth, units.found, units.matched),
    targets: part(targets.truth, targets.found, targets.matched),
  }
}
