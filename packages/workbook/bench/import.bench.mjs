// pnpm --filter @reformkit/workbook bench (part of `pnpm bench`): importing a 100,000-row
// workbook against exceljs reading the same file alone — each in a child process of its
// own, alternated, three rounds, so that their times and peak memory are paired in one run
// — and the templates of all 17 Wuhan units. Prints one JSON line.
// Targets: import ≤ 1.5× exceljs; import peak RSS ≤ 1 GB; 17 templates ≤ 2 s.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ENTRY_KINDS } from '@reformkit/ledger'
import { parsePlan } from '@reformkit/model'

const plan = parsePlan(
  readFileSync(new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url), 'utf8'),
).plan
const [mode, file] = process.argv.slice(2)

if (mode === 'exceljs') {
  const { default: ExcelJS } = await import('exceljs')
  const started = performance.now()
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(file))
  let cells = 0
  book.getWorksheet('台账').eachRow((row) => {
    cells += row.cellCount
  })
  report(started, { cells })
} else if (mode === 'import') {
  const { importWorkbook } = await import('../dist/index.js')
  const started = performance.now()
  const read = importWorkbook(new Uint8Array(readFileSync(file)), { plan, filename: 'big.xlsx' })
  report(started, {
    entries: read.entries.length,
    errors: read.diagnostics.filter((d) => d.severity === 'error').length,
  })
} else if (mode === 'make') {
  const { createTemplate } = await import('../dist/index.js')
  const rows = Number(process.argv[4])
  const entries = Array.from({ length: rows }, (_, i) => {
    const item = plan.items[i % plan.items.length]
    return {
      id: `e-${i}`,
      item: item.id,
      unit: item.responsible.find((u) => plan.units.some((x) => x.id === u)) ?? plan.units[0].id,
      kind: ENTRY_KINDS[i % 11],
      date: `2017-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      title: `第${i}号材料:关于“${item.title}”的推进情况`,
      note: i % 3 === 0 ? `备注 ${i}` : undefined,
      attachments: i % 2 === 0 ? [{ path: `files/u/${i}.pdf` }] : [],
    }
  })
  const started = performance.now()
  writeFileSync(file, await createTemplate({ plan, entries, blankRows: 0 }))
  report(started, { rows })
} else {
  const rows = Number(process.env.ROWS ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'reformkit-wb-bench-'))
  const big = join(dir, 'big.xlsx')
  try {
    const made = child('make', big, String(rows))
    const rounds = []
    for (let round = 0; round < 3; round++)
      rounds.push({ exceljs: child('exceljs', big), ours: child('import', big) })
    const median = (values) => values.sort((a, b) => a - b)[1]
    const importMs = median(rounds.map((r) => r.ours.ms))
    const exceljsMs = median(rounds.map((r) => r.exceljs.ms))
    // Templates of all 17 units, in this process (exceljs loaded once, as a CLI run would).
    const { createTemplate } = await import('../dist/index.js')
    await createTemplate({ plan, unit: plan.units[0].id }) // warm-up
    const started = performance.now()
    for (const unit of plan.units) await createTemplate({ plan, unit: unit.id })
    const templatesMs = Math.round(performance.now() - started)
    console.log(
      JSON.stringify({
        bench: 'workbook',
        rows,
        fileMb: +(readFileSync(big).length / 1048576).toFixed(1),
        makeMs: made.ms,
        makePeakRssMb: made.peakRssMb,
        importMs,
        exceljsMs,
        ratioExceljs: +(importMs / exceljsMs).toFixed(2),
        importPeakRssMb: Math.max(...rounds.map((r) => r.ours.peakRssMb)),
        exceljsPeakRssMb: Math.max(...rounds.map((r) => r.exceljs.peakRssMb)),
        entries: rounds[0].ours.entries,
        units: plan.units.length,
        templatesMs,
        targets: { ratioExceljs: 1.5, importPeakRssMb: 1024, templatesMs: 2000 },
      }),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function report(started, extra) {
  const ms = Math.round(performance.now() - started)
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  console.log(JSON.stringify({ ms, peakRssMb, ...extra }))
}

function child(...args) {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', fileURLToPath(import.meta.url), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop())
}
