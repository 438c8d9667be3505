import { readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Options } from 'tsup'
import { asciiOnly } from './ascii-only.js'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// commander requires child_process when it loads, for executable subcommands — reformkit
// has none: it is loaded on first use instead (with net and dgram, 4–5 ms of every run).
const childProcessOnFirstUse: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'child-process-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      importer.includes('commander') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: `module.exports = new Proxy({}, {
  get: (_, key) => process.getBuiltinModule('node:child_process')[key],
})`,
      loader: 'js',
    }))
  },
}

// fflate builds its Huffman tables and loads worker_threads when it loads (a few ms of every
// run); only zips use it — reports, bundles, reading workbooks. The libraries' imports of it
// get its exports as getters that load it (still bundled) when one is first read.
const fflateOnFirstUse: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'fflate-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, async ({ resolveDir, pluginData }) => {
      if (pluginData === 'real') return undefined
      const real = await build.resolve('fflate', {
        kind: 'require-call',
        resolveDir,
        pluginData: 'real',
      })
      return real.errors.length > 0 ? real : { path: real.path, namespace: 'fflate-on-first-use' }
    })
    build.onLoad({ filter: /.*/, namespace: 'fflate-on-first-use' }, ({ path }) => {
      const names = Object.keys(createRequire(import.meta.url)(path))
      const getters = names.map(
        (name) =>
          `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] })`,
      )
      return {
        contents: `let real\nconst load = () => (real ??= require(${JSON.stringify(path)}))\n${getters.join('\n')}`,
        loader: 'js',
        resolveDir: dirname(path),
      }
    })
  },
}

// exceljs's main module loads its streaming reader and writer too (unzipper, archiver and
// the rest: half of the 0.3 s its loading costs); the commands use its Workbook alone.
// `import ExcelJS from 'exceljs'` in the bundled libraries gets the Workbook and the enums
// from dist/exceljs.cjs (src/exceljs.cjs, bundled), loaded through the compile cache when
// first asked for and its compiled code kept at exit; the rest of exceljs (its `stream`)
// is loaded from exceljs itself if ever asked for.
const exceljsWorkbookOnly: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'exceljs-workbook-only',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, ({ namespace }) =>
      namespace === 'exceljs-lean'
        ? { path: 'exceljs', external: true }
        : { path: 'exceljs', namespace: 'exceljs-lean' },
    )
    build.onLoad({ filter: /.*/, namespace: 'exceljs-lean' }, () => ({
      contents: `const { loadScript } = require('./src/compile-cache.ts')
const lean = loadScript(require('node:path').join(__dirname, 'exceljs.cjs'), 'exceljs')
process.once('exit', () => lean.save())
module.exports = {
  ...lean.exports,
  get stream() { return require('exceljs').stream },
  get ModelContainer() { return require('exceljs').ModelContainer },
}`,
      loader: 'js',
      resolveDir: new URL('.', import.meta.url).pathname,
    }))
  },
}

// In dist/exceljs.cjs, JSZip (with pako) and fast-csv load when first used: only reading a
// workbook (`import`) and CSV need them — 40 ms of loading, 370 KB of code otherwise.
// They are found from exceljs's own folder, as exceljs would find them.
const onFirstUse: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'on-first-use',
  setup(build) {
    build.onResolve({ filter: /^(jszip|fast-csv)$/ }, ({ path }) => ({
      path,
      namespace: 'on-first-use',
    }))
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, ({ path }) => ({
      contents: `const { createRequire } = require('node:module')
let real
const load = () => {
  real ??= createRequire(createRequire(__filename).resolve('exceljs'))(${JSON.stringify(path)})
  return real
}
module.exports = new Proxy(function () {}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  construct: (_, args) => new (load())(...args),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
})`,
      loader: 'js',
    }))
  },
}

// Files to run: `bin.cjs` (CommonJS, a few lines, so that `reformkit --version` starts fast,
// and the loader of the compile cache) and `cli.cjs`, every command in one CommonJS file,
// compiled through node:vm with V8's code kept between runs (src/compile-cache.ts). What
// the commands run is bundled into it — the reformkit libraries, zod, yaml, date-fns,
// commander, fflate: some 250 modules, each resolved and read on its own, cost 0.15–0.2 s
// of every run. The office-file libraries stay outside (docx, mammoth: require()d by
// report and extract only), but for exceljs's Workbook: a third file, `exceljs.cjs`, loaded
// like `cli.cjs` by the commands that write or read workbooks (exceljsWorkbookOnly). And
// `validate.cjs`: `cli.cjs` without the other commands' modules, for `reformkit validate`.

/**
 * The commands as one file, `dist/<name>.cjs`: every command (`command` '') or one alone —
 * `validate`, the one a clerk runs most, without the others' modules (main.ts, `load`).
 */
function commands(name: string, command: string): Options {
  return {
    entry: { [name]: 'src/main.ts' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    // `exceljs` itself goes through exceljsWorkbookOnly (its files stay outside).
    noExternal: [/^@reformkit\//, 'zod', 'yaml', 'date-fns', 'commander', 'fflate', /^exceljs$/],
    external: [/^exceljs\//, 'docx', 'mammoth'],
    // import.meta.url for `init --example`.
    shims: true,
    esbuildOptions(options) {
      // A library's chunk imported for nothing but its (absent) side effects: nothing to warn of.
      options.logOverride = { 'ignored-bare-import': 'silent' }
      // import() would need a loader of its own under node:vm: require() it is.
      options.supported = { ...options.supported, 'dynamic-import': false }
    },
    // Minified, names too: V8 reads, hashes and deserialises every byte at every start (a
    // quarter less: ~20 ms of `validate` on the example). `--debug` gives each place in a
    // stack trace its source, from the map (src/source-stack.ts).
    minify: true,
    sourcemap: true,
    // Node's modules keep their `node:` names (tsup would strip them before a plugin sees them).
    removeNodeProtocol: false,
    esbuildPlugins: [childProcessOnFirstUse, exceljsWorkbookOnly, fflateOnFirstUse],
    define: { ...define, __COMMAND__: JSON.stringify(command) },
    // The Chinese in regular expressions escaped: an ASCII file starts faster (ascii-only.ts).
    onSuccess: async () => asciiOnly(fileURLToPath(new URL(`./dist/${name}.cjs`, import.meta.url))),
  }
}

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true })
const define = { __REFORMKIT_VERSION__: JSON.stringify(version) }
export default defineConfig([
  {
    entry: { bin: 'src/bin.ts' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    removeNodeProtocol: false,
    banner: { js: '#!/usr/bin/env node' },
    sourcemap: true,
    define,
  },
  commands('cli', ''),
  commands('validate', 'validate'),
  {
    entry: { exceljs: 'src/exceljs.cjs' },
    format: ['cjs'],
    platform: 'node',
    target: 'node20',
    noExternal: [/.*/],
    minify: true,
    sourcemap: true,
    removeNodeProtocol: false,
    esbuildPlugins: [onFirstUse],
  },
])
