// @ts-check
import { defineProject } from 'vitest/config'

/**
 * One vitest project per package: sources resolved through the `@reformkit/source`
 * condition (no build needed), tests beside the code. Under CI a JSON report is written
 * beside the package so `.ci/run` can print one closing line for the whole run.
 *
 * @param {string} name the project name shown in vitest output
 */
export function defineReformkitProject(name) {
  return defineProject({
    resolve: { conditions: ['@reformkit/source'] },
    ssr: { resolve: { conditions: ['@reformkit/source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      // Hooks set up and remove the tests' temporary projects (copies of the example, files
      // of gigabytes): on a loaded machine removing them outlasted vitest's 10 s (a CI run
      // failed so, every test passed). Given the time a test has.
      hookTimeout: 60_000,
      ...(process.env.CI
        ? { reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]] }
        : {}),
    },
  })
}
