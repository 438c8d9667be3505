// pnpm bench (cli part): cold start of `reformkit --version` against `node -e 0`, each run
// as a fresh process, alternating, ≥ 10 times. Prints one JSON line; target ratio ≤ 3.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const time = (args) => {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return performance.now() - start
}

const version = []
const baseline = []
time(['-e', '0']) // warm the file cache
time([bin, '--version'])
for (let run = 0; run < RUNS; run++) {
  baseline.push(time(['-e', '0']))
  version.push(time([bin, '--version']))
}
console.log(
  JSON.stringify({
    bench: 'cli/startup',
    runs: RUNS,
    versionMs: Math.round(median(version)),
    nodeBaselineMs: Math.round(median(baseline)),
    ratio: Number((median(version) / median(baseline)).toFixed(2)),
    target: 3,
  }),
)
