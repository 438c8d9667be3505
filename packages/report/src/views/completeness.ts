import type { EntryKind, ItemRequirements, LedgerEntry, Span } from '@reformkit/ledger'
import type { MaterialView } from './types.js'

export interface Completeness {
  /** The day the item's plan was approved: its first formal plan or meeting decision. */
  approved: string | undefined
  /** Supervision intervals due since the approval, and how many have their record. */
  spans: number
  supervised: number
  materials: MaterialView[]
  missing: EntryKind[]
  /** Required materials present, 0–1. */
  completeness: number
}

/**
 * Which of the materials an item must show are there. Supervision counts as present once
 * every interval due so far has its record (as supervision/cadence counts them).
 */
export function completeness(
  need: ItemRequirements,
  byKind: ReadonlyMap<EntryKind, LedgerEntry[]>,
  intervalsFrom: (approved: string) => readonly Span[],
): Completeness {
  const approved = [byKind.get('formalPlan')?.[0]?.date, byKind.get('meetingDecision')?.[0]?.date]
    .filter((d): d is string => d !== undefined)
    .sort()[0]
  const spans = approved ? intervalsFrom(approved) : []
  const records = byKind.get('supervision') ?? []
  const supervised = spans.filter((span) =>
    records.some((e) => e.date >= span.start && e.date <= span.end),
  ).length
  const required = new Set(need.materials)
  const materials = [...new Set<EntryKind>([...required, ...byKind.keys()])].map((kind) => ({
    kind,
    required: required.has(kind),
    entries: byKind.get(kind) ?? [],
  }))
  const has = (kind: EntryKind) =>
    kind === 'supervision'
      ? approved !== undefined &&
        supervised === spans.length &&
        (spans.length > 0 || byKind.has(kind))
      : byKind.has(kind)
  const missing = [...required].filter((kind) => !has(kind))
  return {
    approved,
    spans: spans.length,
    supervised,
    materials,
    missing,
    completeness: (required.size - missing.length) / required.size,
  }
}
