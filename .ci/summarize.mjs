// Sums the vitest JSON reports that `pnpm test` writes under CI (one per package) and the
// Playwright JSON report of the demo's browser tests, and prints one closing line:
// "tests: N passed, N failed, N skipped". Exits 1 on failures or when no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let passed = 0
let failed = 0
let skipped = 0
let reports = 0
for (const area of ['packages', 'apps', 'tooling']) {
  if (!existsSync(area)) continue
  for (const name of readdirSync(area)) {
    const file = join(area, name, '.vitest-results.json')
    if (!existsSync(file)) continue
    const report = JSON.parse(readFileSync(file, 'utf8'))
    reports++
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  }
  for (const name of readdirSync(area)) {
    const file = join(area, name, '.playwright-results.json')
    if (!existsSync(file)) continue
    const { stats } = JSON.parse(readFileSync(file, 'utf8'))
    reports++
    passed += stats.expected + stats.flaky
    failed += stats.unexpected
    skipped += stats.skipped
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (reports === 0 || passed === 0 || failed > 0) process.exit(1)
