// parseLedger against JSON.parse of the same text, BENCH_ENTRIES entries (default 100,000),
// in a fresh process: both warmed up, then paired runs. Prints one JSON line; the ledger
// bench runs it at 10k and 100k. Target (reported, never asserted): ratio ≤ 2.
import { parseLedger } from '../dist/index.js'
import { generateEntries, generatePlan, median, pairedRatio, time } from './generate.mjs'

const plan = generatePlan()
const text = JSON.stringify({ schema: 'reformkit/ledger@1', entries: generateEntries(plan) })
const options = { filename: 'ledger/part.json', plan, maxBytes: Number.POSITIVE_INFINITY }
for (let warm = 0; warm < 3; warm++) {
  JSON.parse(text)
  parseLedger(text, options)
}
const json = []
const mine = []
for (let run = 0; run < 9; run++) {
  globalThis.gc?.()
  json.push((await time(() => JSON.parse(text)))[0])
  globalThis.gc?.()
  mine.push((await time(() => parseLedger(text, options)))[0])
}
console.log(
  JSON.stringify({
    bench: 'ledger/parseLedger',
    entries: Number(process.env.BENCH_ENTRIES ?? 100_000),
    jsonParseMs: Math.round(median(json)),
    parseLedgerMs: Math.round(median(mine)),
    ratioParseLedger: pairedRatio(mine, json),
    target: 2,
  }),
)
