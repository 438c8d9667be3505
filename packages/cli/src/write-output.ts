// Writing an output file the way a clerk can trust: never over an input (however it is
// reached: a symlinked folder, `..`), never through a symbolic link or onto a device,
// never over an existing file without --force (checked by the file system itself, so two
// runs at once cannot both win), and never half a file, even when killed.
import { link, lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Locale } from '@reformkit/model'
import { removeOwnTempsSync, removeStaleTemps, tempPath } from '@reformkit/report/node'
import { UsageError } from './errors.js'
import { utf8Batches } from './io.js'
import { say } from './messages.js'

/** Outputs this process is writing: their temporaries are removed on SIGINT/SIGTERM. */
const writing = new Set<string>()
let handlersInstalled = false

/**
 * Say that this process writes `target` (a file, or a bundle folder or .zip): until the
 * returned function is called, an interrupt removes its temporaries before exiting.
 */
export function guardOutput(target: string): () => void {
  if (!handlersInstalled) {
    handlersInstalled = true
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)
      process.once(signal, () => {
        for (const path of writing) removeOwnTempsSync(path)
        process.exit(code)
      })
  }
  writing.add(target)
  return () => writing.delete(target)
}

/** The real path a write to `target` would reach (its folder resolved; the file may not exist). */
async function realTarget(target: string): Promise<string> {
  const real = await realpath(target).catch(() => undefined)
  if (real) return real
  const dir = await realpath(dirname(target)).catch(() => dirname(target))
  return join(dir, basename(target))
}

/** Real paths of the inputs, resolving each distinct folder once (not every file). */
async function realInputs(inputs: readonly string[], name: string): Promise<Set<string>> {
  const dirs = new Map<string, string>()
  // Only an input of the same name can be the target (a province names 100k attachments).
  inputs = inputs.filter((input) => input.endsWith(name) && basename(input) === name)
  for (const input of inputs) {
    const dir = dirname(resolve(input))
    if (!dirs.has(dir)) dirs.set(dir, await realpath(dir).catch(() => dir))
  }
  return new Set(
    inputs.map((input) => join(dirs.get(dirname(resolve(input))) as string, basename(input))),
  )
}

/**
 * Whether a file is at `path`; refused when what is there is no regular file, and when a
 * file stands where its folder would be (a missing folder is made when writing, as
 * `bundle` makes its own).
 */
async function existingFile(path: string, locale: Locale): Promise<boolean> {
  const existing = await lstat(resolve(path)).catch(() => undefined)
  if (existing && !existing.isFile()) throw new UsageError(say(locale, 'notAFile', { path }))
  if (!existing) {
    // ENOTDIR: a file on the way. Anything else (no such folder yet, no permission) is
    // left to the write, as writeOutput's mkdir treats it.
    const folder = await stat(dirname(resolve(path))).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOTDIR' ? 'file on the way' : undefined,
    )
    if (folder === 'file on the way' || (folder && !folder.isDirectory()))
      throw new UsageError(say(locale, 'noFolder', { path, folder: dirname(path) }))
  }
  return existing !== undefined
}

/**
 * `writeOutput`'s refusals that need no inputs, checked before the work that makes the
 * output (a province takes a while): anything but a regular file, an existing file without
 * `force`. writeOutput checks again when it writes.
 */
export async function refuseOutput(
  path: string,
  options: { force?: boolean; locale: Locale },
): Promise<void> {
  if ((await existingFile(path, options.locale)) && !options.force)
    throw new UsageError(say(options.locale, 'exists', { path }))
}

/**
 * Write `data` (text, bytes, or text in pieces: a province's report is longer than one
 * string may be) to `path` all at once or not at all. Refused: an input of the command, by
 * any path; anything but a regular file (a symbolic link, a folder, /dev/stdout) even with
 * `force`; an existing file without `force`.
 */
export async function writeOutput(
  path: string,
  data: string | Uint8Array | Iterable<string>,
  options: { force?: boolean; inputs?: readonly string[]; locale: Locale },
): Promise<void> {
  const { locale } = options
  const target = resolve(path)
  const existing = await existingFile(path, locale)
  const real = await realTarget(target)
  if ((await realInputs(options.inputs ?? [], basename(real))).has(real))
    throw new UsageError(say(locale, 'isInput', { path }))
  if (existing && !options.force) throw new UsageError(say(locale, 'exists', { path }))
  // The folders it goes in, made now that nothing refuses it; removed again if it fails.
  const made = await mkdir(dirname(target), { recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTDIR' && error.code !== 'EEXIST') throw error
      throw new UsageError(say(locale, 'noFolder', { path, folder: dirname(path) }))
    },
  )
  await removeStaleTemps(target)
  const temp = tempPath(target)
  const release = guardOutput(target)
  try {
    const body = typeof data === 'string' || data instanceof Uint8Array ? data : utf8Batches(data)
    await writeFile(temp, body, { flag: 'wx' })
    if (options.force) await rename(temp, target)
    else {
      // A hard link fails if the name exists: of two runs at once, exactly one wins.
      const linked = await link(temp, target).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw new UsageError(say(locale, 'exists', { path }))
          return false // a file system without hard links (FAT, some shares)
        },
      )
      if (linked) await rm(temp, { force: true })
      else if (
        await lstat(target).then(
          () => true,
          () => false,
        )
      )
        throw new UsageError(say(locale, 'exists', { path }))
      else await rename(temp, target)
    }
  } catch (error) {
    await rm(temp, { force: true })
    if (made) await rm(made, { recursive: true, force: true })
    throw error
  } finally {
    release()
  }
}
