// @reformkit/ledger/node — reading ledgers and attachments from the file system (Node only).
export {
  type AttachmentProgress,
  type GatherAttachmentsOptions,
  gatherAttachments,
  sha256File,
} from './attachments.js'
export {
  type LoadLedgerOptions,
  type LoadLedgerProgress,
  type LoadLedgerResult,
  loadLedger,
} from './load-ledger.js'
export { hashFiles } from './look.js'
export { readWhole, type WholeFile } from './read-whole.js'
