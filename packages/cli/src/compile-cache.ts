// The commands are one CommonJS file (dist/cli.cjs; validate alone, dist/validate.cjs),
// compiled through node:vm so that V8's compiled code for it can be kept between runs —
// what `module.enableCompileCache()` does from Node 22 on. A run of `reformkit validate` on
// a district's project is mostly code being compiled for the first time: with the cache,
// 0.33 → 0.25 s on the example.
//
// The cache lives in the user's own cache folder (never a shared temporary folder: cached
// code is run as is), one file per command and content of the file run (and of
// dist/exceljs.cjs, which the Office reports load), written after a run that had none (or
// whose cache V8 refused: another Node). REFORMKIT_COMPILE_CACHE=0 turns it off;
// REFORMKIT_CACHE_DIR moves it. Nothing about it ever stops a run.

import { isAscii } from 'node:buffer'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'

/** Where compiled code is kept, or undefined when it is not to be. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REFORMKIT_COMPILE_CACHE === '0' || env.REFORMKIT_COMPILE_CACHE === 'false') return
  if (env.REFORMKIT_CACHE_DIR) return join(env.REFORMKIT_CACHE_DIR, 'compile')
  try {
    const home = homedir()
    const base =
      process.platform === 'win32'
        ? (env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'))
        : process.platform === 'darwin'
          ? join(home, 'Library', 'Caches')
          : (env.XDG_CACHE_HOME ?? join(home, '.cache'))
    return join(base, 'reformkit', 'compile')
  } catch {
    return undefined
  }
}

export interface LoadedScript<T> {
  exports: T
  /** Whether V8 ran it from kept compiled code. */
  cached: boolean
  /** Keep the code compiled so far (call after the run: it then holds what the run used). */
  save(): void
}

/**
 * Load a CommonJS file as `require` would, from compiled code kept in `dir` when there is
 * some for exactly this content, Node and `name` (the command: each compiles its own part).
 */
export function loadScript<T>(
  at: URL | string,
  name: string,
  dir = compileCacheDir(),
): LoadedScript<T> {
  const file = typeof at === 'string' ? at : fileURLToPath(at)
  // Hashed as the bytes read, decoded once: hashing the text would encode it again. The
  // built files are ASCII (ascii-only.ts): read as Latin-1, a byte a character, V8 keeps
  // them in half the memory and starts on them sooner than on UTF-8 decoded to two bytes.
  const bytes = readFileSync(file)
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
  const cacheFile = dir && cachePath(dir, file, bytes, name)
  let cachedData: Buffer | undefined
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile)
  } catch {}
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, ...(cachedData ? { cachedData } : {}) },
  )
  const cached = cachedData !== undefined && !script.cachedDataRejected
  const module = { exports: {} as T }
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file))
  return {
    exports: module.exports,
    cached,
    save() {
      if (!cacheFile || cached) return
      try {
        mkdirSync(dirname(cacheFile), { recursive: true })
        // Code for other contents of the file (an earlier version) is of no more use, nor
        // is a half-written file a killed run left, nor a file named as before 0.x.
        const kept = basename(cacheFile).split('.')[0] as string
        const sameFile = `${kept.slice(0, kept.lastIndexOf('-'))}-`
        for (const old of readdirSync(dirname(cacheFile)))
          if (
            old.endsWith('.tmp') ||
            (old.startsWith(sameFile) && !old.startsWith(`${kept}.`)) ||
            /^[0-9a-f]{32}\./.test(old)
          )
            rmSync(join(dirname(cacheFile), old), { force: true })
        const temporary = `${cacheFile}.${process.pid}.tmp`
        writeFileSync(temporary, script.createCachedData())
        renameSync(temporary, cacheFile)
      } catch {}
    },
  }
}

/**
 * The file the code compiled from `source` (of `file`) for command `name` is kept in: named
 * by the file, its path, the content, Node and architecture (V8 checks only the length of the source
 * it is given) — `cli-<key>.validate`. `source` is the text or its UTF-8 bytes: the same key.
 */
export function cachePath(
  dir: string,
  file: string,
  source: string | Uint8Array,
  name: string,
): string {
  // The file's own path too: V8 keeps the script's name in the compiled code, so code
  // compiled from another install's copy would name that copy in stack traces (and
  // `--debug` would look for its source map there).
  const key = createHash('sha256')
    .update(`${process.version} ${process.arch}\0${file}\0`)
    .update(source)
    .digest('hex')
    .slice(0, 32)
  const named = basename(file)
    .replace(/\.[^.]*$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
  return join(dir, `${named}-${key}.${/^[a-z][a-z-]{0,31}$/.test(name) ? name : 'other'}`)
}

const COMMANDS = new Set([
  ...['init', 'extract', 'template', 'import', 'validate', 'report'],
  ...['bundle', 'verify', 'rules', 'schema', 'help'],
])

/** The command named on the command line (what each run's kept code is for), or `other`. */
export function commandOf(argv: readonly string[]): string {
  // The first word that is not an option, nor the value of `--lang` given before it.
  const named =
    argv.slice(2).find((arg, i, args) => !arg.startsWith('-') && args[i - 1] !== '--lang') ?? 'help'
  return COMMANDS.has(named) ? named : 'other'
}
