import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

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
  // A library's chunk imported for nothing but its (absent) side effects: nothing to warn of.
  esbuildOptions(options) {
    options.logOverride = { 'ignored-bare-import': 'silent' }
  },
  sourcemap: true,
  clean: true,
  define: { __REFORMKIT_VERSION__: JSON.stringify(version) },
})
