// @reformkit/project — a project read and checked in one step. Browser-safe; reading a
// folder is in `@reformkit/project/node`.
export { ProjectError } from './errors.js'
export {
  CONFIG_FILE,
  classify,
  LEDGER_DIR,
  mergeOpened,
  PLAN_FILE,
  PROFILE_FILE,
  type ProjectFile,
  type ProjectFileKind,
  relativeToProject,
} from './files.js'
export {
  filesFromDrop,
  filesFromInput,
  filesFromList,
  MAX_OPEN_BYTES,
  TooMuchOpenedError,
} from './opened.js'
export {
  type CheckedProject,
  type CheckProjectOptions,
  checkProject,
  type LoadFilesOptions,
  loadProject,
  MAX_LEDGER_BYTES,
  type Project,
} from './project.js'
