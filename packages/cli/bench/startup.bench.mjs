// pnpm bench (cli part): cold start of `reformkit --version` and of `reformkit validate` on
// the shipped Wuhan example, against `node -e 0`, each run as a fresh process, alternating,
// ≥ 10 times. validate runs as a user's second run does (the compile cache written by the
// first), and also with the cache off (REFORMKIT_COMPILE_CACHE=0: every run a first run).
// Prints one JSON line; target ratios ≤ 3.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 15))
const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url))
const example = fileURLToPath(new URL('../../../examples/wuhan-etdz-2017/', import.meta.url))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const cacheDir = mkdtempSync(join(tmpdir(), 'reformkit-bench-cache-'))
// Extra CA certificates are read at every start (~70 ms for a system bundle, on this machine
// set in the shell but not under turbo): added to both sides, they would flatter the ratio.
const { NODE_EXTRA_CA_CERTS: _certs, ...plainEnv } = process.env
const time = (args, ok = [0], env = {}) => {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...plainEnv, REFORMKIT_CACHE_DIR: cacheDir, ...env },
  })
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
const validateUncached = []
const baseline = []
const uncached = { REFORMKIT_COMPILE_CACHE: '0' }
time(['-e', '0']) // warm the file cache
time([bin, '--version'])
time(validateArgs, [0, 1])
for (let run = 0; run < RUNS; run++) {
  baseline.push(time(['-e', '0']))
  version.push(time([bin, '--version']))
  validate.push(time(validateArgs, [0, 1]))
  validateUncached.push(time(validateArgs, [0, 1], uncached))
}
rmSync(cacheDir, { recursive: true, force: true })
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
    validateUncachedMs: Math.round(median(validateUncached)),
    validateUncachedRatio: ratio(validateUncached),
    target: 3,
  }),
)
