import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

// The command is ESM only: nobody require()s a binary. `bin` stays tiny so that
// `reformkit --version` starts fast; everything else is split into chunks loaded on demand.
export default defineConfig({
  entry: { bin: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  splitting: true,
  sourcemap: true,
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
  define: { __REFORMKIT_VERSION__: JSON.stringify(version) },
})
