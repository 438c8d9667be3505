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
  ZIP_MAX_BYTES,
} from './bundle.js'
export { removeOwnTempsSync, removeStaleTemps, tempPath } from './temp.js'
