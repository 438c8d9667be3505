// pnpm bench (cli part): cold start of `reformkit --version` and of `reformkit validate` on
// the shipped Wuhan example, against `node -e 0`, each run as a fresh process, alternating,
// ≥ 10 times. Prints one JSON line; target ratios ≤ 3 (issue 16: validate on the example
// is still above it — its plan and 16 ledger files are YAML, read through `yaml` and zod).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const example = fileURLToPath(new URL('../../../examples/wuhan-etdz-2017/', import.meta.url))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const time = (args, ok = [0]) => {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (!ok.includes(result.status)) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  const took = performance.now() - start
  // Exit 1 is "findings"; a crash exits 1 too, so the findings must be there.
  if (args.includes('validate') && !JSON.parse(result.stdout).summary)
    throw new Error(`${args.join(' ')} printed no findings: ${result.stderr}`)
  return took
}

const validateArgs = [bin, 'validate', example, '--as-of', '2017-12-31', '--format', 'json']
const version = []
const validate = []
const baseline = []
time(['-e', '0']) // warm the file cache
time([bin, '--version'])
time(validateArgs, [0, 1])
for (let run = 0; run < RUNS; run++) {
  baseline.push(time(['-e', '0']))
  version.push(time([bin, '--version']))
  validate.push(time(validateArgs, [0, 1]))
}
const ratio = (values) => Number((median(values) / median(baseline)).toFixed(2))
console.log(
  JSON.stringify({
    bench: 'cli/startup',
    runs: RUNS,
    nodeBaselineMs: Math.round(median(baseline)),
    versionMs: Math.round(median(version)),
    ratio: ratio(version),
    validateExampleMs: Math.round(median(validate)),
    validateRatio: ratio(validate),
    target: 3,
  }),
)
