// @ts-check
import { defineConfig } from 'tsup'

/**
 * The build every reformkit library shares: ESM + CJS, declarations per format,
 * sources targeting Node 20 and evergreen browsers, no minification (readable dist).
 *
 * @param {{ entry?: Record<string, string>, platform?: 'neutral' | 'node' }} [options]
 */
export function defineLibraryConfig(options = {}) {
  return defineConfig({
    entry: options.entry ?? { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: options.platform ?? 'neutral',
    target: 'es2022',
    // The `@reformkit/source` condition points workspace packages at their sources for
    // tests and typecheck; declarations must refer to the published types instead.
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: true,
  })
}
