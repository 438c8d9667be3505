/** One file of a project; `path` is relative to the project folder, with `/` separators. */
export interface ProjectFile {
  path: string
  bytes: Uint8Array
}

export type ProjectFileKind = 'plan' | 'ledger' | 'config' | 'profile' | 'attachment'

export const PLAN_FILE = 'plan.yaml'
export const CONFIG_FILE = 'reformkit.config.yaml'
/** The project's own profile (`reformkit/profile@1`): what its plan demands of every item. */
export const PROFILE_FILE = 'reformkit.profile.yaml'
export const LEDGER_DIR = 'ledger'

const SCHEMA = /^\s*["']?schema["']?\s*:\s*["']?reformkit\/(plan|ledger)@/m
const TEXT_FILE = /\.(ya?ml|json)$/i

/** What a file is, from its name and its `schema:` line. */
export function classify(file: ProjectFile): ProjectFileKind {
  const name = file.path.split('/').at(-1) ?? ''
  if (name === CONFIG_FILE) return 'config'
  if (name === PROFILE_FILE) return 'profile'
  if (!TEXT_FILE.test(name)) return 'attachment'
  const head = new TextDecoder().decode(file.bytes.subarray(0, 4096))
  const tag = SCHEMA.exec(head)?.[1]
  if (tag === 'plan' || tag === 'ledger') return tag
  return name === PLAN_FILE ? 'plan' : 'ledger'
}

/**
 * Files opened together (a dropped folder), made relative to the project folder: the
 * folder of plan.yaml, or the parent of a `ledger/` folder, so that attachment paths in
 * the ledger resolve as they do on disk. Files outside that folder are left out.
 */
export function relativeToProject(files: readonly ProjectFile[]): ProjectFile[] {
  const plan = files.find((f) => classify(f) === 'plan')
  const ledger = files.find((f) => /(^|\/)ledger\/[^/]+$/.test(f.path))
  const root = plan
    ? plan.path.slice(0, plan.path.lastIndexOf('/') + 1)
    : ledger
      ? ledger.path.slice(0, ledger.path.lastIndexOf(`${LEDGER_DIR}/`))
      : ''
  return files
    .filter((f) => f.path.startsWith(root))
    .map((f) => ({ path: f.path.slice(root.length), bytes: f.bytes }))
}

/**
 * Files opened over a project: a plan starts a new project; ledger files alone replace
 * the ledger (keeping plan and config); a config alone replaces the config.
 */
export function mergeOpened(
  current: readonly ProjectFile[],
  opened: readonly ProjectFile[],
): ProjectFile[] {
  const kinds = new Set(opened.map(classify))
  if (kinds.has('plan')) return [...opened]
  const keep = current.filter((f) => {
    const kind = classify(f)
    if (kind === 'plan') return true
    if (kind === 'config' || kind === 'profile') return !kinds.has(kind)
    return !kinds.has('ledger')
  })
  return [...keep, ...opened]
}
