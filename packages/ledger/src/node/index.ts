// @reformkit/ledger/node — reading ledgers and attachments from the file system (Node only).
export {}
