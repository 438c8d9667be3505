// pnpm bench (ledger part): a seeded, province-scale ledger — 100 districts × 15 items,
// 1,000,000 entries — checked by checkLedger with every rule that needs no file system,
// timed in the same run against (a) JSON.parse of the same data and (b) ajv validating the
// same entries against the ledger JSON Schema (structure only). Also, as the CLI meets the
// ledger: parseLedger of the same text against JSON.parse (target ≤ 2), and checkLedger on
// the entries parseLedger gives (with their sources), once as the ledger is and once with a
// finding on every entry (checked a year early: every date is in the future). Prints one
// JSON line. Targets (reported, never asserted): ratioJsonParse ≤ 3, ratioAjv ≤ 1.5,
// ratioParseLedger ≤ 2.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { checkLedger, ledgerJsonSchema, parseLedger, rules } from '../dist/index.js'
import { generateEntries, generatePlan, median, pairedRatio, time } from './generate.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)

const plan = generatePlan()
const text = JSON.stringify({ schema: 'reformkit/ledger@1', entries: generateEntries(plan) })
const entrySchema = ledgerJsonSchema().properties.entries
const validate = new Ajv2020({ strict: false }).compile({ ...entrySchema, $schema: undefined })
const fsRules = rules.filter((rule) => !rule.meta.needs)

const parseMs = []
const ajvMs = []
const checkMs = []
const parseLedgerMs = []
const checkParsedMs = []
const checkHeavyMs = []
let heavyFindings = 0
let stats
// Each contender starts on a collected heap (run with --expose-gc), so none pays for the
// garbage another left behind.
const settle = () => globalThis.gc?.()
for (let run = 0; run < RUNS; run++) {
  settle()
  const [p, data] = await time(() => JSON.parse(text))
  settle()
  parseMs.push(p)
  const [a, valid] = await time(() => validate(data.entries))
  if (!valid)
    throw new Error(`bench ledger invalid: ${JSON.stringify(validate.errors?.slice(0, 3))}`)
  ajvMs.push(a)
  settle()
  const [c, result] = await time(() =>
    checkLedger({ plan, entries: data.entries, asOf: '2017-12-31', rules: fsRules }),
  )
  checkMs.push(c)
  stats = result.stats
  settle()
  const [l, parsed] = await time(() =>
    parseLedger(text, { filename: 'ledger/all.json', plan, maxBytes: Number.POSITIVE_INFINITY }),
  )
  parseLedgerMs.push(l)
  settle()
  const [cp] = await time(() =>
    checkLedger({ plan, entries: parsed.entries, asOf: '2017-12-31', rules: fsRules }),
  )
  checkParsedMs.push(cp)
  settle()
  const [ch, heavy] = await time(() =>
    checkLedger({ plan, entries: parsed.entries, asOf: '2016-12-31', rules: fsRules }),
  )
  checkHeavyMs.push(ch)
  heavyFindings = heavy.diagnostics.length
  if (process.env.BENCH_VERBOSE)
    console.error(JSON.stringify({ run, parseMs: p, ajvMs: a, checkMs: c }))
}

// parseLedger against JSON.parse at 10k and 100k entries too, each in a process of its own
// (beside the million entries above, the collector's work on a 5 GB heap would be timed
// too), warmed up first, paired per run: bench/parse-ledger.mjs.
const parseLedgerBySize = {}
for (const size of [10_000, 100_000]) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(new URL('./parse-ledger.mjs', import.meta.url))],
    { env: { ...process.env, BENCH_ENTRIES: String(size) }, encoding: 'utf8' },
  )
  if (child.status !== 0) throw new Error(`parse-ledger.mjs ${size}: ${child.stderr}`)
  parseLedgerBySize[size] = JSON.parse(child.stdout).ratioParseLedger
}

console.log(
  JSON.stringify({
    bench: 'ledger/checkLedger',
    entries: stats.entries,
    rules: stats.rulesRun,
    findings: stats.errors + stats.warnings + stats.infos,
    megabytes: Math.round(Buffer.byteLength(text) / 1024 / 1024),
    runs: RUNS,
    checkMs: Math.round(median(checkMs)),
    jsonParseMs: Math.round(median(parseMs)),
    ajvMs: Math.round(median(ajvMs)),
    ratioJsonParse: pairedRatio(checkMs, parseMs),
    ratioAjv: pairedRatio(checkMs, ajvMs),
    parseLedgerMs: Math.round(median(parseLedgerMs)),
    ratioParseLedger: pairedRatio(parseLedgerMs, parseMs),
    ratioParseLedgerBySize: {
      ...parseLedgerBySize,
      [stats.entries]: pairedRatio(parseLedgerMs, parseMs),
    },
    checkParsedMs: Math.round(median(checkParsedMs)),
    ratioCheckParsedJsonParse: pairedRatio(checkParsedMs, parseMs),
    checkFindingsHeavyMs: Math.round(median(checkHeavyMs)),
    findingsHeavy: heavyFindings,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    targets: { ratioJsonParse: 3, ratioAjv: 1.5, ratioParseLedger: 2 },
  }),
)
