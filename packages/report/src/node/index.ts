// @reformkit/report/node — the two copies of the ledger (一式两份) on disk. Node only.
export {
  BUNDLE_SCHEMA_TAG,
  BundleError,
  type CreateBundleOptions,
  createBundle,
  MANIFEST_NAME,
  type Manifest,
  type ManifestFile,
  verifyBundle,
} from './bundle.js'
export { VERIFY_LIMITS, type VerifyLimits } from './read-copy.js'
export { removeOwnTempsSync, removeStaleTemps, tempPath } from './temp.js'
