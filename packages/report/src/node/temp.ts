// Temporary files and folders beside an output, written first and renamed into place:
// named so that whose they are can be told (`.台账.zip.reformkit-<pid>-<random>.tmp`), and
// cleaned — by the next run when their process is gone, or by the process itself on exit.
import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const TEMP = /^\.(.+)\.reformkit-(\d+)-[0-9a-f]+\.tmp$/

/** A new temporary path beside `target`, for this process. */
export function tempPath(target: string): string {
  const name = `.${basename(target)}.reformkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  return join(dirname(target), name)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Temporaries of `target` that `keep` does not claim, by name and owner. */
function temps(names: string[], target: string, remove: (pid: number) => boolean): string[] {
  return names.filter((name) => {
    const match = TEMP.exec(name)
    return match !== null && match[1] === basename(target) && remove(Number(match[2]))
  })
}

/** Remove what an earlier run, killed mid-write, left beside `target` (its process is gone). */
export async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target)
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of temps(names, target, (pid) => !alive(pid)))
    await rm(join(dir, name), { force: true, recursive: true })
}

/** Remove this process's temporaries of `target`, synchronously: for exit and signal handlers. */
export function removeOwnTempsSync(target: string): void {
  const dir = dirname(target)
  let names: string[] = []
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of temps(names, target, (pid) => pid === process.pid))
    rmSync(join(dir, name), { force: true, recursive: true })
}
