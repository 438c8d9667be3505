// The CLI at province scale, as a user runs it: a generated project (100 districts, the
// ledger split into 100 files, every attachment on disk with its true size and hash) and the
// built `reformkit` run on it as a child process — validate, every report kind as XLSX
// and CSV, bundle as a folder and as a .zip — each timed, its peak RSS measured, and paired
// with JSON.parse of the same ledger files in a child of its own, run just before it — and
// beside the floors of what does not depend on reformkit: `sha256sum` over the attachment
// files, and (without attachments, where nearly every entry has a finding) writing the
// findings' JSON.
//
//   node bench/province.mjs                      10k, 100k and 1M entries, one JSON line each
//   node bench/province.mjs --entries 200000 --check
//                                                 the CI end-to-end test: exit 1 when a
//                                                 command fails or passes RSS_LIMIT_MB
import { spawnSync } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { devNull, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: process.env.BENCH_PROVINCE ?? '10000,100000,1000000' },
    check: { type: 'boolean', default: false },
  },
})
const SIZES = values.entries.split(',').map(Number)
const RSS_LIMIT_MB = 4096
const FILES = 100
const bin = new URL('../dist/bin.cjs', import.meta.url).pathname
const generator = new URL('../../ledger/bench/generate.mjs', import.meta.url).href
const say = (line) => process.stderr.write(`${line}\n`)

/** Write the project: plan.yaml (as JSON, which YAML reads), ledger/dNNN.json, files/. */
function generate(dir, entries) {
  const script = `
    import { mkdirSync, writeFileSync } from 'node:fs'
    import { generateEntries, generatePlan } from ${JSON.stringify(generator)}
    const dir = ${JSON.stringify(dir)}
    const plan = generatePlan()
    const entries = generateEntries(plan)
    writeFileSync(dir + '/plan.yaml', JSON.stringify({ schema: 'reformkit/plan@1', ...plan }))
    // Every attachment exists, small, with its true size and SHA-256 written into the
    // ledger: a well-kept province, whose findings are few.
    const { createHash } = await import('node:crypto')
    const made = new Set()
    for (const e of entries)
      for (const a of e.attachments) {
        const folder = dir + '/' + a.path.replace(/\\/[^/]*$/, '')
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true })
          made.add(folder)
        }
        const body = Buffer.alloc(a.bytes, 'scan of ' + e.id + '\\n')
        a.sha256 = createHash('sha256').update(body).digest('hex')
        writeFileSync(dir + '/' + a.path, body)
      }
    mkdirSync(dir + '/ledger')
    const per = Math.ceil(entries.length / ${FILES})
    for (let f = 0; f < ${FILES}; f++) {
      const chunk = entries.slice(f * per, (f + 1) * per)
      writeFileSync(dir + '/ledger/d' + String(f).padStart(3, '0') + '.json',
        JSON.stringify({ schema: 'reformkit/ledger@1', entries: chunk }))
    }`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, BENCH_ENTRIES: String(entries) },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (result.status !== 0) throw new Error(`generating ${entries} entries failed: ${result.stderr}`)
}

// Extra CA certificates are read at every start (~70 ms for a system bundle): the CLI and
// its JSON.parse baseline run without, as under turbo, which does not pass them on.
const { NODE_EXTRA_CA_CERTS: _certs, ...plainEnv } = process.env

/** Run node with `args` under the RSS probe: wall time, exit code, peak RSS, stderr. */
function run(dir, args) {
  const rssFile = join(dir, '..', 'rss')
  const start = performance.now()
  const result = spawnSync(process.execPath, ['--require', probe, ...args], {
    env: { ...plainEnv, RSS_OUT: rssFile, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  })
  const ms = performance.now() - start
  let peakMb = Number.NaN
  try {
    peakMb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024)
  } catch {}
  return { ms, exit: result.status ?? result.signal, peakMb, stderr: result.stderr ?? '' }
}

const base = mkdtempSync(join(tmpdir(), 'reformkit-province-'))
const probe = join(base, 'rss-probe.cjs')
writeFileSync(
  probe,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)))\n",
)
// JSON.parse of every ledger file, in a child of its own: what the CLI's work is paired with.
const parseAll = (dir) => [
  '-e',
  `const fs = require('node:fs'); for (const f of fs.readdirSync(${JSON.stringify(`${dir}/ledger`)})) JSON.parse(fs.readFileSync(${JSON.stringify(`${dir}/ledger/`)} + f, 'utf8'))`,
]

/** The same project without attachments: every ledger file rewritten without them. */
function withoutAttachments(dir, to) {
  mkdirSync(join(to, 'ledger'), { recursive: true })
  writeFileSync(join(to, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml')))
  for (const f of readdirSync(join(dir, 'ledger'))) {
    const data = JSON.parse(readFileSync(join(dir, 'ledger', f), 'utf8'))
    for (const entry of data.entries) delete entry.attachments
    writeFileSync(join(to, 'ledger', f), JSON.stringify(data))
  }
}

/** sha256sum over the attachment files that exist: the floor for hashing them. */
function sha256sum(dir) {
  const start = performance.now()
  const result = spawnSync(
    'bash',
    ['-c', 'find files -type f -print0 | xargs -0 -r sha256sum > /dev/null'],
    { cwd: dir },
  )
  return result.status === 0 ? performance.now() - start : Number.NaN
}

/**
 * The least that writing validate's findings costs, its floor as `sha256sum` is hashing's:
 * the CLI's findings are captured once (untimed), and a child reads them back (untimed),
 * then writes them as the CLI does — each finding `JSON.stringify`'d on a line of its own,
 * encoded into a 1 MB buffer, written to the null device — timing only that. Without
 * attachments nearly every entry has a finding, and their JSON is 3.5× the ledger's bytes.
 */
function findingsFloor(dir, args) {
  const file = join(dir, '..', 'findings.json')
  const fd = openSync(file, 'w')
  spawnSync(process.execPath, [bin, ...args], {
    env: { ...plainEnv, NO_COLOR: '1', LANG: 'zh_CN.UTF-8' },
    stdio: ['ignore', fd, 'ignore'],
  })
  closeSync(fd)
  const script = `
    const fs = require('node:fs')
    const text = fs.readFileSync(${JSON.stringify(file)})
    const findings = []
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf(10, at)
      if (end < 0) end = text.length
      if (text[at + 4] === 0x7b) findings.push(JSON.parse(text.toString('utf8', at + 4, text[end - 1] === 0x2c ? end - 1 : end)))
      at = end + 1
    }
    const out = fs.openSync(${JSON.stringify(devNull)}, 'w')
    const buffer = Buffer.alloc(1 << 20)
    const start = performance.now()
    let used = 0
    for (let i = 0; i < findings.length; i++) {
      const line = '    ' + JSON.stringify(findings[i]) + (i + 1 < findings.length ? ',\\n' : '\\n')
      if (used + line.length * 3 > buffer.length) {
        fs.writeSync(out, buffer, 0, used)
        used = 0
      }
      if (line.length * 3 > buffer.length) fs.writeSync(out, line)
      else used += buffer.write(line, used)
    }
    fs.writeSync(out, buffer, 0, used)
    process.stdout.write(String(performance.now() - start))`
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', '-e', script], {
    env: plainEnv,
    encoding: 'utf8',
  })
  if (result.status !== 0) say(`  ✖ findings floor: ${result.stderr.trim().split('\n')[0]}`)
  rmSync(file, { force: true })
  return result.status === 0 ? Number(result.stdout) : Number.NaN
}

/**
 * The issue's targets, at 100k entries and more (at 10k the ratio is mostly Node's start):
 * with attachments, within 3× JSON.parse once `sha256sum`'s time is set aside; without,
 * within 3× JSON.parse; a million entries validated in 2 GB. Each line names what it missed.
 */
const TARGETS = {
  xJsonParseBeyondSha256sum: 3,
  xJsonParseNoAttachments: 3,
  validatePeakMbAt1M: 2048,
}
function missed(line) {
  if (line.entries < 100_000) return []
  const over = []
  for (const name of ['validate', 'assessment.xlsx'])
    if (!(line[name].xJsonParseBeyondSha256sum <= TARGETS.xJsonParseBeyondSha256sum))
      over.push(`${name}.xJsonParseBeyondSha256sum`)
  for (const name of ['validate.noAttachments', 'assessment.xlsx.noAttachments'])
    if (!(line[name].xJsonParse <= TARGETS.xJsonParseNoAttachments)) over.push(`${name}.xJsonParse`)
  if (line.entries >= 1_000_000 && !(line.validate.peakMb <= TARGETS.validatePeakMbAt1M))
    over.push('validate.peakMb')
  return over
}

const growth = []
let failed = 0
try {
  for (const entries of SIZES) {
    const dir = join(base, `p${entries}`)
    const out = join(base, `out${entries}`)
    mkdirSync(dir)
    mkdirSync(out)
    say(`province bench: generating ${entries.toLocaleString('en')} entries…`)
    generate(dir, entries)
    const asOf = ['--as-of', '2017-12-31']
    const commands = {
      validate: { args: ['validate', dir, '--format', 'json', ...asOf], ok: [0, 1] },
      ...Object.fromEntries(
        ['progress', 'assessment', 'kpi', 'ledger-index'].flatMap((kind) =>
          ['xlsx', 'csv']
            // The ledger index of more than XLSX_MAX_ROWS entries is CSV only (refused as XLSX).
            .filter((format) => !(kind === 'ledger-index' && format === 'xlsx' && entries > 1e5))
            .map((format) => [
              `${kind}.${format}`,
              {
                args: [
                  'report',
                  dir,
                  '--kind',
                  kind,
                  '--out',
                  join(out, `${kind}.${format}`),
                  ...asOf,
                ],
                ok: [0],
              },
            ]),
        ),
      ),
      'bundle.folder': { args: ['bundle', dir, '--out', join(out, 'copy'), ...asOf], ok: [0] },
      'bundle.zip': { args: ['bundle', dir, '--out', join(out, 'copy.zip'), ...asOf], ok: [0] },
    }
    const line = { bench: 'cli/province', entries, ledgerFiles: FILES, rssLimitMb: RSS_LIMIT_MB }
    // What was just written is flushed and read once before anything is timed: otherwise
    // the first command pays for the write-back the generator left (a user's files are at
    // rest), and sha256sum, timed later, would not.
    spawnSync('sync')
    run(dir, [bin, ...commands.validate.args])
    for (const [name, command] of Object.entries(commands)) {
      const baseline = run(dir, parseAll(dir))
      const result = run(dir, [bin, ...command.args])
      const good = command.ok.includes(result.exit) && result.peakMb <= RSS_LIMIT_MB
      if (!good) failed++
      line[name] = {
        ms: Math.round(result.ms),
        jsonParseMs: Math.round(baseline.ms),
        xJsonParse: Number((result.ms / baseline.ms).toFixed(1)),
        peakMb: result.peakMb,
        exit: result.exit,
      }
      say(
        `  ${good ? '✔' : '✖'} ${name}: ${(result.ms / 1000).toFixed(1)} s, ${result.peakMb} MB, exit ${result.exit}${good ? '' : ` — ${result.stderr.trim().split('\n')[0]}`}`,
      )
    }
    // The same without attachments, and the floor for hashing the attachments.
    const bare = join(base, `bare${entries}`)
    withoutAttachments(dir, bare)
    const shaMs = sha256sum(dir)
    for (const [name, args] of [
      ['validate.noAttachments', ['validate', bare, '--format', 'json', ...asOf]],
      [
        'assessment.xlsx.noAttachments',
        ['report', bare, '--kind', 'assessment', '--out', join(out, 'bare.xlsx'), ...asOf],
      ],
    ]) {
      const baseline = run(bare, parseAll(bare))
      const result = run(bare, [bin, ...args])
      if (![0, 1].includes(result.exit) || result.peakMb > RSS_LIMIT_MB) failed++
      line[name] = {
        ms: Math.round(result.ms),
        jsonParseMs: Math.round(baseline.ms),
        xJsonParse: Number((result.ms / baseline.ms).toFixed(1)),
        peakMb: result.peakMb,
        exit: result.exit,
      }
      if (name === 'validate.noAttachments') {
        const floor = findingsFloor(bare, args)
        line[name].findingsFloorMs = Math.round(floor)
        line[name].xJsonParseBeyondFindings = Number(((result.ms - floor) / baseline.ms).toFixed(1))
      }
      say(`  ✔ ${name}: ${(result.ms / 1000).toFixed(1)} s, ${result.peakMb} MB`)
    }
    rmSync(bare, { recursive: true, force: true })
    line.sha256sumMs = Math.round(shaMs)
    // The target with attachments: within 3× JSON.parse once sha256sum's time is set aside.
    for (const name of ['validate', 'assessment.xlsx'])
      line[name].xJsonParseBeyondSha256sum = Number(
        ((line[name].ms - shaMs) / line[name].jsonParseMs).toFixed(1),
      )
    growth.push({ entries, validateMs: line.validate.ms })
    line.targets = TARGETS
    line.missed = missed(line)
    console.log(JSON.stringify(line))
    rmSync(dir, { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
  }
  // How time grows with the ledger: per 10× entries, linear is 10×.
  if (growth.length > 1)
    console.log(
      JSON.stringify({
        bench: 'cli/province-growth',
        validate: growth.slice(1).map((g, i) => ({
          from: growth[i]?.entries,
          to: g.entries,
          perTenfold: Number(
            (
              (g.validateMs / (growth[i]?.validateMs ?? 1)) **
              (1 / Math.log10(g.entries / (growth[i]?.entries ?? 1)))
            ).toFixed(1),
          ),
        })),
        target: 11,
      }),
    )
} finally {
  rmSync(base, { recursive: true, force: true })
}
if (values.check && failed) {
  say(`province bench: ${failed} command(s) failed or passed ${RSS_LIMIT_MB} MB`)
  process.exit(1)
}
