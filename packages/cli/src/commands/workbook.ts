// Excel in and out for the units: `reformkit template` and `reformkit import`.
import { readFile, stat } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import { formatDiagnostics, type LedgerEntry, ledgerFileData } from '@reformkit/ledger'
import { type Diagnostic, findUnit, type Locale, type Plan } from '@reformkit/model'
import { PLAN_FILE } from '@reformkit/project'
import {
  compareEntries,
  createTemplate,
  importWorkbook,
  type LedgerChanges,
  TEMPLATE_MAX_ENTRIES,
} from '@reformkit/workbook'
import { stringify } from 'yaml'
import { UsageError } from '../errors.js'
import { today, useColor } from '../io.js'
import { say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { openProject } from '../project.js'
import { err } from '../stdio.js'
import { writeOutput } from '../write-output.js'

export interface TemplateOptions extends CommonOptions {
  unit?: string
  out: string
  force?: boolean
  /** Leave the unit's entries out: an empty template. */
  empty?: boolean
}

/** The project's plan, or its reading findings on stderr (exit 1) when it has none. */
function planOf(project: { plan?: Plan; diagnostics: Diagnostic[] }, locale: Locale) {
  if (!project.plan) {
    err(formatDiagnostics(project.diagnostics, { locale }))
    process.exitCode = 1
  }
  return project.plan
}

/** A unit by id or name, or a usage error that lists the plan's units. */
function unitOf(plan: Plan, written: string, locale: Locale): string {
  const unit = findUnit(plan, written)
  if (unit) return unit.id
  const units = plan.units.map((u) => `${u.id} ${u.name}`).join(', ')
  throw new UsageError(say(locale, 'unknownUnit', { unit: written, units }))
}

/**
 * The ledger template of a unit (or of all units), with the unit's entries listed for
 * editing unless --empty: written atomically to --out, never over an existing file
 * without --force.
 */
export async function template(dir: string, options: TemplateOptions): Promise<void> {
  const locale = localeOf(options)
  const project = await openProject(dir, {
    locale,
    asOf: today(),
    planOnly: options.empty === true,
  })
  const plan = planOf(project, locale)
  if (!plan) return
  const unit = options.unit === undefined ? undefined : unitOf(plan, options.unit, locale)
  const listed = options.empty
    ? 0
    : project.entries.filter((e) => unit === undefined || e.unit === unit).length
  if (listed > TEMPLATE_MAX_ENTRIES)
    throw new UsageError(
      say(locale, 'templateTooLarge', { count: listed, limit: TEMPLATE_MAX_ENTRIES }),
    )
  const bytes = await createTemplate({
    plan,
    config: project.ledgerConfig,
    ...(unit === undefined ? {} : { unit }),
    ...(options.empty ? {} : { entries: project.entries }),
  })
  await writeOutput(options.out, bytes, {
    force: options.force ?? false,
    inputs: project.inputs,
    locale,
  })
  err(`${say(locale, 'wrote', { path: options.out })}\n`)
}

export interface ImportOptions extends CommonOptions {
  into: string
  unit?: string
  force?: boolean
  dryRun?: boolean
}

/** Where imported entries go: the project folder and its ledger folder, from --into. */
async function projectOf(into: string, locale: Locale): Promise<{ dir: string; ledger: string }> {
  const given = resolve(into)
  for (const [dir, ledger] of [
    [given, join(given, 'ledger')],
    [resolve(given, '..'), given],
  ] as const)
    if (await stat(join(dir, PLAN_FILE)).catch(() => undefined)) return { dir, ledger }
  throw new UsageError(say(locale, 'noProjectFor', { path: into, plan: PLAN_FILE }))
}

/**
 * Filled workbooks (or CSV files) into the project's ledger: one YAML file per unit,
 * `ledger/<unit>.yaml`. Nothing is written when a workbook has errors (its rejected rows
 * would be lost); what changes against each existing file is shown, and an existing file
 * is replaced only with --force (atomically).
 */
export async function importFiles(files: string[], options: ImportOptions): Promise<void> {
  const locale = localeOf(options)
  const { dir, ledger } = await projectOf(options.into, locale)
  const project = await openProject(dir, { locale, asOf: today() })
  const plan = planOf(project, locale)
  if (!plan) return
  const unit = options.unit === undefined ? undefined : unitOf(plan, options.unit, locale)
  const found: Diagnostic[] = []
  const imported: LedgerEntry[] = []
  for (const file of files) {
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile())
      throw new UsageError(say(locale, info ? 'inputNotAFile' : 'noInput', { path: file }))
    const read = importWorkbook(new Uint8Array(await readFile(file)), {
      plan,
      filename: file,
      locale,
      ...(unit === undefined ? {} : { unit }),
    })
    found.push(...read.diagnostics)
    imported.push(...read.entries)
    if (read.rejected > 0 || !read.ok) process.exitCode = 1
  }
  if (found.length > 0) err(formatDiagnostics(found, { locale, color: useColor(2) }))
  if (process.exitCode === 1) {
    err(`${say(locale, 'importRefused')}\n`)
    return
  }
  // One file per unit; what each replaces is what that file holds now.
  const byUnit = new Map<string, LedgerEntry[]>()
  for (const entry of imported) byUnit.set(entry.unit, [...(byUnit.get(entry.unit) ?? []), entry])
  const refused: string[] = []
  for (const [unitId, entries] of byUnit) {
    const target = join(ledger, `${unitId}.yaml`)
    const near = relative(process.cwd(), target)
    const shown = near === '' || near.startsWith('..') ? target : near
    const exists = await stat(target).catch(() => undefined)
    const before = project.entries.filter(
      (e) => e.source?.file !== undefined && resolve(dir, e.source.file) === target,
    )
    const changes = compareEntries(before, entries)
    err(`${summary(shown, changes, exists !== undefined, locale)}\n`)
    const changed = changes.added.length + changes.changed.length + changes.removed.length > 0
    if (options.dryRun || (exists && !changed)) continue
    if (exists && !options.force) {
      refused.push(shown)
      continue
    }
    await writeOutput(target, ledgerYaml(unitId, entries, files, plan), {
      force: exists !== undefined,
      inputs: files,
      locale,
    })
    err(`${say(locale, 'wrote', { path: shown })}\n`)
  }
  if (refused.length > 0)
    throw new UsageError(say(locale, 'importExists', { files: refused.join(', ') }))
}

/** One line per file: what the import adds, changes and removes, and which entries. */
function summary(file: string, c: LedgerChanges, exists: boolean, locale: Locale): string {
  const ids = (list: ReadonlyArray<{ id: string }>) =>
    list.length === 0
      ? ''
      : ` (${list
          .slice(0, 5)
          .map((e) => e.id)
          .join(', ')}${list.length > 5 ? ', …' : ''})`
  return say(locale, exists ? 'importChanges' : 'importNew', {
    file,
    added: `${c.added.length}${ids(c.added)}`,
    changed: `${c.changed.length}${ids(c.changed.map((x) => x.after))}`,
    removed: `${c.removed.length}${ids(c.removed)}`,
    unchanged: c.unchanged,
  })
}

/** A unit's ledger file as YAML, with where it was imported from. */
function ledgerYaml(unit: string, entries: LedgerEntry[], from: string[], plan: Plan): string {
  const name = plan.units.find((u) => u.id === unit)?.name ?? unit
  const data = ledgerFileData(entries, { title: `${name}台账` })
  return `# ${name} — imported from ${from.map((f) => basename(f)).join(', ')} by reformkit import\n${stringify(data, { lineWidth: 0 })}`
}
