import {
  cellReference,
  compareDiagnostics,
  compareText,
  countSeverities,
  type Diagnostic,
  type DiagnosticSubject,
  diagnosticFactory,
  formatMessage,
  type Locale,
  type Plan,
  type SourceLocation,
} from '@reformkit/model'
import { ledgerMessages } from '../entry/messages.js'
import { fieldPlace } from '../entry/parse-ledger.js'
import type { LedgerEntry } from '../entry/schema.js'
import { rules as registry } from '../rules/index.js'
import { type LedgerConfig, resolveRuleSettings } from './config.js'
import { type EntryPart, guardEntries, PART_BITS } from './guard.js'
import { getOrCreate, indexLedger, type LedgerIndex } from './index-ledger.js'
import { type Requirements, resolveRequirements } from './requirements.js'
import type { AttachmentFact, CopyFacts, ReportInit, Rule, RuleVisitor } from './rule.js'

export interface CheckLedgerOptions {
  plan: Plan
  entries: readonly LedgerEntry[]
  /** The day the check is made for, YYYY-MM-DD. Required: libraries never read the clock. */
  asOf: string
  config?: LedgerConfig
  locale?: Locale
  /** Locates a path in the plan file (e.g. from parseSource) for findings about items. */
  locatePlan?: (path: readonly PropertyKey[]) => SourceLocation
  /** File-system facts per attachment path (from `@reformkit/ledger/node`). */
  attachments?: ReadonlyMap<string, AttachmentFact>
  /** The other copy of the ledger, compared (from `@reformkit/ledger/node`). */
  copies?: readonly CopyFacts[]
  /** The rules to choose from; defaults to every rule of this package. */
  rules?: readonly Rule[]
  /** What each item must show; defaults to `resolveRequirements(plan, config)`. */
  requirements?: Requirements
}

export interface CheckLedgerStats {
  entries: number
  rulesRun: number
  errors: number
  warnings: number
  infos: number
  /** Findings per rule id. */
  byRule: Record<string, number>
}

export interface CheckLedgerResult {
  diagnostics: Diagnostic[]
  stats: CheckLedgerStats
}

/**
 * Check a ledger against its plan, rule by rule. Pure and browser-safe; the same input
 * gives the same diagnostics in the same order. Bad data becomes diagnostics; nothing
 * here throws on it (a rule that fails is itself reported). Called without a plan (from
 * JavaScript, where nothing checks the types), it throws a TypeError that says so.
 */
export function checkLedger(options: CheckLedgerOptions): CheckLedgerResult {
  const plan = (options as Partial<CheckLedgerOptions> | undefined)?.plan
  if (!Array.isArray(plan?.items) || !Array.isArray(plan?.units))
    throw new TypeError(
      'checkLedger: options.plan must be a plan, as parsePlan returns it (with items and units)',
    )
  const locale = options.locale ?? 'zh-CN'
  const rules = options.rules ?? registry
  const { settings, diagnostics } = resolveRuleSettings(options.config, rules, { locale })
  const given: readonly unknown[] = Array.isArray(options.entries) ? options.entries : []
  const checked = guardEntries(
    given,
    plan.items.map((item) => item.id),
    plan.units.map((unit) => unit.id),
  )
  const { entries, rejected } = checked
  const engineFinding = diagnosticFactory(ledgerMessages, locale)
  for (const { index, field } of rejected) {
    const source = (given[index] as LedgerEntry | null)?.source
    diagnostics.push(
      engineFinding({
        ruleId: 'ledger/malformed-entry',
        data: { index: index + 1, field },
        location: placed(source, source?.line, undefined, source?.path ?? `/entries/${index}`),
      }),
    )
  }
  const index = indexLedger(plan, entries, checked)
  const requirements = options.requirements ?? resolveRequirements(plan, options.config)
  const inputIndex = (position: number) => checked.inputIndex?.[position] ?? position
  // A finding on an entry carries the entry's index among the given entries. Findings on
  // entries whose position the rule did not give are placed after the walk, in one pass
  // over the ledger, instead of a map of every entry up front.
  const unplaced = new Map<LedgerEntry, Unplaced[]>()
  const locatePlan = options.locatePlan ?? ((path) => ({ path: `/${path.join('/')}` }))

  /** Where an entry is: its source, or its position when it was built in code. */
  const locateEntry = (entry: LedgerEntry, at: number | undefined, field?: string) => {
    const source = entry.source
    const inside = field ? `/${field}` : ''
    // Built in code, at an unknown position: placed after the walk.
    if (!source) return { path: at === undefined ? '' : `/entries/${at}${inside}` }
    const place = field
      ? (fieldPlace(source, field) ?? fieldPlace(source, field.split('/')[0] ?? field))
      : undefined
    return placed(
      source,
      place?.line ?? source.line,
      place?.column ?? source.column,
      `${source.path}${inside}`,
    )
  }

  // The entry a visitor is looking at: what it reports on it needs no position given.
  const cursor: Cursor = { entry: undefined, position: -1 }
  let rulesRun = 0
  const visitors: Visiting[] = []
  for (const rule of rules) {
    const setting = settings.get(rule.id)
    if (!setting) continue
    if (rule.meta.needs === 'attachments' && !options.attachments) continue
    if (rule.meta.needs === 'copies' && !options.copies) continue
    rulesRun++
    const report = (init: ReportInit) => {
      const data = init.data ?? {}
      const { entry } = init
      const position = entry
        ? (init.position ?? (entry === cursor.entry ? cursor.position : undefined))
        : undefined
      const subject = subjectOf(
        init,
        plan,
        position === undefined ? undefined : inputIndex(position),
      )
      let location = init.location
      if (entry) {
        location ??= locateEntry(entry, subject.entry, init.field)
        if (position === undefined)
          getOrCreate(unplaced, entry, () => []).push({
            subject,
            location: entry.source || init.location ? undefined : location,
            ...(init.field ? { field: init.field } : {}),
          })
      }
      location ??= init.planPath
        ? locatePlan(init.planPath)
        : init.item
          ? locatePlan([
              'items',
              index.itemPosition.get(init.item.id) ?? 0,
              ...(init.field ? [init.field] : []),
            ])
          : {}
      const message = formatMessage(rule.meta.messages, init.messageId, data, locale)
      const { messageId } = init
      const { severity } = setting
      // Whole at once, as `placed` makes the location.
      const diagnostic: Diagnostic =
        subject.item !== undefined || subject.entryId !== undefined
          ? { ruleId: rule.id, severity, message, messageId, data, location, subject }
          : { ruleId: rule.id, severity, message, messageId, data, location }
      if (init.suggestions?.length) diagnostic.suggestions = init.suggestions
      diagnostics.push(diagnostic)
    }
    const crashed = (error: unknown) =>
      diagnostics.push(
        engineFinding({
          ruleId: rule.id,
          messageId: 'rule-crashed',
          data: { rule: rule.id, detail: String(error) },
          location: { path: '' },
        }),
      )
    try {
      const visitor = rule.check({
        plan,
        entries,
        index,
        requirements,
        asOf: options.asOf,
        options: setting.options,
        ...(options.attachments ? { attachments: options.attachments } : {}),
        ...(options.copies ? { copies: options.copies } : {}),
        report,
      })
      if (visitor) visitors.push({ visitor, crashed })
    } catch (error) {
      crashed(error)
    }
  }
  walk(entries, index, visitors, cursor)
  placeByPosition(entries, unplaced, inputIndex)
  diagnostics.sort((a, b) => compareDiagnostics(a, b) || compareText(a.message, b.message))
  const counts = countSeverities(diagnostics)
  const byRule: Record<string, number> = {}
  for (const d of diagnostics) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1
  return {
    diagnostics,
    stats: {
      entries: entries.length,
      rulesRun,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      byRule,
    },
  }
}

/** A finding waiting for its entry's position: its location (no source) or subject to fill. */
interface Unplaced {
  location: SourceLocation | undefined
  subject: DiagnosticSubject
  field?: string
}

function placeByPosition(
  entries: readonly LedgerEntry[],
  unplaced: Map<LedgerEntry, Unplaced[]>,
  inputIndex: (position: number) => number,
): void {
  for (let i = 0; i < entries.length && unplaced.size > 0; i++) {
    const waiting = unplaced.get(entries[i] as LedgerEntry)
    if (!waiting) continue
    const at = inputIndex(i)
    for (const { location, subject, field } of waiting) {
      if (location) location.path = `/entries/${at}${field ? `/${field}` : ''}`
      subject.entry = at
    }
    unplaced.delete(entries[i] as LedgerEntry)
  }
}

/** What a finding is about, from what the rule reported on (`index`: its entry's). */
function subjectOf(init: ReportInit, plan: Plan, index: number | undefined): DiagnosticSubject {
  const { entry } = init
  if (entry)
    return index === undefined
      ? { entryId: entry.id, item: entry.item, unit: entry.unit }
      : { entryId: entry.id, item: entry.item, unit: entry.unit, entry: index }
  if (init.item) return { item: init.item.id }
  const [head, at] = init.planPath ?? []
  const item = head === 'items' && typeof at === 'number' ? plan.items[at] : undefined
  return item ? { item: item.id } : {}
}

type Visit = (entry: LedgerEntry, position: number) => void

interface Cursor {
  entry: LedgerEntry | undefined
  position: number
}

interface Visiting {
  visitor: RuleVisitor
  crashed: (error: unknown) => void
}

/**
 * The walks for the rules' `entry` visitors, then each `end`: one walk over every entry,
 * and one over the entries having each part that visitors ask for (found in the index's
 * columns). A walk goes block by block: every visitor sees a block before the next block
 * is read, so the block stays in the processor's cache while each visitor runs its own
 * tight loop. A rule whose visitor throws is reported once and not called again; the other
 * rules go on.
 */
function walk(
  entries: readonly LedgerEntry[],
  index: LedgerIndex,
  visiting: Visiting[],
  cursor: Cursor,
): void {
  const walks = new Map<EntryPart | undefined, Visiting[]>()
  for (const v of visiting)
    if (v.visitor.entry) getOrCreate(walks, v.visitor.having, () => []).push(v)
  const dead = new Set<Visiting>()
  for (const [part, visitors] of walks) {
    if (part !== undefined && !Object.hasOwn(PART_BITS, part)) {
      // A rule written in plain JavaScript may ask for a part that does not exist.
      for (const v of visitors) {
        v.crashed(`having: "${String(part)}" is not one of ${Object.keys(PART_BITS).join(', ')}`)
        dead.add(v)
      }
      continue
    }
    const positions = part === undefined ? undefined : index.having(part)
    const n = positions ? positions.length : entries.length
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK)
      for (const v of visitors) {
        if (dead.has(v)) continue
        const visit = v.visitor.entry as Visit
        try {
          if (positions)
            for (let k = start; k < end; k++) {
              const i = positions[k] as number
              cursor.entry = entries[i]
              cursor.position = i
              visit(cursor.entry as LedgerEntry, i)
            }
          else
            for (let i = start; i < end; i++) {
              cursor.entry = entries[i]
              cursor.position = i
              visit(cursor.entry as LedgerEntry, i)
            }
        } catch (error) {
          v.crashed(error)
          dead.add(v)
        }
      }
    }
  }
  cursor.entry = undefined
  for (const v of visiting) {
    if (dead.has(v)) continue
    try {
      v.visitor.end?.()
    } catch (error) {
      v.crashed(error)
    }
  }
}

/** Entries per block of the walk: a few hundred kilobytes of objects. */
const BLOCK = 512

/**
 * Where `path` is in an entry's source: a line and column, or a cell when it is a worksheet
 * row. A file's entry with both (nearly every finding) gets its location made whole at once,
 * in the order every location has — added to field by field, it would grow a second store.
 */
function placed(
  source: LedgerEntry['source'],
  line: number | undefined,
  column: number | undefined,
  path: string,
): SourceLocation {
  const file = source?.file
  if (
    file !== undefined &&
    source?.sheet === undefined &&
    line !== undefined &&
    column !== undefined
  )
    return { path, file, line, column }
  const location: SourceLocation = { path }
  if (file !== undefined) location.file = file
  if (source?.sheet !== undefined) {
    location.sheet = source.sheet
    if (line !== undefined) location.cell = cellReference(line, column ?? 1)
  } else {
    if (line !== undefined) location.line = line
    if (column !== undefined) location.column = column
  }
  return location
}
