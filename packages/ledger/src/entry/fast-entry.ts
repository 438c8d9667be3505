// The common case without zod: a well-formed entry, as programs write and clerks mostly
// do, accepted by plain checks that mirror the LedgerEntry schema exactly. Anything they do
// not accept — a wrong type, a missing field, text with spaces to trim, an unknown key —
// goes to the schema, which says what is wrong (the same entries and findings either way:
// fast-entry.test.ts).
import { ID_PATTERN, isIsoDate } from '@reformkit/model'
import { ENTRY_FIELDS, ENTRY_KINDS, type LedgerEntry } from './schema.js'

type Raw = Record<string, unknown>

/**
 * The schema's keys in its order, the order its output has (written out, so that no schema
 * is built to read them; fast-entry.test.ts holds them to the schema's shapes).
 */
export const FAST_KEYS = {
  entry: ENTRY_FIELDS,
  attachment: ['path', 'sha256', 'bytes'],
  meeting: ['body', 'session'],
  kpi: ['id', 'value', 'asOf'],
  bonus: ['reason', 'points'],
} as const satisfies Record<string, readonly string[]>
const ENTRY_KEYS: readonly string[] = FAST_KEYS.entry
const ATTACHMENT_KEYS: readonly string[] = FAST_KEYS.attachment
const MEETING_KEYS: readonly string[] = FAST_KEYS.meeting
const KPI_KEYS: readonly string[] = FAST_KEYS.kpi
const BONUS_KEYS: readonly string[] = FAST_KEYS.bonus
const KINDS: ReadonlySet<unknown> = new Set(ENTRY_KINDS)

/**
 * 64 lower-case hex digits (`/^[0-9a-f]{64}$/`, the schema's pattern): a loop, since the
 * expression costs several times as much on every attachment of a province's ledger.
 */
export function isSha256(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 64) return false
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i)
    if ((c < 48 || c > 57) && (c < 97 || c > 102)) return false
  }
  return true
}

const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
/** Text as the schema keeps it: a string with something in it and nothing to trim. */
const text = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.trim() === value
const optionalText = (value: unknown) => value === undefined || text(value)
const number = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/**
 * Whether `value` has only the keys named, in their order: then it is already what the
 * schema would output, and is kept as it is (no copy); `false` when a key is unknown.
 */
function order(value: Raw, keys: readonly string[]): 'ordered' | 'unordered' | false {
  let at = 0
  let ordered = true
  for (const key in value) {
    const i = keys.indexOf(key)
    if (i < 0 || value[key] === undefined) return false
    if (i < at) ordered = false
    at = i
  }
  return ordered ? 'ordered' : 'unordered'
}

/** A copy with the keys in the schema's order, or `value` itself when they already are. */
function inOrder(value: Raw, keys: readonly string[], ordered: boolean): Raw {
  if (ordered) return value
  const copy: Raw = {}
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (value[key] !== undefined) copy[key] = value[key]
  }
  return copy
}

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['schema', 'unit', 'title', 'note', 'entries'])

/**
 * Whether a ledger file's envelope (all but its entries) is one the LedgerEnvelope schema
 * accepts as it stands, so that it need not be asked: `schema` a string, `unit`, `title`
 * and `note` text with nothing to trim when present, `entries` a list, no other key.
 */
export function fastEnvelope(data: Raw): boolean {
  for (const key in data) if (!ENVELOPE_KEYS.has(key)) return false
  return (
    typeof data.schema === 'string' &&
    optionalText(data.unit) &&
    optionalText(data.title) &&
    optionalText(data.note) &&
    Array.isArray(data.entries)
  )
}

/** `raw` as the LedgerEntry schema would output it, or undefined when it needs the schema. */
export function fastEntry(raw: unknown): LedgerEntry | undefined {
  if (!isRecord(raw)) return undefined
  const keys = order(raw, ENTRY_KEYS)
  if (!keys) return undefined
  const { id, item, unit, kind, date, title, issuer, documentNumber, note } = raw
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined
  if (!text(item) || !text(unit) || !KINDS.has(kind) || !isIsoDate(date) || !text(title))
    return undefined
  if (!optionalText(issuer) || !optionalText(documentNumber) || !optionalText(note))
    return undefined
  const attachments = fastAttachments(raw.attachments)
  if (!attachments) return undefined
  const { meeting, kpi, milestone, bonus } = raw
  let meetingOut: Raw | undefined
  if (meeting !== undefined) {
    const o = isRecord(meeting) && order(meeting, MEETING_KEYS)
    if (!o || !text(meeting.body) || !optionalText(meeting.session)) return undefined
    meetingOut = inOrder(meeting, MEETING_KEYS, o === 'ordered')
  }
  let kpiOut: Raw | undefined
  if (kpi !== undefined) {
    const o = isRecord(kpi) && order(kpi, KPI_KEYS)
    if (!o || !text(kpi.id) || !number(kpi.value)) return undefined
    if (kpi.asOf !== undefined && !isIsoDate(kpi.asOf)) return undefined
    kpiOut = inOrder(kpi, KPI_KEYS, o === 'ordered')
  }
  if (milestone !== undefined && !text(milestone)) return undefined
  let bonusOut: Raw | undefined
  if (bonus !== undefined) {
    const o = isRecord(bonus) && order(bonus, BONUS_KEYS)
    if (!o || !text(bonus.reason) || !number(bonus.points)) return undefined
    bonusOut = inOrder(bonus, BONUS_KEYS, o === 'ordered')
  }
  // A missing attachments list is the default [], appended: in order only if nothing follows.
  const ordered =
    keys === 'ordered' &&
    (raw.attachments !== undefined ||
      (meeting === undefined &&
        kpi === undefined &&
        milestone === undefined &&
        bonus === undefined))
  if (ordered) return finish(raw, attachments, meetingOut, kpiOut, bonusOut)
  // Out of order: one copy in the schema's order, made from the entry as written.
  const rebuilt: Raw = {}
  // Indexed: a small project's run reads its entries before V8 optimises this, and each
  // step of a `for…of` would be an object made and dropped.
  for (let i = 0; i < ENTRY_KEYS.length; i++) {
    const key = ENTRY_KEYS[i] as string
    const value = key === 'attachments' ? attachments : raw[key]
    if (value !== undefined) rebuilt[key] = value
  }
  return finish(rebuilt, attachments, meetingOut, kpiOut, bonusOut)
}

function finish(
  entry: Raw,
  attachments: unknown[],
  meeting: Raw | undefined,
  kpi: Raw | undefined,
  bonus: Raw | undefined,
): LedgerEntry {
  entry.attachments = attachments
  if (meeting) entry.meeting = meeting
  if (kpi) entry.kpi = kpi
  if (bonus) entry.bonus = bonus
  return entry as LedgerEntry
}

function fastAttachments(value: unknown): Raw[] | undefined {
  if (value === undefined) return []
  if (!Array.isArray(value)) return undefined
  let out: Raw[] | undefined
  for (let i = 0; i < value.length; i++) {
    const a: unknown = value[i]
    const o = isRecord(a) && order(a, ATTACHMENT_KEYS)
    if (!o || !text(a.path)) return undefined
    const { sha256, bytes } = a
    if (sha256 !== undefined && !isSha256(sha256)) return undefined
    if (bytes !== undefined && !(Number.isSafeInteger(bytes) && (bytes as number) >= 0))
      return undefined
    // The list itself is kept unless an item needs reordering.
    if (o === 'unordered') out ??= value.slice(0, i)
    if (out) out.push(inOrder(a, ATTACHMENT_KEYS, o === 'ordered'))
  }
  return out ?? (value as Raw[])
}

/** Characters XML forbids (so Office reports cannot carry them) and bidi overrides. */
export const INVALID_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\u202a-\u202e\u2066-\u2069]/

const invalidIn = (value: unknown) => typeof value === 'string' && INVALID_CHARACTER.test(value)

/**
 * Whether an entry `fastEntry` accepted holds such a character: only its free text is
 * looked at, since an id, a kind, a date and a hash that it accepted cannot (fewer tests than
 * every string; fast-entry.test.ts checks it against the walk of every string).
 */
export function hasInvalidText(entry: LedgerEntry): boolean {
  const { meeting, kpi, bonus } = entry
  if (invalidIn(entry.item) || invalidIn(entry.unit) || invalidIn(entry.title)) return true
  if (invalidIn(entry.issuer) || invalidIn(entry.documentNumber) || invalidIn(entry.note))
    return true
  if (invalidIn(entry.milestone)) return true
  const { attachments } = entry
  for (let i = 0; i < attachments.length; i++)
    if (invalidIn((attachments[i] as { path: string }).path)) return true
  if (meeting && (invalidIn(meeting.body) || invalidIn(meeting.session))) return true
  return invalidIn(kpi?.id) || invalidIn(bonus?.reason)
}
