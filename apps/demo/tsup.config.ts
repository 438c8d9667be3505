import { defineConfig } from 'tsup'

// The demo runs the built @reformkit/model (not its sources), as a user of the package would.
export default defineConfig({
  entry: { summary: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
})
