// What the CLI's end-to-end tests share: the built binary, the example project, and a
// temporary folder removed after the file's tests.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url))
export const example = fileURLToPath(new URL('../../../examples/wuhan-etdz-2017/', import.meta.url))

/** A fresh temporary folder for this test file, removed when its tests are done. */
export function tempBase(prefix: string): string {
  const base = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(base, { recursive: true, force: true }))
  return base
}

/** Run the built CLI in Chinese, without colour; its exit code and what it wrote. */
export function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1', ...env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
