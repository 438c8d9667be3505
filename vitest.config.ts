import { defineConfig } from 'vitest/config'

// Runs every package's tests at once from the root: `pnpm vitest`.
// `pnpm test` runs them per package through turbo (with build, typecheck and lint).
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
})
