// Writing an output file the way a clerk can trust: never over an input (however it is
// reached: a symlinked folder, `..`), never through a symbolic link or onto a device,
// never over an existing file without --force (checked by the file system itself, so two
// runs at once cannot both win), and never half a file, even when killed.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { link, lstat, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Locale } from '@reformkit/model'
import { UsageError } from './errors.js'
import { say } from './messages.js'

/** Temporary files of this process, removed on SIGINT/SIGTERM. */
const pending = new Set<string>()
let handlersInstalled = false

function installHandlers(): void {
  if (handlersInstalled) return
  handlersInstalled = true
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      for (const temp of pending) rmSyncQuiet(temp)
      process.exit(code)
    })
}

function rmSyncQuiet(path: string): void {
  try {
    // Synchronous on purpose: the process is about to exit.
    rmSync(path, { force: true, recursive: true })
  } catch {
    // nothing to remove
  }
}

/** `.台账目录.docx.reformkit-<pid>-<random>.tmp`: recognisable, and whose it is. */
const TEMP = /^\.(.+)\.reformkit-(\d+)-[0-9a-f]+\.tmp$/

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Remove what an earlier run killed mid-write left beside `target` (its process is gone). */
export async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target)
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    const match = TEMP.exec(name)
    if (match && match[1] === basename(target) && !alive(Number(match[2])))
      await rm(join(dir, name), { force: true, recursive: true })
  }
}

/** A temporary path beside `target`, removed on SIGINT/SIGTERM until `done` is called. */
export function tempBeside(target: string): { path: string; done: () => void } {
  installHandlers()
  const path = join(
    dirname(target),
    `.${basename(target)}.reformkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  )
  pending.add(path)
  return { path, done: () => pending.delete(path) }
}

/** The real path a write to `target` would reach (its folder resolved; the file may not exist). */
async function realTarget(target: string): Promise<string> {
  const real = await realpath(target).catch(() => undefined)
  if (real) return real
  const dir = await realpath(dirname(target)).catch(() => dirname(target))
  return join(dir, basename(target))
}

/** Real paths of the inputs, resolving each distinct folder once (not every file). */
async function realInputs(inputs: readonly string[]): Promise<Set<string>> {
  const dirs = new Map<string, string>()
  for (const input of inputs) {
    const dir = dirname(resolve(input))
    if (!dirs.has(dir)) dirs.set(dir, await realpath(dir).catch(() => dir))
  }
  return new Set(
    inputs.map((input) => join(dirs.get(dirname(resolve(input))) as string, basename(input))),
  )
}

/**
 * Write `data` to `path` all at once or not at all. Refused: an input of the command, by
 * any path; anything but a regular file (a symbolic link, a folder, /dev/stdout) even with
 * `force`; an existing file without `force`.
 */
export async function writeOutput(
  path: string,
  data: string | Uint8Array,
  options: { force?: boolean; inputs?: readonly string[]; locale: Locale },
): Promise<void> {
  const { locale } = options
  const target = resolve(path)
  const existing = await lstat(target).catch(() => undefined)
  if (existing && !existing.isFile()) throw new UsageError(say(locale, 'notAFile', { path }))
  const real = await realTarget(target)
  if ((await realInputs(options.inputs ?? [])).has(real))
    throw new UsageError(say(locale, 'isInput', { path }))
  if (existing && !options.force) throw new UsageError(say(locale, 'exists', { path }))
  await removeStaleTemps(target)
  const temp = tempBeside(target)
  try {
    await writeFile(temp.path, data, { flag: 'wx' })
    if (options.force) await rename(temp.path, target)
    else {
      // A hard link fails if the name exists: of two runs at once, exactly one wins.
      const linked = await link(temp.path, target).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw new UsageError(say(locale, 'exists', { path }))
          return false // a file system without hard links (FAT, some shares)
        },
      )
      if (linked) await rm(temp.path, { force: true })
      else if (
        await lstat(target).then(
          () => true,
          () => false,
        )
      )
        throw new UsageError(say(locale, 'exists', { path }))
      else await rename(temp.path, target)
    }
  } catch (error) {
    await rm(temp.path, { force: true })
    throw error
  } finally {
    temp.done()
  }
}
