// @reformkit/project/node — a project read from its folder (Node only).
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  type LoadLedgerProgress,
  loadLedger,
  readWhole,
  type WholeFile,
} from '@reformkit/ledger/node'
import {
  DEFAULT_MAX_BYTES,
  diagnosticFactory,
  formatBytes,
  formatMessage,
  type Locale,
  type MessageData,
  modelMessages,
} from '@reformkit/model'
import { ProjectError } from '../errors.js'
import { CONFIG_FILE, LEDGER_DIR, PLAN_FILE, PROFILE_FILE } from '../files.js'
import {
  decodeInto,
  emptyProject,
  MAX_LEDGER_BYTES,
  type Project,
  readConfigInto,
  readPlanInto,
  readProfileInto,
} from '../project.js'
import { inside } from './inside.js'

const messages = {
  noFolder: { zh: '找不到项目文件夹 {{dir}}', en: 'No project folder at {{dir}}' },
  noPlan: {
    zh: '{{dir}} 中没有 {{plan}};可用 “reformkit init” 新建项目',
    en: '{{dir}} has no {{plan}}; create a project with "reformkit init"',
  },
}
const say = (locale: Locale, id: keyof typeof messages, data: MessageData) =>
  formatMessage(messages, id, data, locale)

export interface LoadFolderOptions {
  locale?: Locale
  onProgress?: (progress: LoadLedgerProgress) => void
  /** Read the plan, config and profile only: no ledger, no attachments. */
  planOnly?: boolean
  /**
   * A cache file of attachment hashes (`reformkit/attachment-cache@2`): unchanged files are
   * not hashed again. Default none (nothing is written into the project).
   */
  attachmentCache?: string
  /**
   * Which attachments to hash: `all` (default), or only those an entry gives a `sha256` for
   * — all that checking the ledger needs (`reformkit validate`, `report` and `bundle` ask
   * for these alone).
   */
  attachmentHashes?: 'all' | 'declared'
}

/** A project read from its folder, with the files it came from. */
export interface FolderProject extends Project {
  /** The project folder, absolute. */
  dir: string
  /** Every file read (plan, config, ledger files, attachments), absolute: never to be written over. */
  inputs: string[]
}

/**
 * Read a project folder: plan.yaml, reformkit.config.yaml and reformkit.profile.yaml
 * (optional), the ledger files in
 * ledger/ and every attachment they name (exists, size, SHA-256, never outside the
 * folder). A missing folder or plan.yaml is a ProjectError; everything wrong inside the
 * files is a finding. Check it with `checkProject`.
 */
export async function loadProject(
  dirArg: string,
  options: LoadFolderOptions = {},
): Promise<FolderProject> {
  const locale = options.locale ?? 'zh-CN'
  const dir = resolve(dirArg)
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory())
    throw new ProjectError(say(locale, 'noFolder', { dir: dirArg }), 'no-folder')
  const planPath = join(dir, PLAN_FILE)
  if (!(await stat(planPath).catch(() => undefined)))
    throw new ProjectError(say(locale, 'noPlan', { dir: dirArg, plan: PLAN_FILE }), 'no-plan')
  const project: FolderProject = { ...emptyProject(), dir, inputs: [planPath] }
  // Size and kind are checked before a byte is read: a 3 GiB plan, /dev/zero or a FIFO is
  // a finding, never an exhausted or a hanging process. A config or profile that is not
  // there is not read (undefined).
  const report = diagnosticFactory(modelMessages, locale)
  const read = (path: string, filename: string, optional = false) => {
    let whole: WholeFile
    try {
      whole = readWhole(path, DEFAULT_MAX_BYTES)
    } catch (error) {
      if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw error
    }
    if (optional) project.inputs.push(path)
    if (whole.kind === 'not-file') {
      project.diagnostics.push(
        report({ ruleId: 'source/not-a-file', location: { file: filename } }),
      )
      return undefined
    }
    if (whole.kind === 'too-large') {
      const data = { size: formatBytes(whole.size), limit: formatBytes(DEFAULT_MAX_BYTES) }
      project.diagnostics.push(
        report({ ruleId: 'source/too-large', data, location: { file: filename } }),
      )
      return undefined
    }
    return decodeInto(whole.bytes, filename, locale, project.diagnostics)
  }

  const planText = read(planPath, PLAN_FILE)
  if (planText !== undefined) readPlanInto(project, planText, PLAN_FILE, locale)
  if (!project.plan) return project

  const configText = read(join(dir, CONFIG_FILE), CONFIG_FILE, true)
  if (configText !== undefined) readConfigInto(project, configText, CONFIG_FILE, locale)
  const profileText = read(join(dir, PROFILE_FILE), PROFILE_FILE, true)
  if (profileText !== undefined) readProfileInto(project, profileText, PROFILE_FILE, locale)

  if (options.planOnly) return project

  const loaded = await loadLedger(LEDGER_DIR, {
    root: dir,
    plan: project.plan,
    locale,
    // As large as the browser reads (a province's export in one file), not a plan's limit.
    maxBytes: MAX_LEDGER_BYTES,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.attachmentCache ? { attachmentCache: options.attachmentCache } : {}),
    ...(options.attachmentHashes ? { attachmentHashes: options.attachmentHashes } : {}),
  })
  project.entries = loaded.entries
  project.ledgerFiles = loaded.files
  project.attachments = loaded.attachments
  project.rejected = loaded.rejected
  // One by one: a spread of a province's findings would overflow the stack.
  for (const d of loaded.diagnostics) project.diagnostics.push(d)
  for (const file of loaded.files) project.inputs.push(join(dir, file))
  for (const fact of loaded.attachments.values())
    if (!fact.outsideRoot) project.inputs.push(inside(dir, fact.path))
  return project
}
