import { readFile, stat } from 'node:fs/promises'
import { extractPlan, textFromDocx, textFromHtml } from '@reformkit/extract'
import { formatDiagnostics } from '@reformkit/ledger'
import {
  DEFAULT_MAX_BYTES,
  type Diagnostic,
  decodeSource,
  formatBytes,
  type Locale,
} from '@reformkit/model'
import { importPlanTable } from '@reformkit/workbook'
import { stringify } from 'yaml'
import { UsageError } from '../errors.js'
import { useColor } from '../io.js'
import { say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { err, out } from '../stdio.js'
import { writeOutput } from '../write-output.js'

export interface ExtractOptions extends CommonOptions {
  out?: string
  force?: boolean
}

/**
 * A draft plan.yaml from a plan as published — text (UTF-8, GB18030 or UTF-16, as
 * decodeSource tells), a web page (.html), a Word file (.docx) or a task table (.xlsx,
 * .csv): written atomically to
 * `--out` (or to stdout), the guesses listed on stderr.
 */
export async function extract(file: string, options: ExtractOptions): Promise<void> {
  const locale = localeOf(options)
  const info = await stat(file).catch(() => undefined)
  if (!info) throw new UsageError(say(locale, 'noInput', { path: file }))
  if (!info.isFile()) throw new UsageError(say(locale, 'inputNotAFile', { path: file }))
  if (info.size > DEFAULT_MAX_BYTES)
    throw new UsageError(
      say(locale, 'inputTooLarge', {
        path: file,
        size: formatBytes(info.size),
        limit: formatBytes(DEFAULT_MAX_BYTES),
      }),
    )
  const bytes = new Uint8Array(await readFile(file))
  const { plan, diagnostics: all } = /\.(xlsx|xlsm|csv|tsv)$/i.test(file)
    ? // A 任务分解表: its columns read by header, its rows as the extractor reads a table.
      await importPlanTable(bytes, { filename: file, locale })
    : await readInput(file, bytes, locale).then(async ({ text, diagnostics: reading }) => {
        const extracted = await extractPlan(text, { filename: file, locale })
        return { plan: extracted.plan, diagnostics: [...reading, ...extracted.diagnostics] }
      })
  const yaml = `# yaml-language-server: $schema=https://unpkg.com/@reformkit/model/schema/plan.schema.json
# ${say(locale, 'draftHeader', { file })}
${stringify(plan, { lineWidth: 0 })}`
  if (options.out) {
    await writeOutput(options.out, yaml, {
      force: options.force ?? false,
      inputs: [file],
      locale,
    })
    err(`${say(locale, 'wrote', { path: options.out })}\n`)
  } else out(yaml)
  if (all.length > 0) err(formatDiagnostics(all, { locale, color: useColor(2) }))
  if (all.some((d) => d.severity === 'error')) process.exitCode = 1
}

/** The text of the input: a Word file through mammoth, a web page without its markup, text as decoded. */
async function readInput(
  file: string,
  bytes: Uint8Array,
  locale: Locale,
): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  if (/\.docx$/i.test(file)) {
    const text = await textFromDocx(bytes).catch((error: unknown) => {
      throw new UsageError(
        say(locale, 'notDocx', { path: file, reason: error instanceof Error ? error.message : '' }),
      )
    })
    return { text, diagnostics: [] }
  }
  const decoded = decodeSource(bytes, { filename: file, locale })
  // Not text (a PDF, a picture, an old .doc): a draft from it would be empty, and misleading.
  if (decoded.text === undefined) throw new UsageError(say(locale, 'notText', { path: file }))
  const text = decoded.text
  return {
    text: /\.x?html?$/i.test(file) ? textFromHtml(text) : text,
    diagnostics: decoded.diagnostics,
  }
}
