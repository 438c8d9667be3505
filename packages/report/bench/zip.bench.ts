// pnpm bench (zip part): the one zip writer (UTC dates; fflate, or native deflate for large
// parts) against fflate's zipSync, the maintained library, on the parts of a real report
// XLSX and on a bundle-like set of files. vitest bench prints how many times faster the
// faster one is; and what the exceljs adapter (render/exceljs-internals.ts) buys over
// exceljs's public writer.
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { unzipSync, zipSync } from 'fflate'
import { bench, describe } from 'vitest'
import { workbookFiles } from '../src/render/exceljs-internals.js'
import { renderReport } from '../src/render/render.js'
import { officeZip, reproducibleZip, zipFiles } from '../src/render/zip.js'
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

// What the exceljs adapter buys: the same workbook (20,000 rows) written by exceljs's own
// writeBuffer (JSZip) and re-zipped to be reproducible, or collected through the adapter
// and zipped once.
function workbook() {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('台账')
  for (let r = 0; r < 20_000; r++) sheet.addRow([`条目 ${r}`, '调研', r * 7, '2017-03-05'])
  return book
}
describe('XLSX of 20,000 rows', () => {
  bench('exceljs adapter + officeZip', async () => {
    await officeZip(await workbookFiles(workbook(), new Map()), date)
  })
  bench('exceljs writeBuffer + reproducibleZip', async () => {
    const bytes = new Uint8Array(await workbook().xlsx.writeBuffer())
    await reproducibleZip(bytes, date)
  })
})
