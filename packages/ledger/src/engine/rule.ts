import type {
  Item,
  LocalizedMessage,
  MessageData,
  Plan,
  Severity,
  SourceLocation,
  Suggestion,
} from '@reformkit/model'
import type * as z from 'zod'
import type { LedgerEntry } from '../entry/schema.js'
import type { EntryPart } from './guard.js'
import type { LedgerIndex } from './index-ledger.js'
import type { Requirements } from './requirements.js'

/** What the file system says about one attachment (gathered by `@reformkit/ledger/node`). */
export interface AttachmentFact {
  /** The path as written in the entry. */
  path: string
  /** Why the path may not be read: it leaves the ledger root (.., absolute, drive, symlink). */
  outsideRoot?: 'absolute' | 'parent' | 'drive' | 'symlink'
  exists: boolean
  sha256?: string
  bytes?: number
}

/** The other copy of the ledger (一式两份), for copies/identical. */
export interface CopyFacts {
  /** Label of the other copy, e.g. its folder. */
  label: string
  differences: Array<{
    kind: 'added' | 'removed' | 'changed'
    what: 'entry' | 'attachment'
    id: string
  }>
}

export type RuleSeverity = Severity | 'off'

export interface RuleDocs {
  /** One sentence: what the rule checks. */
  zh: string
  en: string
  /** The plan section (or regulation) that demands it, e.g. 保障措施(四). */
  rationale: string
}

export interface RuleMeta<Options extends z.ZodType = z.ZodType> {
  /** problem: the ledger fails the plan; suggestion: the ledger could be better. */
  type: 'problem' | 'suggestion'
  docs: RuleDocs
  messages: Record<string, LocalizedMessage>
  /**
   * Options schema; its defaults are the rule's defaults. May be a getter that builds it on
   * first use (as the built-in rules do): a run whose config gives the rule no options
   * never builds it when `defaultOptions` is given.
   */
  options?: Options
  /**
   * The options a rule runs with when the config gives none — what `options` outputs for
   * `{}`, written out (as ESLint's `meta.defaultOptions`). Without it, `{}` is parsed.
   */
  defaultOptions?: NoInfer<z.output<Options>>
  /** Severity in the `recommended` preset; `strict` turns every rule on. */
  recommended: RuleSeverity
  /** Rules that need facts from the file system (attachments, the other copy). */
  needs?: 'attachments' | 'copies'
}

export interface ReportInit {
  messageId: string
  data?: MessageData
  /** Point at this entry (and at `field` inside it, e.g. `date` or `attachments/2`). */
  entry?: LedgerEntry
  /**
   * The entry's position in `context.entries`, when the rule knows it (a visitor's
   * `position`, a loop over the columns): saves the engine looking for it.
   */
  position?: number
  field?: string
  /** Or at this item of the plan (and at `field` inside it). */
  item?: Item
  /** Or at any path of the plan, e.g. ['items', 3, 'milestones', 0, 'ownerPerson']. */
  planPath?: PropertyKey[]
  location?: SourceLocation
  suggestions?: Suggestion[]
}

/**
 * Everything a rule sees. Built-in rules use nothing else: what they do, a rule of your own
 * can do.
 */
export interface RuleContext<Options = unknown> {
  plan: Plan
  /** The entries rules can read (malformed ones are set aside); positions index `index.columns`. */
  entries: readonly LedgerEntry[]
  /** Queries over the ledger: by item and kind, by part, references resolved, columns. */
  index: LedgerIndex
  /** What each item must show (from the config's `requirements:`), as the reports see it. */
  requirements: Requirements
  /** The day the check is made for (YYYY-MM-DD); never the clock. */
  asOf: string
  options: Options
  attachments?: ReadonlyMap<string, AttachmentFact>
  copies?: readonly CopyFacts[]
  report(init: ReportInit): void
}

/**
 * What a rule may return from `check` to look at entries one by one, like ESLint's node
 * visitors: the engine walks the ledger once and hands each entry to every rule's `entry`,
 * then calls `end`. A dozen per-entry rules then cost one walk over a million entries,
 * not a dozen.
 */
export interface RuleVisitor {
  /**
   * Visit only the entries that have this part (e.g. `kpi`): the engine finds them in the
   * index's columns (`index.having(part)`) without opening the other entries.
   */
  having?: EntryPart
  /** `position` is the entry's place in the ledger, e.g. for `index.columns.day[position]`. */
  entry?(entry: LedgerEntry, position: number): void
  end?(): void
}

export interface Rule<Options extends z.ZodType = z.ZodType> {
  id: string
  meta: RuleMeta<Options>
  /** Check what needs the whole ledger at once; return a visitor for per-entry checks. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a rule returns a visitor or nothing
  check(context: RuleContext<z.output<Options>>): RuleVisitor | void
}

/** Define a rule in the ESLint shape: id, meta (docs, messages, options), check. */
export function defineRule<Options extends z.ZodType = z.ZodObject<Record<string, never>>>(
  rule: Rule<Options>,
): Rule<Options> {
  return rule
}
