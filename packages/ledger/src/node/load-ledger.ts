import { readdir, stat } from 'node:fs/promises'
import { extname, join, relative, resolve } from 'node:path'
import {
  compareDiagnostics,
  DEFAULT_MAX_BYTES,
  type Diagnostic,
  decodeSource,
  diagnosticFactory,
  formatBytes,
  hasErrors,
  type Locale,
  modelMessages,
  type Plan,
} from '@reformkit/model'
import type { AttachmentFact } from '../engine/rule.js'
import { ledgerMessages } from '../entry/messages.js'
import { parseLedger } from '../entry/parse-ledger.js'
import type { LedgerEntry } from '../entry/schema.js'
import { AttachmentGatherer, type AttachmentProgress } from './attachments.js'
import { readWhole } from './read-whole.js'

/** Extensions read as ledger files when a folder is given. */
export const LEDGER_FILE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const

export interface LoadLedgerOptions {
  /** The ledger root: attachment paths are relative to it and nothing outside it is read. */
  root: string
  /** With the plan, unit names and item ordinals written for ids are read as the ids. */
  plan?: Plan
  locale?: Locale
  /** Larger ledger files are refused with a diagnostic. Default 16 MiB. */
  maxBytes?: number
  /** Look at the attachments (exists, size, SHA-256). Default true. */
  attachments?: boolean
  /** A cache file of attachment hashes (see `gatherAttachments`). Default none. */
  attachmentCache?: string
  /**
   * Which attachments to hash: `all` (default), or only those an entry gives a `sha256`
   * for — all a check needs (the others are looked at, not read: a province's 100,000
   * scans are not read to check its ledger).
   */
  attachmentHashes?: 'all' | 'declared'
  onProgress?: (progress: LoadLedgerProgress) => void
}

export type LoadLedgerProgress =
  | { phase: 'read'; done: number; total: number; file: string }
  | ({ phase: 'hash' } & AttachmentProgress)

export interface LoadLedgerResult {
  /** True when no diagnostic has error severity. */
  ok: boolean
  /** Entries of every file, in file order (files sorted by name). */
  entries: LedgerEntry[]
  diagnostics: Diagnostic[]
  /** The ledger files read, relative to the root, with `/` separators. */
  files: string[]
  /** Entries set aside for errors, over all files (ParseLedgerResult.rejected). */
  rejected: number
  /** What the file system says about each attachment path (empty when not asked). */
  attachments: Map<string, AttachmentFact>
}

/**
 * Read a ledger from files and folders (a folder: its .yaml, .yml and .json files, not
 * its subfolders, which hold the attachments), merge the entries and look at every
 * attachment. Files may be UTF-8, UTF-16 with BOM or GB18030. Never throws for bad input:
 * unreadable paths, wrong encodings and invalid entries are diagnostics, located by file
 * (relative to the root) and line.
 */
export async function loadLedger(
  paths: string | readonly string[],
  options: LoadLedgerOptions,
): Promise<LoadLedgerResult> {
  const locale = options.locale ?? 'zh-CN'
  const report = diagnosticFactory({ ...modelMessages, ...ledgerMessages }, locale)
  const root = resolve(options.root)
  const display = (file: string) => relative(root, file).split(/[\\/]/).join('/') || '.'
  const diagnostics: Diagnostic[] = []
  let rejected = 0
  const files: string[] = []

  for (const path of typeof paths === 'string' ? [paths] : paths) {
    const absolute = resolve(root, path)
    try {
      const info = await stat(absolute)
      if (!info.isDirectory()) {
        files.push(absolute)
        continue
      }
      const names = (await readdir(absolute, { withFileTypes: true }))
        .filter((d) => d.isFile() && LEDGER_FILE_EXTENSIONS.some((ext) => ext === extname(d.name)))
        .map((d) => d.name)
        .sort()
      if (names.length === 0)
        diagnostics.push(
          report({ ruleId: 'ledger/no-files', location: { file: display(absolute) } }),
        )
      for (const name of names) files.push(join(absolute, name))
    } catch (error) {
      diagnostics.push(unreadable(display(absolute), error))
    }
  }

  // Attachments are looked at (on threads) while the next ledger file is read.
  const gatherer =
    options.attachments === false
      ? undefined
      : new AttachmentGatherer({
          root,
          ...(options.attachmentHashes === 'declared' ? { hash: 'declared' as const } : {}),
          ...(options.attachmentCache ? { cacheFile: options.attachmentCache } : {}),
          ...(options.onProgress
            ? {
                onProgress: (p: AttachmentProgress) =>
                  options.onProgress?.({ phase: 'hash', ...p }),
              }
            : {}),
        })
  const entries: LedgerEntry[] = []
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  try {
    for (const [i, file] of files.entries()) {
      const filename = display(file)
      try {
        const whole = readWhole(file, maxBytes)
        // A FIFO or a device would block the read, or never end: neither is read.
        if (whole.kind === 'not-file') {
          diagnostics.push(report({ ruleId: 'source/not-a-file', location: { file: filename } }))
          continue
        }
        if (whole.kind === 'too-large') {
          const data = { size: formatBytes(whole.size), limit: formatBytes(maxBytes) }
          const location = { file: filename }
          diagnostics.push(
            report({ ruleId: 'source/too-large', messageId: 'ledger/too-large', data, location }),
          )
          continue
        }
        const decoded = decodeSource(whole.bytes, { filename, locale })
        for (const d of decoded.diagnostics) diagnostics.push(d)
        if (decoded.text === undefined) continue
        const parsed = parseLedger(decoded.text, {
          filename,
          locale,
          maxBytes,
          ...(options.plan ? { plan: options.plan } : {}),
        })
        // One by one: a spread of 130,000 arguments overflows the stack.
        for (const d of parsed.diagnostics) diagnostics.push(d)
        for (const entry of parsed.entries) entries.push(entry)
        rejected += parsed.rejected
        if (gatherer && parsed.entries.length > 0) {
          gatherer.add(parsed.entries)
          // The files are read without waiting: let the gatherer hand this file's
          // attachments to the threads now, not after the last file is parsed.
          await new Promise((resolve) => setImmediate(resolve))
        }
      } catch (error) {
        diagnostics.push(unreadable(filename, error))
      }
      options.onProgress?.({ phase: 'read', done: i + 1, total: files.length, file: filename })
    }
  } catch (error) {
    // A callback threw: the threads must not keep the process alive.
    await gatherer?.abort()
    throw error
  }

  const attachments = gatherer ? await gatherer.finish() : new Map<string, AttachmentFact>()
  diagnostics.sort(compareDiagnostics)
  return {
    ok: !hasErrors(diagnostics),
    entries,
    diagnostics,
    files: files.map(display),
    attachments,
    rejected,
  }

  function unreadable(file: string, error: unknown): Diagnostic {
    const code = (error as NodeJS.ErrnoException | undefined)?.code
    const reason = code
      ? (reasons[code] ?? { zh: code, en: code })
      : { zh: String(error), en: String(error) }
    return report({ ruleId: 'ledger/unreadable', data: { reason }, location: { file } })
  }
}

const reasons: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EISDIR: { zh: '这是文件夹', en: 'it is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
}
