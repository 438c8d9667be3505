import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, posix, resolve } from 'node:path'
import type { LedgerEntry } from '@reformkit/ledger'
import { gatherAttachments, hashFiles } from '@reformkit/ledger/node'
import {
  type Diagnostic,
  diagnosticFactory,
  formatMessage,
  type Locale,
  type LocalizedMessage,
  type MessageCatalogue,
  type Plan,
  prettyJsonPieces,
} from '@reformkit/model'
import * as z from 'zod'
import {
  DOCX_MAX_ROWS,
  renderReport,
  renderReportPieces,
  tableRows,
  XLSX_MAX_ROWS,
} from '../render/render.js'
import { utf8Bytes } from '../render/utf8-sink.js'
import { reportDate } from '../render/zip.js'
import { buildReport } from '../reports/build.js'
import { packFiles } from './pack-files.js'
import { readCopy, VERIFY_LIMITS, type VerifyLimits } from './read-copy.js'
import { removeStaleTemps, tempPath } from './temp.js'
import { ZipWriter } from './zip-writer.js'

/** Files copied at once into a folder copy. */
const COPY_CONCURRENCY = 16

export const BUNDLE_SCHEMA_TAG = 'reformkit/bundle@1'
export const MANIFEST_NAME = 'manifest.json'

export interface ManifestFile {
  path: string
  sha256: string
  bytes: number
}

export interface Manifest {
  schema: typeof BUNDLE_SCHEMA_TAG
  plan: { id: string; title: string }
  asOf: string
  files: ManifestFile[]
}

export interface CreateBundleOptions {
  plan: Plan
  entries: readonly LedgerEntry[]
  diagnostics?: readonly Diagnostic[]
  asOf: string
  /** Project root: ledger files and attachment paths are relative to it. */
  root: string
  /** The ledger files, relative to root (as loadLedger returns them). */
  files: readonly string[]
  /** A folder to create, or a path ending in .zip. */
  out: string
  /** Replace an existing output. Default false: an existing output is an error. */
  force?: boolean
  locale?: Locale
  onProgress?: (progress: { done: number; total: number; path: string }) => void
  /**
   * Worker threads that read, hash and deflate a .zip copy's small files. Default one per
   * core, at most four; 0 does it all on the main thread (the same bytes).
   */
  threads?: number
}

export class BundleError extends Error {
  override name = 'BundleError'
}

/**
 * Write one copy of the ledger for submission (一式两份): the ledger files, every
 * attachment that lies inside the root and exists, the ledger index (台账目录) as DOCX and
 * XLSX, and manifest.json with the SHA-256 and size of every file. As a folder or a .zip
 * (reproducible: the same input gives the same bytes). Written to a temporary name and
 * renamed, so a failure leaves nothing half-written; an existing output is never replaced
 * without `force`.
 */
export async function createBundle(options: CreateBundleOptions): Promise<{
  out: string
  manifest: Manifest
  /**
   * Formats of the ledger index left out for its size: DOCX past DOCX_MAX_ROWS rows, XLSX
   * past XLSX_MAX_ROWS (then it is written as CSV).
   */
  skipped: string[]
}> {
  const root = resolve(options.root)
  const out = resolve(options.out)
  const locale = options.locale ?? 'zh-CN'
  // --force replaces a file, or a folder reformkit wrote; never any other folder.
  if (
    options.force &&
    (await stat(out).then(
      (info) => info.isDirectory(),
      () => false,
    )) &&
    !(await isBundleFolder(out))
  )
    throw new BundleError(
      formatMessage(bundleMessages, 'bundle/not-a-bundle', { path: options.out }, locale),
    )
  if (!options.force && (await exists(out)))
    throw new BundleError(
      formatMessage(bundleMessages, 'bundle/exists', { path: options.out }, locale),
    )
  // Which attachments to copy: hashes are taken while copying, not here as well.
  const facts = await gatherAttachments(options.entries, { root, hash: false })
  const attachments = [...facts.values()]
    .filter((f) => f.exists && !f.outsideRoot)
    .map((f) => normalise(f.path))
  const model = buildReport({
    plan: options.plan,
    entries: options.entries,
    diagnostics: options.diagnostics ?? [],
    asOf: options.asOf,
    kind: 'ledger-index',
  })
  const indexName = locale === 'en' ? 'ledger-index' : '台账目录'
  const generated = new Map<string, Uint8Array>()
  // The index as DOCX and XLSX while each can hold it; a province's as CSV.
  const rows = tableRows(model)
  const skipped: string[] = []
  for (const [format, limit] of [
    ['docx', DOCX_MAX_ROWS],
    ['xlsx', XLSX_MAX_ROWS],
  ] as const) {
    if (rows > limit) skipped.push(`${indexName}.${format}`)
    else
      generated.set(
        `${indexName}.${format}`,
        (await renderReport(model, { format, locale })) as Uint8Array,
      )
  }
  if (rows > XLSX_MAX_ROWS)
    generated.set(
      `${indexName}.csv`,
      // In pieces: a province's index as one string would be hundreds of MB (or too long).
      utf8Bytes(renderReportPieces(model, { format: 'csv', locale })),
    )
  const copied = [...new Set([...options.files.map(normalise), ...attachments])].sort()
  const total = copied.length + generated.size
  const manifest: Manifest = {
    schema: BUNDLE_SCHEMA_TAG,
    plan: { id: options.plan.id, title: options.plan.title },
    asOf: options.asOf,
    files: [],
  }
  let done = 0
  const tick = (path: string) => options.onProgress?.({ done: ++done, total, path })

  // Written beside the output under a name that says whose it is; what a killed run left
  // there is removed first.
  await removeStaleTemps(out)
  const temp = tempPath(out)
  try {
    if (out.endsWith('.zip')) {
      // Streamed into the zip file by file, each hashed on the way; the manifest last.
      const zip = await ZipWriter.create(temp, reportDate(options.asOf))
      try {
        const sources = [...copied.map((path) => [path, undefined] as const), ...generated].sort(
          ([a], [b]) => (a < b ? -1 : 1),
        )
        // The files read, hashed and deflated on threads, in order; the main thread writes.
        const packed = packFiles(
          sources.flatMap(([path, data]) => (data ? [] : [join(root, path)])),
          options.threads === undefined ? {} : { threads: options.threads },
        )
        try {
          for (const [path, data] of sources) {
            const ready = data ? undefined : (await packed.next()).value
            const written = data
              ? await zip.add(path, data)
              : ready
                ? await zip.addPacked(path, ready)
                : await zip.add(path, { path: join(root, path) })
            manifest.files.push({ path, ...written })
            tick(path)
          }
        } finally {
          await packed.return(undefined)
        }
        await zip.add(MANIFEST_NAME, manifestBytes(manifest))
        await zip.close()
      } catch (error) {
        await zip.abort()
        if (!(error instanceof RangeError)) throw error
        throw new BundleError(
          formatMessage(
            bundleMessages,
            'bundle/changed-while-read',
            { detail: error.message },
            locale,
          ),
        )
      }
    } else {
      await mkdir(temp, { recursive: true })
      // Copied, then the copies hashed (on threads when many): the manifest says what the
      // copy holds.
      // A copy of 100k scans is 100k small files: folders made once each, files copied
      // several at a time (creating a file costs the disk more than copying its bytes).
      const dirs = [...new Set(copied.map((path) => dirname(join(temp, path))))]
      for (const dir of dirs) await mkdir(dir, { recursive: true })
      let next = 0
      const copier = async () => {
        for (let path = copied[next++]; path !== undefined; path = copied[next++])
          await copyFile(join(root, path), join(temp, path), constants.COPYFILE_EXCL)
      }
      await Promise.all(Array.from({ length: COPY_CONCURRENCY }, copier))
      const hashes = await hashFiles(
        copied.map((path) => join(temp, path)),
        (i) => tick(copied[i] as string),
      )
      copied.forEach((path, i) => {
        const hash = hashes[i]
        if (!hash) throw new Error(`${path}: the copy cannot be read back`)
        manifest.files.push({ path, ...hash })
      })
      for (const [path, data] of generated) {
        await writeFile(join(temp, path), data, { flag: 'wx' })
        manifest.files.push(describe(path, data))
        tick(path)
      }
      manifest.files.sort((a, b) => (a.path < b.path ? -1 : 1))
      await writeFile(join(temp, MANIFEST_NAME), manifestBytes(manifest), { flag: 'wx' })
    }
    await moveIntoPlace(temp, out)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  return { out, manifest, skipped }
}

/**
 * Rename `temp` to `out`. A file is replaced atomically by the rename itself; a folder
 * (which rename cannot replace) is first moved aside under a temporary name, so that `out`
 * is missing for an instant only and never half-written — and what a kill leaves in
 * between is a recognisable temporary the next run removes.
 */
async function moveIntoPlace(temp: string, out: string): Promise<void> {
  const old = await stat(out).then(
    (info) => (info.isDirectory() ? tempPath(out) : undefined),
    () => undefined,
  )
  if (old) await rename(out, old)
  try {
    await rename(temp, out)
  } catch (error) {
    if (old) await rename(old, out).catch(() => undefined)
    throw error
  }
  if (old) await rm(old, { recursive: true, force: true })
}

/**
 * The manifest as `JSON.stringify(manifest, null, 2)` writes it, made in pieces: a copy of
 * three million files would be one string longer than V8 allows.
 */
const manifestBytes = (manifest: Manifest) => utf8Bytes([...prettyJsonPieces(manifest), '\n'])

function describe(path: string, data: Uint8Array): ManifestFile {
  return { path, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength }
}

/** One spelling per file: `files//fgj/x.txt`, `./files/fgj/x.txt` and `files\\fgj\\x.txt` are one. */
const normalise = (path: string) => posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '')

/** Whether `path` is a folder reformkit wrote: it holds a bundle manifest. */
async function isBundleFolder(path: string): Promise<boolean> {
  try {
    const text = await readFile(join(path, MANIFEST_NAME), 'utf8')
    return (JSON.parse(text) as { schema?: unknown }).schema === BUNDLE_SCHEMA_TAG
  } catch {
    return false
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

const bundleMessages = {
  'bundle/not-a-bundle': {
    zh: '{{path}} 是一个不由 reformkit 写出的文件夹(其中没有台账清单),即使加 force 也不会删除它;请换一个输出位置',
    en: '{{path}} is a folder reformkit did not write (it holds no bundle manifest); even with force it is not deleted; choose another output',
  },
  'bundle/exists': {
    zh: '{{path}} 已存在;请换一个名称,或确认覆盖(force)',
    en: '{{path}} exists; choose another name or pass force',
  },
  'bundle/changed-while-read': {
    zh: '写入 .zip 时文件发生了变化({{detail}});请在文件不再改动时重试',
    en: 'A file changed while the .zip was written ({{detail}}); try again once it no longer changes',
  },
  'bundle/unreadable': {
    zh: '无法读取这份台账:{{reason}}',
    en: 'This copy cannot be read: {{reason}}',
  },
  'bundle/no-manifest': {
    zh: '缺少 manifest.json,无法核对',
    en: 'manifest.json is missing; nothing to check against',
  },
  'bundle/missing': {
    zh: '清单中的文件“{{path}}”不在这份台账中',
    en: 'File "{{path}}" of the manifest is missing from this copy',
  },
  'bundle/changed': {
    zh: '文件“{{path}}”与清单不符(SHA-256 应为 {{expected}},实为 {{actual}})',
    en: 'File "{{path}}" differs from the manifest (SHA-256 {{expected}} expected, {{actual}} found)',
  },
  'bundle/extra': { zh: '文件“{{path}}”不在清单中', en: 'File "{{path}}" is not in the manifest' },
  'bundle/bad-manifest': {
    zh: 'manifest.json 格式不对({{detail}}),无法核对',
    en: 'manifest.json is malformed ({{detail}}); nothing to check against',
  },
  'bundle/duplicate-name': {
    zh: '文件“{{path}}”在这份台账中出现了两次',
    en: 'File "{{path}}" appears twice in this copy',
  },
  'bundle/unsafe-name': {
    zh: '文件名“{{path}}”指向台账之外(绝对路径或含“..”),不予读取',
    en: 'The name "{{path}}" points outside the copy (absolute, or with ".."); not read',
  },
  'bundle/not-a-file': {
    zh: '“{{path}}”是{{kind}},不是普通文件;未读取',
    en: '"{{path}}" is {{kind}}, not a regular file; not read',
  },
  'bundle/refused': {
    zh: '拒绝继续读取这份台账:{{reason}}',
    en: 'This copy was not read further: {{reason}}',
  },
  'bundle/copies-differ': {
    zh: '两份台账中文件“{{path}}”不同:{{detail}}',
    en: 'The two copies differ at "{{path}}": {{detail}}',
  },
} satisfies MessageCatalogue

/** What the usual reasons a path cannot be read mean. */
const errnoReasons: Record<string, LocalizedMessage> = {
  ENOENT: { zh: '没有这个文件或文件夹', en: 'no such file or folder' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  ELOOP: { zh: '符号链接循环', en: 'a loop of symbolic links' },
}

const ManifestShape = z.looseObject({
  files: z.array(
    z.looseObject({
      path: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.int().nonnegative(),
    }),
  ),
})

/** manifest.json read and checked: its files, or what is wrong with it. */
function parseManifest(text: string | undefined): {
  value?: { files: ManifestFile[] }
  detail?: string
} {
  if (text === undefined) return {}
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { detail: error instanceof Error ? error.message : String(error) }
  }
  const parsed = ManifestShape.safeParse(data)
  if (parsed.success) return { value: parsed.data }
  const issue = parsed.error.issues[0]
  return { detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }
}

/**
 * Prove a copy intact (every file of its manifest present with the same SHA-256, nothing
 * extra) and, given two, that they are identical — listing every difference, each a
 * diagnostic naming the file. Folders and .zip files alike.
 */
export async function verifyBundle(
  a: string,
  b?: string,
  options: {
    locale?: Locale
    /** What a zip may inflate to before it is refused; VERIFY_LIMITS field by field. */
    limits?: Partial<VerifyLimits>
  } = {},
): Promise<{ ok: boolean; diagnostics: Diagnostic[] }> {
  const limits = { ...VERIFY_LIMITS, ...options.limits }
  const report = diagnosticFactory(bundleMessages, options.locale)
  const diagnostics: Diagnostic[] = []
  interface ReadCopy {
    label: string
    /** Whether a missing manifest has been accounted for (unreadable, refused, malformed). */
    quiet: boolean
    manifest?: { files: ManifestFile[] }
    files: Map<string, ManifestFile>
  }
  const copies: ReadCopy[] = []
  for (const label of b === undefined ? [a] : [a, b]) {
    const read = await readCopy(label, limits).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      const reason = errnoReasons[code] ?? (error instanceof Error ? error.message : String(error))
      diagnostics.push(
        report({
          ruleId: 'bundle/unreadable',
          data: { reason },
          location: { file: label },
        }),
      )
      return undefined
    })
    if (!read) continue
    for (const problem of read.problems)
      diagnostics.push(
        report({
          ruleId: problem.ruleId,
          data: problem.data,
          location: { file: label, ...(problem.path ? { path: `/${problem.path}` } : {}) },
        }),
      )
    const manifest = parseManifest(read.manifest)
    if (read.manifest !== undefined && !manifest.value)
      diagnostics.push(
        report({
          ruleId: 'bundle/bad-manifest',
          data: { detail: manifest.detail ?? '' },
          location: { file: label, path: `/${MANIFEST_NAME}` },
        }),
      )
    // A copy that could not be read through has said so; "no manifest" would only add noise.
    const stopped = read.problems.some(
      (p) => p.ruleId === 'bundle/refused' || p.ruleId === 'bundle/unreadable',
    )
    copies.push({
      label,
      files: read.files,
      quiet: stopped || read.manifest !== undefined,
      ...(manifest.value ? { manifest: manifest.value } : {}),
    })
  }
  for (const copy of copies) {
    const file = copy.label
    if (!copy.manifest) {
      if (!copy.quiet)
        diagnostics.push(report({ ruleId: 'bundle/no-manifest', location: { file } }))
      continue
    }
    const listed = new Set<string>()
    for (const expected of copy.manifest.files) {
      listed.add(expected.path)
      const actual = copy.files.get(expected.path)
      const location = { file, path: `/${expected.path}` }
      if (!actual)
        diagnostics.push(
          report({ ruleId: 'bundle/missing', data: { path: expected.path }, location }),
        )
      else if (actual.sha256 !== expected.sha256)
        diagnostics.push(
          report({
            ruleId: 'bundle/changed',
            data: {
              path: expected.path,
              expected: expected.sha256.slice(0, 12),
              actual: actual.sha256.slice(0, 12),
            },
            location,
          }),
        )
    }
    for (const path of copy.files.keys())
      if (!listed.has(path))
        diagnostics.push(
          report({ ruleId: 'bundle/extra', data: { path }, location: { file, path: `/${path}` } }),
        )
  }
  const [first, second] = copies
  if (first && second) {
    const paths = [...new Set([...first.files.keys(), ...second.files.keys()])].sort()
    for (const path of paths) {
      const x = first.files.get(path)
      const y = second.files.get(path)
      if (x && y && x.sha256 === y.sha256) continue
      const detail = !x
        ? { zh: `只在 ${second.label} 中`, en: `only in ${second.label}` }
        : !y
          ? { zh: `只在 ${first.label} 中`, en: `only in ${first.label}` }
          : { zh: '内容不同', en: 'different content' }
      diagnostics.push(
        report({
          ruleId: 'bundle/copies-differ',
          data: { path, detail },
          location: { file: second.label, path: `/${path}` },
        }),
      )
    }
  }
  return { ok: diagnostics.length === 0, diagnostics }
}
