// The public API, checked in as api.md: an export added or removed without updating it
// fails here, so every change of the surface shows in review (UPDATE_API=1 to regenerate).
import { readFileSync } from 'node:fs'
import { apiReport, checkedIn } from '@reformkit/vitest-config/api-report'
import { expect, it } from 'vitest'

it('exports exactly what api.md lists', () => {
  const report = apiReport('@reformkit/report', {
    '.': new URL('../src/index.ts', import.meta.url),
    './node': new URL('../src/node/index.ts', import.meta.url),
  })
  expect(report).toBe(checkedIn(new URL('../api.md', import.meta.url), report))
})

it('documents every export in the README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const names = [
    ...readFileSync(new URL('../api.md', import.meta.url), 'utf8').matchAll(/^- `(\w+)`/gm),
  ]
  const missing = names
    .map((m) => m[1] as string)
    .filter((n) => !new RegExp(`\\b${n}\\b`).test(readme))
  expect(missing).toEqual([])
})
