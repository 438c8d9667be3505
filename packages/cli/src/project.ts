import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  type CheckLedgerResult,
  checkLedger,
  type LedgerConfig,
  type LedgerEntry,
  parseConfig,
  rules,
} from '@reformkit/ledger'
import { type LoadLedgerResult, loadLedger } from '@reformkit/ledger/node'
import {
  compareDiagnostics,
  type Diagnostic,
  decodeSource,
  hasErrors,
  type Locale,
  type Plan,
  parsePlan,
} from '@reformkit/model'
import { parseReportConfig, type ReportConfigInput } from '@reformkit/report'
import { InputError } from './errors.js'
import { exists, progress } from './io.js'

export const PLAN_FILE = 'plan.yaml'
export const CONFIG_FILE = 'reformkit.config.yaml'
export const LEDGER_DIR = 'ledger'

export interface Project {
  dir: string
  plan?: Plan
  entries: LedgerEntry[]
  config?: LedgerConfig
  reportConfig?: ReportConfigInput
  loaded?: LoadLedgerResult
  checked?: CheckLedgerResult
  /** Every finding: plan, config, ledger files, rules — sorted. */
  diagnostics: Diagnostic[]
  /** Files the command read (never to be written over). */
  inputs: string[]
}

export interface LoadProjectOptions {
  locale: Locale
  asOf: string
  /** Extra rule settings from --rule, applied over the config file. */
  ruleOverrides?: Record<string, 'error' | 'warning' | 'info' | 'off'>
}

/**
 * Read a project folder — plan.yaml, reformkit.config.yaml (optional), ledger/ and the
 * attachments — and check it. Missing folders or plan files are an InputError (exit 3);
 * everything wrong inside the files is a diagnostic.
 */
export async function loadProject(dirArg: string, options: LoadProjectOptions): Promise<Project> {
  const { locale } = options
  const en = locale === 'en'
  const dir = resolve(dirArg)
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory())
    throw new InputError(en ? `No project folder at ${dirArg}` : `找不到项目文件夹 ${dirArg}`)
  const planPath = join(dir, PLAN_FILE)
  if (!(await exists(planPath)))
    throw new InputError(
      en
        ? `${dirArg} has no ${PLAN_FILE}; create a project with "reformkit init"`
        : `${dirArg} 中没有 ${PLAN_FILE};可用 “reformkit init” 新建项目`,
    )
  const project: Project = { dir, entries: [], diagnostics: [], inputs: [planPath] }
  const read = async (path: string, filename: string) => {
    const decoded = decodeSource(new Uint8Array(await readFile(path)), { filename, locale })
    project.diagnostics.push(...decoded.diagnostics)
    return decoded.text
  }

  const planText = await read(planPath, PLAN_FILE)
  if (planText === undefined) return finish(project)
  const planResult = parsePlan(planText, { filename: PLAN_FILE, locale })
  project.diagnostics.push(...planResult.diagnostics)
  if (!planResult.plan) return finish(project)
  project.plan = planResult.plan

  const configPath = join(dir, CONFIG_FILE)
  let config: LedgerConfig = {}
  if (await exists(configPath)) {
    project.inputs.push(configPath)
    const text = await read(configPath, CONFIG_FILE)
    if (text !== undefined) {
      const parsed = parseConfig(text, rules, { filename: CONFIG_FILE, locale })
      project.diagnostics.push(...parsed.diagnostics)
      config = parsed.config ?? {}
      if (parsed.config) {
        // The same file: its `report:` and `rubric:` sections (reading problems are reported once, above).
        const report = parseReportConfig(text, { filename: CONFIG_FILE, locale })
        project.diagnostics.push(
          ...report.diagnostics.filter((d) => !d.ruleId.startsWith('source/')),
        )
        project.reportConfig = report.config
      }
    }
  }
  if (options.ruleOverrides)
    config = { ...config, rules: { ...config.rules, ...options.ruleOverrides } }
  project.config = config

  const bar = progress(en ? 'Reading attachments' : '读取附件')
  const loaded = await loadLedger(LEDGER_DIR, {
    root: dir,
    plan: project.plan,
    locale,
    onProgress: (p) => {
      if (p.phase === 'hash') bar.update(p.done, p.total)
    },
  })
  bar.end()
  project.loaded = loaded
  project.entries = loaded.entries
  project.inputs.push(...loaded.files.map((file) => join(dir, file)))
  project.inputs.push(
    ...[...loaded.attachments.values()].filter((a) => !a.outsideRoot).map((a) => join(dir, a.path)),
  )
  project.diagnostics.push(...loaded.diagnostics)
  project.checked = checkLedger({
    plan: project.plan,
    entries: loaded.entries,
    asOf: options.asOf,
    config,
    locale,
    attachments: loaded.attachments,
    ...(planResult.locate ? { locatePlan: planResult.locate } : {}),
  })
  project.diagnostics.push(...project.checked.diagnostics)
  return finish(project)
}

function finish(project: Project): Project {
  project.diagnostics.sort(compareDiagnostics)
  return project
}

export { hasErrors }
