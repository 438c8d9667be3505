import {
  type AttachmentFact,
  type CheckLedgerResult,
  checkLedger,
  type LedgerConfig,
  type LedgerEntry,
  type Profile,
  parseConfig,
  parseLedger,
  parseProfile,
  pathEscape,
  type Requirements,
  resolveRequirements,
  rules,
} from '@reformkit/ledger'
import {
  compareDiagnostics,
  type Diagnostic,
  decodeSource,
  type Locale,
  type Plan,
  parsePlan,
  type SourceLocation,
} from '@reformkit/model'
import { parseReportConfig, type ReportConfigInput } from '@reformkit/report'
import { classify, type ProjectFile } from './files.js'

/** A project as read: what each file holds, and what reading found. Not yet checked. */
export interface Project {
  plan?: Plan
  /** Locates a path in the plan file, for findings about items. */
  locatePlan?: (path: readonly PropertyKey[]) => SourceLocation
  entries: LedgerEntry[]
  /** The ledger files read, relative to the project folder, in the order read. */
  ledgerFiles: string[]
  ledgerConfig: LedgerConfig
  /** The config's `report:` and `rubric:` sections. */
  reportConfig?: ReportConfigInput
  /** The project's own profile (reformkit.profile.yaml), when it has one. */
  profile?: Profile
  /** Where the rubric in `reportConfig` comes from: the config, the profile, or defaults. */
  rubricFrom?: 'config' | 'profile'
  /** Facts per attachment path; absent when no attachment was looked at. */
  attachments?: ReadonlyMap<string, AttachmentFact>
  /** Findings of reading: encodings, YAML, schemas, the config. */
  diagnostics: Diagnostic[]
  /** Ledger entries set aside for their errors: checked by no rule, counted in no report. */
  rejected: number
}

export interface CheckProjectOptions {
  /** The day of the check, YYYY-MM-DD. */
  asOf: string
  locale?: Locale
  /** Rule severities set over the config (e.g. from the command line). */
  ruleOverrides?: Record<string, 'error' | 'warning' | 'info' | 'off'>
}

export interface CheckedProject {
  /** Every finding, reading and checking, in a stable order. */
  diagnostics: Diagnostic[]
  /** The ledger config the check used (overrides applied). */
  ledgerConfig: LedgerConfig
  /** What each item must show, resolved once for the check and the reports. */
  requirements?: Requirements
  checked?: CheckLedgerResult
}

/** The text of a file, with what decoding found added to `into`. */
export function decodeInto(
  bytes: Uint8Array,
  filename: string,
  locale: Locale,
  into: Diagnostic[],
): string | undefined {
  const decoded = decodeSource(bytes, { filename, locale })
  for (const d of decoded.diagnostics) into.push(d)
  return decoded.text
}

/** Read plan.yaml's text into the project. */
export function readPlanInto(project: Project, text: string, filename: string, locale: Locale) {
  const parsed = parsePlan(text, { filename, locale })
  for (const d of parsed.diagnostics) project.diagnostics.push(d)
  if (parsed.plan) project.plan = parsed.plan
  if (parsed.locate) project.locatePlan = parsed.locate
}

/**
 * Read reformkit.config.yaml into the project: its rules and requirements (the ledger's
 * part) and its `report:` and `rubric:` sections, each problem reported once.
 */
export function readConfigInto(project: Project, text: string, filename: string, locale: Locale) {
  const parsed = parseConfig(text, rules, { filename, locale })
  for (const d of parsed.diagnostics) project.diagnostics.push(d)
  if (!parsed.config) return
  project.ledgerConfig = parsed.config
  // The same text: reading problems (source/…) were reported above.
  const report = parseReportConfig(text, { filename, locale })
  for (const d of report.diagnostics)
    if (!d.ruleId.startsWith('source/')) project.diagnostics.push(d)
  if (report.config) project.reportConfig = report.config
  if (report.given.rubric) project.rubricFrom = 'config'
}

/**
 * Read reformkit.profile.yaml into the project: the base of its requirements, and its
 * `rubric:` when the config has none. Read after the config.
 */
export function readProfileInto(project: Project, text: string, filename: string, locale: Locale) {
  const parsed = parseProfile(text, { filename, locale })
  for (const d of parsed.diagnostics) project.diagnostics.push(d)
  if (!parsed.ok || !parsed.profile) return
  project.profile = parsed.profile
  // A profile's rubric scores the project unless the config writes its own.
  const report = parseReportConfig(text, { filename, locale })
  for (const d of report.diagnostics)
    if (!d.ruleId.startsWith('source/')) project.diagnostics.push(d)
  if (report.given.rubric && project.rubricFrom !== 'config') {
    project.reportConfig = { ...project.reportConfig, rubric: report.config.rubric }
    project.rubricFrom = 'profile'
  }
}

export const emptyProject = (): Project => ({
  entries: [],
  ledgerFiles: [],
  ledgerConfig: {},
  diagnostics: [],
  rejected: 0,
})

export interface LoadFilesOptions {
  locale?: Locale
  /** Ledger files larger than this are refused with a finding (default 64 MiB). */
  maxLedgerBytes?: number
}

/**
 * Read a project from files opened in a browser (or any bytes): plan, config, ledger
 * files, and the attachments among them (hashed with Web Crypto). Never throws on data;
 * nothing leaves the page.
 */
export async function loadProject(
  files: readonly ProjectFile[],
  options: LoadFilesOptions = {},
): Promise<Project> {
  const locale = options.locale ?? 'zh-CN'
  const project = emptyProject()
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const text = (file: ProjectFile) => decodeInto(file.bytes, file.path, locale, project.diagnostics)
  const planFile = sorted.find((f) => classify(f) === 'plan')
  const planText = planFile && text(planFile)
  if (planFile && planText !== undefined) readPlanInto(project, planText, planFile.path, locale)
  const configFile = sorted.find((f) => classify(f) === 'config')
  const configText = configFile && text(configFile)
  if (configFile && configText !== undefined)
    readConfigInto(project, configText, configFile.path, locale)
  const profileFile = sorted.find((f) => classify(f) === 'profile')
  const profileText = profileFile && text(profileFile)
  if (profileFile && profileText !== undefined)
    readProfileInto(project, profileText, profileFile.path, locale)
  for (const file of sorted.filter((f) => classify(f) === 'ledger')) {
    project.ledgerFiles.push(file.path)
    const source = text(file)
    if (source === undefined) continue
    const parsed = parseLedger(source, {
      filename: file.path,
      locale,
      maxBytes: options.maxLedgerBytes ?? MAX_LEDGER_BYTES,
      ...(project.plan ? { plan: project.plan } : {}),
    })
    // One by one: a spread of 130,000 findings would overflow the stack.
    for (const d of parsed.diagnostics) project.diagnostics.push(d)
    for (const entry of parsed.entries) project.entries.push(entry)
    project.rejected += parsed.rejected
  }
  if (sorted.some((f) => classify(f) === 'attachment'))
    project.attachments = await attachmentFacts(project.entries, files)
  return project
}

/** Ledger files may be large in a browser (a whole province); beyond this they are refused. */
export const MAX_LEDGER_BYTES = 64 * 1024 * 1024

/**
 * Check a project's ledger for one day: the rules of its config (with any overrides), its
 * requirements, its attachment facts. Pure: cheap to run again for another day.
 */
export function checkProject(project: Project, options: CheckProjectOptions): CheckedProject {
  const ledgerConfig: LedgerConfig = options.ruleOverrides
    ? {
        ...project.ledgerConfig,
        rules: { ...project.ledgerConfig.rules, ...options.ruleOverrides },
      }
    : project.ledgerConfig
  const { plan } = project
  if (!plan) return { diagnostics: [...project.diagnostics].sort(compareDiagnostics), ledgerConfig }
  const requirements = resolveRequirements(plan, ledgerConfig, project.profile)
  const checked = checkLedger({
    plan,
    entries: project.entries,
    asOf: options.asOf,
    config: ledgerConfig,
    requirements,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(project.attachments ? { attachments: project.attachments } : {}),
    ...(project.locatePlan ? { locatePlan: project.locatePlan } : {}),
  })
  const diagnostics = [...project.diagnostics, ...checked.diagnostics].sort(compareDiagnostics)
  return { diagnostics, ledgerConfig, requirements, checked }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Attachment facts from the opened files; paths that leave the folder are judged, not read. */
async function attachmentFacts(
  entries: readonly LedgerEntry[],
  files: readonly ProjectFile[],
): Promise<Map<string, AttachmentFact>> {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]))
  const facts = new Map<string, AttachmentFact>()
  for (const entry of entries)
    for (const { path } of entry.attachments) {
      if (facts.has(path)) continue
      const outsideRoot = pathEscape(path)
      if (outsideRoot) {
        facts.set(path, { path, outsideRoot, exists: false })
        continue
      }
      const bytes = byPath.get(path.replace(/\\/g, '/').replace(/^\.\//, ''))
      facts.set(
        path,
        bytes
          ? { path, exists: true, bytes: bytes.byteLength, sha256: await sha256(bytes) }
          : { path, exists: false },
      )
    }
  return facts
}
