// pnpm bench (report part): the assessment report of the province-scale generated ledger
// (1,000,000 entries, 1,500 items, 1,600 units) — views, model and XLSX — timed in the
// same run against exceljs's streaming writer writing the same rows raw (text and
// numbers, no styles). Prints one JSON line: ratioRawExceljs compares rendering the rows,
// ratioTotalRawExceljs the whole report with its computation over the million entries.
// Targets (reported, never asserted): ratioRawExceljs ≤ 1.3, peakRssMb ≤ 2048.
import { Writable } from 'node:stream'
import { checkLedger, rules } from '@reformkit/ledger'
import ExcelJS from 'exceljs'
import {
  generateEntries,
  generatePlan,
  median,
  pairedRatio,
  time,
} from '../../ledger/bench/generate.mjs'
import { buildReport, computeViews, renderReport } from '../dist/index.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const plan = generatePlan()
const entries = generateEntries(plan)
const { diagnostics } = checkLedger({
  plan,
  entries,
  asOf: '2017-12-31',
  rules: rules.filter((r) => !r.meta.needs),
})

// Each timed part starts on a collected heap (run with --expose-gc), so none pays for the
// garbage another left behind.
const settle = () => globalThis.gc?.()

async function ours() {
  settle()
  const [viewsMs, views] = await time(() =>
    computeViews({ plan, entries, diagnostics, asOf: '2017-12-31' }),
  )
  settle()
  const [renderMs, model] = await time(async () => {
    const built = buildReport({
      plan,
      entries,
      diagnostics,
      asOf: '2017-12-31',
      kind: 'assessment',
      views,
    })
    await renderReport(built, { format: 'xlsx' })
    return built
  })
  return { model, viewsMs, renderMs }
}

async function raw(model) {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true })
  for (const section of model.sections) {
    const sheet = workbook.addWorksheet(section.id)
    sheet.addRow(section.table.columns.map((c) => c.label.zh)).commit()
    for (const row of section.table.rows)
      sheet
        .addRow(
          section.table.columns.map((c) => {
            const cell = row[c.key]
            return cell === null || typeof cell !== 'object'
              ? cell
              : 'light' in cell
                ? cell.light
                : cell.zh
          }),
        )
        .commit()
    sheet.commit()
  }
  await workbook.commit()
}

const oursMs = []
const viewsMs = []
const renderMs = []
const rawMs = []
let rows = 0
for (let run = 0; run < RUNS; run++) {
  const { model, viewsMs: v, renderMs: r } = await ours()
  oursMs.push(v + r)
  viewsMs.push(v)
  renderMs.push(r)
  rows = model.sections.reduce((sum, s) => sum + (s.table?.rows.length ?? 0), 0)
  settle()
  const [b] = await time(() => raw(model))
  rawMs.push(b)
}
console.log(
  JSON.stringify({
    bench: 'report/assessment-xlsx',
    entries: entries.length,
    rows,
    runs: RUNS,
    reportMs: Math.round(median(oursMs)),
    viewsMs: Math.round(median(viewsMs)),
    renderMs: Math.round(median(renderMs)),
    rawExceljsMs: Math.round(median(rawMs)),
    // Rendering the report's rows (model + styled XLSX) against writing them raw.
    ratioRawExceljs: pairedRatio(renderMs, rawMs),
    // The whole report, computing 1,000,000 entries into views included.
    ratioTotalRawExceljs: pairedRatio(oursMs, rawMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    targets: { ratioRawExceljs: 1.3, peakRssMb: 2048 },
  }),
)
