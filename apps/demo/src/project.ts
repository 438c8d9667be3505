// A project in the browser: the files a user opened (or the bundled example), read with
// the public API of @reformkit/model, @reformkit/ledger and @reformkit/report. Nothing
// here leaves the page: files are read with the File API and hashed with Web Crypto.
import {
  type AttachmentFact,
  checkLedger,
  type LedgerConfig,
  type LedgerEntry,
  parseConfig,
  parseLedger,
  pathEscape,
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
import {
  computeViews,
  type PlanViews,
  parseReportConfig,
  type ReportConfigInput,
} from '@reformkit/report'

/** One opened file; `path` is relative to the project folder, with `/` separators. */
export interface ProjectFile {
  path: string
  bytes: Uint8Array
}

export const CONFIG_FILE = 'reformkit.config.yaml'
/** Ledger files may be large in the browser (a whole province); beyond this they are refused. */
export const MAX_LEDGER_BYTES = 64 * 1024 * 1024

/** A project read once per locale; checking it for a day is cheap and done on every change. */
export interface ReadProject {
  files: ProjectFile[]
  plan?: Plan
  locatePlan?: (path: readonly PropertyKey[]) => SourceLocation
  entries: LedgerEntry[]
  ledgerFiles: string[]
  ledgerConfig: LedgerConfig
  reportConfig?: ReportConfigInput
  /** Attachment facts, when attachment files were opened with the ledger. */
  attachments?: Map<string, AttachmentFact>
  /** Findings of reading: encodings, YAML, schema, the config. */
  diagnostics: Diagnostic[]
}

export interface CheckedProject {
  diagnostics: Diagnostic[]
  views?: PlanViews
}

const SCHEMA = /^\s*["']?schema["']?\s*:\s*["']?reformkit\/(plan|ledger)@/m
const TEXT_FILE = /\.(ya?ml|json)$/i

/** What a file is, from its name and its `schema:` line. */
export function classify(file: ProjectFile): 'plan' | 'ledger' | 'config' | 'attachment' {
  const name = file.path.split('/').at(-1) ?? ''
  if (name === CONFIG_FILE) return 'config'
  if (!TEXT_FILE.test(name)) return 'attachment'
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096))
  const tag = SCHEMA.exec(head)?.[1]
  if (tag === 'plan' || tag === 'ledger') return tag
  return name === 'plan.yaml' ? 'plan' : 'ledger'
}

/**
 * Files opened together, made relative to the project folder: the folder of plan.yaml, or
 * the parent of a `ledger/` folder, so attachment paths in the ledger resolve as on disk.
 */
export function relativeToProject(files: ProjectFile[]): ProjectFile[] {
  const plan = files.find((f) => classify(f) === 'plan')
  const ledger = files.find((f) => /(^|\/)ledger\/[^/]+$/.test(f.path))
  const root = plan
    ? plan.path.slice(0, plan.path.lastIndexOf('/') + 1)
    : ledger
      ? ledger.path.slice(0, ledger.path.lastIndexOf('ledger/'))
      : ''
  return files
    .filter((f) => f.path.startsWith(root))
    .map((f) => ({ path: f.path.slice(root.length), bytes: f.bytes }))
}

/**
 * Opening files over a project: a plan starts a new project; ledger files alone replace
 * the ledger (keeping plan and config); a config alone replaces the config.
 */
export function mergeOpened(current: ProjectFile[], opened: ProjectFile[]): ProjectFile[] {
  const kinds = new Set(opened.map(classify))
  if (kinds.has('plan')) return opened
  const keep = current.filter((f) => {
    const kind = classify(f)
    if (kind === 'plan') return true
    if (kind === 'config') return !kinds.has('config')
    return !kinds.has('ledger')
  })
  return [...keep, ...opened]
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** Attachment facts from the opened files; paths that leave the folder are judged, not read. */
async function attachmentFacts(
  entries: readonly LedgerEntry[],
  files: ProjectFile[],
): Promise<Map<string, AttachmentFact>> {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]))
  const facts = new Map<string, AttachmentFact>()
  for (const entry of entries)
    for (const { path } of entry.attachments) {
      if (facts.has(path)) continue
      const outsideRoot = pathEscape(path)
      const bytes = outsideRoot
        ? undefined
        : byPath.get(path.replace(/\\/g, '/').replace(/^\.\//, ''))
      facts.set(
        path,
        outsideRoot
          ? { path, outsideRoot, exists: false }
          : bytes
            ? { path, exists: true, bytes: bytes.byteLength, sha256: await sha256(bytes) }
            : { path, exists: false },
      )
    }
  return facts
}

/** Read every file of a project: plan, config, ledger files, attachments. Never throws on data. */
export async function readProject(files: ProjectFile[], locale: Locale): Promise<ReadProject> {
  const project: ReadProject = {
    files,
    entries: [],
    ledgerFiles: [],
    ledgerConfig: {},
    diagnostics: [],
  }
  const decode = (file: ProjectFile) => {
    const decoded = decodeSource(file.bytes, { filename: file.path, locale })
    project.diagnostics.push(...decoded.diagnostics)
    return decoded.text
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const planFile = sorted.find((f) => classify(f) === 'plan')
  const planText = planFile && decode(planFile)
  if (planFile && planText !== undefined) {
    const parsed = parsePlan(planText, { filename: planFile.path, locale })
    project.diagnostics.push(...parsed.diagnostics)
    if (parsed.plan) project.plan = parsed.plan
    if (parsed.locate) project.locatePlan = parsed.locate
  }
  const configFile = sorted.find((f) => classify(f) === 'config')
  const configText = configFile && decode(configFile)
  if (configFile && configText !== undefined) {
    const parsed = parseConfig(configText, rules, { filename: configFile.path, locale })
    project.diagnostics.push(...parsed.diagnostics)
    project.ledgerConfig = parsed.config ?? {}
    const report = parseReportConfig(configText, { filename: configFile.path, locale })
    project.diagnostics.push(...report.diagnostics.filter((d) => !d.ruleId.startsWith('source/')))
    project.reportConfig = report.config
  }
  for (const file of sorted.filter((f) => classify(f) === 'ledger')) {
    project.ledgerFiles.push(file.path)
    const text = decode(file)
    if (text === undefined) continue
    const parsed = parseLedger(text, {
      filename: file.path,
      locale,
      maxBytes: MAX_LEDGER_BYTES,
      ...(project.plan ? { plan: project.plan } : {}),
    })
    project.diagnostics.push(...parsed.diagnostics)
    for (const entry of parsed.entries) project.entries.push(entry)
  }
  if (sorted.some((f) => classify(f) === 'attachment'))
    project.attachments = await attachmentFacts(project.entries, files)
  return project
}

/** Check the ledger and compute the views for one day. Pure. */
export function checkProject(project: ReadProject, asOf: string, locale: Locale): CheckedProject {
  const { plan } = project
  if (!plan) return { diagnostics: [...project.diagnostics].sort(compareDiagnostics) }
  const checked = checkLedger({
    plan,
    entries: project.entries,
    asOf,
    config: project.ledgerConfig,
    locale,
    ...(project.attachments ? { attachments: project.attachments } : {}),
    ...(project.locatePlan ? { locatePlan: project.locatePlan } : {}),
  })
  const diagnostics = [...project.diagnostics, ...checked.diagnostics].sort(compareDiagnostics)
  const views = computeViews({
    plan,
    entries: project.entries,
    diagnostics,
    asOf,
    ledgerConfig: project.ledgerConfig,
    ...(project.reportConfig ? { config: project.reportConfig } : {}),
  })
  return { diagnostics, views }
}

/** The day a project opens on: today, or the end of the plan period if that is earlier. */
export function defaultAsOf(plan: Plan | undefined, today: string): string {
  return plan && plan.period.end < today ? plan.period.end : today
}
