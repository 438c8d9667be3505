import { findUnit, type Plan, parseOrdinal } from '@reformkit/model'
import { ENTRY_KINDS, type EntryKind, entryKindAliases, entryKindLabels } from './schema.js'

/** One tolerated slip: what was written and what it was read as. */
export interface Normalization {
  path: PropertyKey[]
  from: string
  to: string | number
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const DAY = 86_400_000

/** Excel serial day (1 = 1900-01-01, 1900 leap-year bug included) → YYYY-MM-DD. */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return undefined
  return new Date(EXCEL_EPOCH + serial * DAY).toISOString().slice(0, 10)
}

/** Full-width letters, digits and punctuation → ASCII (ＡＢ１２（）－ → AB12()-). */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC')
}

const pad = (n: string) => n.padStart(2, '0')

/**
 * A date as people write it → YYYY-MM-DD, or undefined: 2017年3月5日, 2017/3/5, 2017.3.5,
 * 2017-3-5, full-width digits, Excel serial numbers. Whether the day exists is the
 * schema's question.
 */
export function readDate(value: unknown): string | undefined {
  if (typeof value === 'number') return excelSerialToIsoDate(value)
  if (typeof value !== 'string') return undefined
  const text = toHalfWidth(value).trim()
  const match = /^(\d{4})\s*(?:年|\/|\.|-)\s*(\d{1,2})\s*(?:月|\/|\.|-)\s*(\d{1,2})\s*日?$/.exec(
    text,
  )
  if (match) return `${match[1]}-${pad(match[2] ?? '')}-${pad(match[3] ?? '')}`
  if (/^\d{5}$/.test(text)) return excelSerialToIsoDate(Number(text))
  return undefined
}

/** A number as people write it: ２５, 1,200, " 30 " → 25, 1200, 30. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const text = toHalfWidth(value).replace(/[,\s]/g, '')
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined
}

/** Every name a kind is written by (its labels and aliases), lower case, → the kind. */
export const kindByName = new Map<string, EntryKind>(
  ENTRY_KINDS.flatMap((kind) => [
    [entryKindLabels[kind].zh, kind] as const,
    [entryKindLabels[kind].en.toLowerCase(), kind] as const,
    ...entryKindAliases[kind].map((alias) => [alias.toLowerCase(), kind] as const),
  ]),
)

type Raw = Record<string, unknown>

/**
 * Printable ASCII with no space at either end (`/^[!-~](?:[ -~]*[!-~])?$/`): NFKC and
 * trimming leave it as it is. A loop, not the regular expression: it runs on every id of
 * every entry (four a row, 400,000 on a province's 100k ledger).
 */
export function isPlainAscii(value: string): boolean {
  const last = value.length - 1
  if (last < 0 || value.charCodeAt(0) === 32 || value.charCodeAt(last) === 32) return false
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i)
    if (c < 32 || c > 126) return false
  }
  return true
}

/** Written `NNNN-NN-NN` already (a wrong day is the schema's to report, not read away). */
export const isDayShaped = (value: unknown): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)

const KIND_SET: ReadonlySet<string> = new Set(ENTRY_KINDS)
const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

interface Lookups {
  /** What they were made from: a plan changed since (a list replaced or grown) gets new ones. */
  made: { items: Plan['items']; units: Plan['units']; count: number }
  itemByNumber: ReadonlyMap<number, string>
  itemIds: ReadonlySet<string>
  unitIds: ReadonlySet<string>
}
const NO_PLAN: Lookups = {
  made: { items: [], units: [], count: 0 },
  itemByNumber: new Map(),
  itemIds: new Set(),
  unitIds: new Set(),
}
const lookups = new WeakMap<Plan, Lookups>()

/**
 * The plan's ids in sets (a province's ledger names 1,600 units a million times), made once
 * per plan: a ledger of a hundred files is normalised a file at a time.
 */
function lookupsOf(plan: Plan | undefined): Lookups {
  if (!plan) return NO_PLAN
  let found = lookups.get(plan)
  const { items, units } = plan
  const { made } = found ?? NO_PLAN
  if (
    !found ||
    made.items !== items ||
    made.units !== units ||
    made.count !== items.length + units.length
  ) {
    found = {
      made: { items, units, count: items.length + units.length },
      itemByNumber: new Map(plan.items.map((item) => [item.number, item.id])),
      itemIds: new Set(plan.items.map((item) => item.id)),
      unitIds: new Set(plan.units.map((unit) => unit.id)),
    }
    lookups.set(plan, found)
  }
  return found
}

/**
 * Read sloppy input the way a clerk meant it, in place, on a copy of the parsed data:
 * full-width characters, Chinese or Excel dates, unit names for ids, item ordinals for
 * ids, Chinese kind names. Returns every change so it can be reported (info severity).
 */
export function normalizeLedgerData(data: Raw, plan?: Plan): Normalization[] {
  // One change per field, from what was written to what is finally read.
  const changes = new Map<string, Normalization>()
  const entries = data.entries
  if (!Array.isArray(entries)) return []

  const set = (target: Raw, key: string, path: PropertyKey[], to: string | number) => {
    const from = target[key]
    if (from === to) return
    const id = path.join('/')
    const earlier = changes.get(id)
    if (earlier) earlier.to = to
    else changes.set(id, { path, from: typeof from === 'string' ? from : JSON.stringify(from), to })
    target[key] = to
  }
  // A file-level unit written by name is read once, before it is copied into the entries.
  if (plan && typeof data.unit === 'string') {
    const unit = findUnit(plan, data.unit)
    if (unit) set(data, 'unit', ['unit'], unit.id)
  }
  /** An id written with full-width forms or spaces around it is read without them. */
  const readId = (entry: Raw, key: string, value: unknown, i: number) => {
    if (typeof value === 'string' && !isPlainAscii(value) && toHalfWidth(value).trim() !== value)
      set(entry, key, ['entries', i, key], toHalfWidth(value).trim())
  }
  const { itemByNumber, itemIds, unitIds } = lookupsOf(plan)
  let bodyByName: ReadonlyMap<string, string> | undefined

  entries.forEach((entry, i) => {
    if (!isRecord(entry)) return
    if (entry.unit === undefined && typeof data.unit === 'string') entry.unit = data.unit

    // An item or unit the plan has (nearly every one) is kept as written: a plan's ids are
    // plain ASCII, which neither NFKC nor trimming changes — and no more is run for it.
    const itemKnown = itemIds.has(entry.item as string)
    const unitKnown = unitIds.has(entry.unit as string)
    // Each field named, not entry[key] in a loop: a keyed read on entries of many shapes is
    // several times slower, and this runs four times an entry.
    readId(entry, 'id', entry.id, i)
    if (!itemKnown) readId(entry, 'item', entry.item, i)
    if (!unitKnown) readId(entry, 'unit', entry.unit, i)
    readId(entry, 'milestone', entry.milestone, i)
    const date = entry.date
    if (date !== undefined && !isDayShaped(date)) {
      const read = readDate(date)
      if (read) set(entry, 'date', ['entries', i, 'date'], read)
    }
    if (typeof entry.kind === 'string' && !KIND_SET.has(entry.kind)) {
      const kind = kindByName.get(toHalfWidth(entry.kind).trim().toLowerCase())
      if (kind) set(entry, 'kind', ['entries', i, 'kind'], kind)
    }
    if (plan && !unitKnown && typeof entry.unit === 'string' && !unitIds.has(entry.unit)) {
      const unit = findUnit(plan, entry.unit)
      if (unit) set(entry, 'unit', ['entries', i, 'unit'], unit.id)
    }
    if (plan && !itemKnown && typeof entry.item === 'string' && !itemIds.has(entry.item)) {
      const number = parseOrdinal(entry.item)
      const id =
        (number === undefined ? undefined : itemByNumber.get(number)) ??
        plan.items.find((item) => item.title === entry.item)?.id
      if (id) set(entry, 'item', ['entries', i, 'item'], id)
    }
    // A meeting body written by name (区创改组, 区委全面深化改革委员会) → its id.
    if (plan && isRecord(entry.meeting) && typeof entry.meeting.body === 'string') {
      const { body } = entry.meeting
      bodyByName ??= bodiesByName(plan)
      const id = bodyByName.get(isPlainAscii(body) ? body : toHalfWidth(body).trim())
      if (id) set(entry.meeting, 'body', ['entries', i, 'meeting', 'body'], id)
    }
    if (isRecord(entry.kpi)) {
      const value = readNumber(entry.kpi.value)
      if (value !== undefined) set(entry.kpi, 'value', ['entries', i, 'kpi', 'value'], value)
      const asOf = entry.kpi.asOf
      if (asOf !== undefined && !isDayShaped(asOf)) {
        const read = readDate(asOf)
        if (read) set(entry.kpi, 'asOf', ['entries', i, 'kpi', 'asOf'], read)
      }
    }
    if (isRecord(entry.bonus)) {
      const points = readNumber(entry.bonus.points)
      if (points !== undefined)
        set(entry.bonus, 'points', ['entries', i, 'bonus', 'points'], points)
    }
  })
  return [...changes.values()]
}

/**
 * Each name a body of the plan is written by (name, short name, alias) → the id of the first
 * body (leading group, its office, the superior office) so named. A body's id is never read
 * as another body's, even where that one lists it among its names.
 */
function bodiesByName(plan: Plan): ReadonlyMap<string, string> {
  const { leadingGroup, office, superior } = plan.bodies
  const bodies = [leadingGroup, office, superior].filter((body) => body !== undefined)
  const ids = new Set(bodies.map((body) => body.id))
  const byName = new Map<string, string>()
  for (const body of bodies)
    for (const name of [body.name, body.shortName, ...body.aliases])
      if (name !== undefined && !ids.has(name) && !byName.has(name)) byName.set(name, body.id)
  return byName
}
