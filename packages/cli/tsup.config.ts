import { readFileSync } from 'node:fs'
import { defineConfig, type Options } from 'tsup'

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

// The command is ESM only: nobody require()s a binary. `bin` stays tiny so that
// `reformkit --version` starts fast; everything else is split into chunks loaded on demand.
// What the commands run is bundled into those chunks — the reformkit libraries, zod, yaml,
// date-fns, commander, fflate: some 250 modules, each resolved and read on its own, cost
// 0.15–0.2 s of every run (validate on the example: 0.47 → 0.33 s). The office-file
// libraries stay outside: only report, template, import and extract load them.
export default defineConfig({
  entry: { bin: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  noExternal: [/^@reformkit\//, 'zod', 'yaml', 'date-fns', 'commander', 'fflate'],
  external: ['exceljs', 'docx', 'mammoth'],
  // commander and yaml are CommonJS inside: they require() Node's own modules.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'\nconst require = __createRequire(import.meta.url)",
  },
  esbuildOptions(options) {
    // A library's chunk imported for nothing but its (absent) side effects: nothing to warn of.
    options.logOverride = { 'ignored-bare-import': 'silent' }
  },
  // White space and syntax only: V8 reads every byte of a chunk before running it (the names
  // stay, for stack traces).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  clean: true,
  // Node's modules keep their `node:` names (tsup would strip them before a plugin sees them).
  removeNodeProtocol: false,
  esbuildPlugins: [childProcessOnFirstUse],
  define: { __REFORMKIT_VERSION__: JSON.stringify(version) },
})
