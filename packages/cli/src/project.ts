import { join } from 'node:path'
import type { LoadLedgerProgress } from '@reformkit/ledger/node'
import { compareDiagnostics, type Locale } from '@reformkit/model'
import { type CheckedProject, checkProject } from '@reformkit/project'
import { type FolderProject, loadProject } from '@reformkit/project/node'
import { progress } from './io.js'
import { say } from './messages.js'

export { CONFIG_FILE, LEDGER_DIR, PLAN_FILE } from '@reformkit/project'

/** A project folder read and checked: `diagnostics` holds every finding, reading and rules. */
export type OpenedProject = FolderProject & CheckedProject

export interface OpenProjectOptions {
  locale: Locale
  asOf: string
  /** Extra rule settings from --rule, applied over the config file. */
  ruleOverrides?: Record<string, 'error' | 'warning' | 'info' | 'off'>
  /** Read and check the plan (with its config and profile) only, not the ledger. */
  planOnly?: boolean
  /** --cache / --cache-location: where attachment hashes are kept between runs. */
  cache?: boolean
  cacheLocation?: string
}

/** The default cache file: beside plan.yaml, a dotfile no bundle copies. */
export const CACHE_FILE = '.reformkit-cache.json'

/**
 * Read a project folder with the shared loader (@reformkit/project), showing progress
 * while attachments are hashed, and check it. A missing folder or plan.yaml is a
 * ProjectError (exit 3); everything wrong inside the files is a finding.
 */
export async function openProject(
  dir: string,
  options: OpenProjectOptions,
): Promise<OpenedProject> {
  const { locale } = options
  const bar = progress(say(locale, 'readingAttachments'))
  const cache = options.cacheLocation ?? (options.cache ? join(dir, CACHE_FILE) : undefined)
  const project = await loadProject(dir, {
    locale,
    planOnly: options.planOnly ?? false,
    // What the rules need of the attachments: a declared hash checked, the rest looked at
    // (a bundle hashes what it copies, as it copies).
    attachmentHashes: 'declared',
    ...(cache ? { attachmentCache: cache } : {}),
    // Only when it is drawn: a province reports 100,000 files.
    ...(bar.active
      ? {
          onProgress: (p: LoadLedgerProgress) => {
            if (p.phase === 'hash') bar.update(p.done, p.total)
          },
        }
      : {}),
  }).finally(() => bar.end())
  if (options.planOnly) {
    // What reading the plan, config and profile found; no rule runs without a ledger.
    const diagnostics = [...project.diagnostics].sort(compareDiagnostics)
    return { ...project, diagnostics, ledgerConfig: project.ledgerConfig }
  }
  const checked = checkProject(project, {
    asOf: options.asOf,
    locale,
    ...(options.ruleOverrides ? { ruleOverrides: options.ruleOverrides } : {}),
  })
  return { ...project, ...checked }
}
