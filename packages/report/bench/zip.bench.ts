// pnpm bench (zip part): the one zip writer (UTC dates; fflate, or native deflate for large
// parts) against fflate's zipSync, the maintained library, on the parts of a real report
// XLSX and on a bundle-like set of files. vitest bench prints how many times faster the
// faster one is.
import { readFileSync } from 'node:fs'
import { unzipSync, zipSync } from 'fflate'
import { bench, describe } from 'vitest'
import { renderReport } from '../src/render/render.js'
import { zipFiles } from '../src/render/zip.js'
import { buildReport } from '../src/reports/build.js'
import { loadExample } from '../test/example.js'

const example = await loadExample()
const model = buildReport({ ...example, kind: 'ledger-index' })
const xlsx = unzipSync((await renderReport(model, { format: 'xlsx' })) as Uint8Array)
const date = new Date('2017-12-31T12:00:00Z')
const root = new URL('../../../examples/wuhan-etdz-2017/', import.meta.url)
const bundle: Array<[string, Uint8Array]> = example.loaded.files.map((f) => [
  f,
  new Uint8Array(readFileSync(new URL(f, root))),
])
// A larger ledger: the example's files repeated as 40 districts.
const big = Array.from({ length: 40 }, (_, d) =>
  bundle.map(([f, b]) => [`d${d}/${f}`, b] as const),
).flat()

for (const [name, files] of [
  ['XLSX parts', Object.entries(xlsx)],
  ['bundle of 40 districts', big],
] as const) {
  describe(name, () => {
    bench('zipFiles (reformkit: fflate, native deflate from 64 KiB)', async () => {
      await zipFiles(files, date)
    })
    bench('fflate zipSync (level 6)', () => {
      zipSync(Object.fromEntries(files.map(([n, b]) => [n, [b, { mtime: date }]])), { level: 6 })
    })
  })
}
