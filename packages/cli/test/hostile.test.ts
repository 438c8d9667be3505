// Hostile input through the built CLI, as a user meets it (issue 14): each case runs the
// command in a child process with a small heap (memory bounded: a blow-up aborts and fails
// the case), within a time limit (a hang fails it too), and asserts the exit code, one line
// of reason on stderr for exits 2 and 3, no stack trace, and that no input file changed.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, example, tempBase } from './fixtures.js'

const base = tempBase('reformkit-hostile-')
/**
 * Preloaded into each child: writes its peak RSS (KiB) where RSS_OUT says on exit. The heap
 * limit catches a blow-up of JS objects; this catches buffers, which live outside the heap.
 */
const rssProbe = join(base, 'rss-probe.cjs')
writeFileSync(
  rssProbe,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)))\n",
)
/** Peak RSS allowed to any case: the example is small; a whole hostile file in memory is not. */
const RSS_LIMIT_MB = 320

let made = 0
/** A copy of the example, broken in one way. */
function project(change: (dir: string) => void = () => {}): string {
  const dir = join(base, `p${++made}`)
  cpSync(example, dir, { recursive: true })
  change(dir)
  return dir
}
const file = (dir: string, path: string, text: string | Uint8Array) =>
  writeFileSync(join(dir, path), text)
const entry = (fields: string) =>
  `  - { id: h-${made}, item: item-01, kind: research, date: 2017-09-01, title: 调研${fields} }\n`
const addEntry = (dir: string, fields: string) =>
  appendFileSync(join(dir, 'ledger', 'fgj.yaml'), entry(fields))
/** An entry whose title is a YAML double-quoted string (escapes such as \\u001b apply). */
const addTitled = (dir: string, title: string) =>
  appendFileSync(
    join(dir, 'ledger', 'fgj.yaml'),
    `  - { id: t-${made}, item: item-01, kind: research, date: 2017-09-01, title: "${title}" }\n`,
  )
const fifo = (path: string) => spawnSync('mkfifo', [path])

/** SHA-256 of every regular file under `dir`: what "no input changed" compares. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      const info = statSync(path, { throwIfNoEntry: false })
      if (info?.isDirectory()) walk(path)
      else if (info?.isFile() && info.size < 64 * 1024 * 1024)
        out.set(path, createHash('sha256').update(readFileSync(path)).digest('hex'))
    }
  }
  walk(dir)
  return out
}

interface Case {
  name: string
  /** The arguments; `dir` is the project the case made. */
  args: (dir: string) => string[]
  setup?: (dir: string) => void
  code: number
  /** What stdout (exit 0 and 1) or stderr (others) says. */
  says?: RegExp
  /** Where the reason goes when not the default (verify lists findings on stdout). */
  stream?: 'stdout' | 'stderr'
}

const validate = (dir: string) => ['validate', dir, '--as-of', '2017-12-31']
const cases: Case[] = [
  // plan.yaml
  {
    name: 'plan: YAML syntax error',
    setup: (d) => file(d, 'plan.yaml', 'schema: reformkit/plan@1\nid: [\n'),
    args: validate,
    code: 1,
    says: /YAML\/JSON/,
  },
  {
    name: 'plan: alias bomb',
    setup: (d) =>
      file(
        d,
        'plan.yaml',
        `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`,
      ),
    args: validate,
    code: 1,
  },
  {
    name: 'plan: nested 100,000 deep',
    setup: (d) => file(d, 'plan.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    args: validate,
    code: 1,
  },
  {
    name: 'plan: a list, not a mapping',
    setup: (d) => file(d, 'plan.yaml', '- a\n- b\n'),
    args: validate,
    code: 1,
  },
  {
    name: 'plan: schema of a future major version',
    setup: (d) =>
      file(
        d,
        'plan.yaml',
        readFileSync(join(d, 'plan.yaml'), 'utf8').replace('reformkit/plan@1', 'reformkit/plan@9'),
      ),
    args: validate,
    code: 1,
    says: /plan@9/,
  },
  { name: 'plan: empty', setup: (d) => file(d, 'plan.yaml', ''), args: validate, code: 1 },
  {
    name: 'plan: binary (NUL bytes)',
    setup: (d) => file(d, 'plan.yaml', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])),
    args: validate,
    code: 1,
    says: /不是文本文件/,
  },
  {
    name: 'plan: duplicate key, named in full',
    setup: (d) => appendFileSync(join(d, 'plan.yaml'), 'title: again\n'),
    args: validate,
    code: 1,
    says: /键“title”出现了两次/,
  },
  {
    name: 'plan: __proto__ key',
    setup: (d) => appendFileSync(join(d, 'plan.yaml'), '__proto__: { polluted: true }\n'),
    args: validate,
    code: 1,
  },
  {
    name: 'plan: a pipe',
    setup: (d) => {
      rmSync(join(d, 'plan.yaml'))
      fifo(join(d, 'plan.yaml'))
    },
    args: validate,
    code: 1,
    says: /不是普通文件/,
  },
  {
    name: 'plan: 3 GiB (sparse)',
    setup: (d) => truncateSync(join(d, 'plan.yaml'), 3 * 1024 ** 3),
    args: validate,
    code: 1,
    says: /超过上限/,
  },
  {
    name: 'plan: a folder',
    setup: (d) => {
      rmSync(join(d, 'plan.yaml'))
      mkdirSync(join(d, 'plan.yaml'))
    },
    args: validate,
    code: 1,
  },
  {
    name: 'plan: missing',
    setup: (d) => rmSync(join(d, 'plan.yaml')),
    args: validate,
    code: 3,
    says: /没有 plan\.yaml/,
  },
  // reformkit.config.yaml
  {
    name: 'config: a pipe',
    setup: (d) => {
      rmSync(join(d, 'reformkit.config.yaml'))
      fifo(join(d, 'reformkit.config.yaml'))
    },
    args: validate,
    code: 1,
    says: /不是普通文件/,
  },
  {
    name: 'config: an option moved to requirements',
    setup: (d) =>
      file(
        d,
        'reformkit.config.yaml',
        'rules:\n  supervision/cadence: [warning, { interval: month }]\n',
      ),
    args: validate,
    code: 1,
    says: /requirements\.supervision/,
  },
  {
    name: 'config: unknown rule',
    setup: (d) => file(d, 'reformkit.config.yaml', 'rules:\n  entry/futur-date: off\n'),
    args: validate,
    code: 1,
    says: /entry\/future-date/,
  },
  {
    name: 'config: a string',
    setup: (d) => file(d, 'reformkit.config.yaml', 'just text\n'),
    args: validate,
    code: 1,
  },
  // ledger
  {
    name: 'ledger: the folder is a pipe',
    setup: (d) => {
      rmSync(join(d, 'ledger'), { recursive: true })
      fifo(join(d, 'ledger'))
    },
    args: validate,
    code: 1,
    says: /不是普通文件/,
  },
  {
    name: 'ledger: over 64 MiB (sparse)',
    setup: (d) => truncateSync(join(d, 'ledger', 'fgj.yaml'), 64 * 1024 * 1024 + 1),
    args: validate,
    code: 1,
    says: /台账文件大小为 64\.0 MiB,超过上限 64\.0 MiB;请按单位或年度拆分/,
  },
  {
    name: 'ledger: one invalid UTF-8 byte',
    setup: (d) => {
      const bytes = readFileSync(join(d, 'ledger', 'fgj.yaml'))
      file(
        d,
        'ledger/fgj.yaml',
        Buffer.concat([bytes.subarray(0, 200), Buffer.from([0xff]), bytes.subarray(200)]),
      )
    },
    args: validate,
    code: 1,
    says: /source\/invalid-utf8/,
  },
  {
    name: 'ledger: GB18030',
    setup: (d) =>
      file(
        d,
        'ledger/extra.yaml',
        Buffer.from('736368656d613a207265666f726d6b69742f6c65646765724031', 'hex'),
      ),
    args: validate,
    code: 1,
  },
  {
    name: 'ledger: escape sequences in a path reach the terminal escaped',
    setup: (d) =>
      addEntry(d, ', attachments: [{ path: "files/\\u001b[2J\\u001b]8;;http://x\\u0007.txt" }]'),
    args: validate,
    code: 1,
    says: /\\x1b\[2J/,
  },
  {
    name: 'ledger: a newline in an attachment path cannot forge a line',
    setup: (d) => addEntry(d, ', attachments: [{ path: "files/a\\n  1:1  错误  伪造" }]'),
    args: validate,
    code: 1,
    says: /files\/a\\n/,
  },
  {
    name: 'ledger: U+FFFE in a title',
    setup: (d) => addTitled(d, '调研\\uFFFE报告'),
    args: validate,
    code: 1,
    says: /ledger\/invalid-characters/,
  },
  {
    name: 'ledger: absolute attachment path',
    setup: (d) => addEntry(d, ', attachments: [{ path: /etc/passwd }]'),
    args: validate,
    code: 1,
    says: /attachment\/outside-root/,
  },
  {
    name: 'ledger: attachment symlinked out of the folder',
    setup: (d) => {
      symlinkSync('/etc/passwd', join(d, 'files', 'fgj', 'evil.txt'))
      addEntry(d, ', attachments: [{ path: files/fgj/evil.txt }]')
    },
    args: validate,
    code: 1,
    says: /符号链接/,
  },
  {
    name: 'ledger: attachment is a pipe',
    setup: (d) => {
      fifo(join(d, 'files', 'fgj', 'pipe.txt'))
      addEntry(d, ', attachments: [{ path: files/fgj/pipe.txt }]')
    },
    args: validate,
    code: 1,
  },
  {
    name: 'ledger: NaN as a KPI value',
    setup: (d) =>
      appendFileSync(
        join(d, 'ledger', 'fgj.yaml'),
        '  - { id: nan-1, item: item-01, kind: kpiReport, date: 2017-09-01, title: 指标, kpi: { id: platforms, value: .nan } }\n',
      ),
    args: validate,
    code: 1,
    says: /非数值/,
  },
  // flags
  {
    name: 'flag: a date that is not a day',
    args: (d) => ['validate', d, '--as-of', '2017-02-30'],
    code: 2,
    says: /YYYY-MM-DD/,
  },
  { name: 'flag: unknown language', args: (d) => ['validate', d, '--lang', 'fr'], code: 2 },
  { name: 'flag: unknown command', args: () => ['frobnicate'], code: 2 },
  {
    name: 'flag: unknown rule',
    args: (d) => ['validate', d, '--rule', 'entry/futur-date:off'],
    code: 2,
    says: /entry\/future-date/,
  },
  {
    name: 'flag: --max-warnings not a number',
    args: (d) => ['validate', d, '--max-warnings', 'many'],
    code: 2,
  },
  {
    name: 'report: DOCX without --out',
    args: (d) => ['report', d, '--format', 'docx'],
    code: 2,
    says: /--out/,
  },
  {
    name: 'report: --out onto its own plan',
    args: (d) => ['report', d, '--out', join(d, 'plan.yaml'), '--force', '--format', 'md'],
    code: 2,
    says: /输入文件/,
  },
  {
    name: 'report: --out through a symlink to stdout',
    setup: (d) => symlinkSync('/proc/self/fd/1', join(d, 'out.md')),
    args: (d) => ['report', d, '--out', join(d, 'out.md'), '--force'],
    code: 2,
    says: /不是普通文件/,
  },
  {
    name: 'bundle: a 400 MiB attachment into a .zip (streamed, not read whole)',
    setup: (d) => {
      const scan = join(d, 'files', 'scan.pdf')
      writeFileSync(scan, '')
      truncateSync(scan, 400 * 1024 * 1024)
      appendFileSync(
        join(d, 'ledger', 'fgj.yaml'),
        '  - { id: scan, item: item-01, kind: research, date: 2017-09-01, title: 扫描件, attachments: [{ path: files/scan.pdf }] }\n',
      )
    },
    args: (d) => ['bundle', d, '--out', join(d, 'copy.zip'), '--as-of', '2017-12-31'],
    code: 0,
    says: /copy\.zip/,
  },
  {
    name: 'bundle: --force onto a folder reformkit did not write',
    setup: (d) => mkdirSync(join(d, 'mine')),
    args: (d) => ['bundle', d, '--out', join(d, 'mine'), '--force'],
    code: 2,
    says: /不由 reformkit 写出/,
  },
  // extract and import: an input that is no file is named as an input, not an output
  {
    name: 'extract: a pipe',
    setup: (d) => fifo(join(d, 'plan.txt')),
    args: (d) => ['extract', join(d, 'plan.txt'), '--out', join(d, 'draft.yaml')],
    code: 2,
    says: /plan\.txt 不是普通文件(.*)未读取/,
  },
  {
    name: 'import: a folder',
    args: (d) => ['import', join(d, 'ledger'), '--into', d],
    code: 2,
    says: /ledger 不是普通文件(.*)未读取/,
  },
  // verify
  {
    name: 'verify: no such copy',
    args: (d) => ['verify', join(d, 'nope')],
    code: 3,
    stream: 'stdout',
    says: /没有这个文件或文件夹/,
  },
  {
    name: 'verify: /dev/zero',
    args: () => ['verify', '/dev/zero'],
    code: 3,
    stream: 'stdout',
    says: /既不是文件夹也不是普通文件/,
  },
  {
    name: 'verify: a pipe',
    setup: (d) => fifo(join(d, 'copy.zip')),
    args: (d) => ['verify', join(d, 'copy.zip')],
    code: 3,
    stream: 'stdout',
  },
  {
    name: 'verify: random bytes',
    setup: (d) => file(d, 'copy.zip', createHash('sha512').update('x').digest()),
    args: (d) => ['verify', join(d, 'copy.zip')],
    code: 3,
    stream: 'stdout',
  },
]

describe('hostile input through the CLI', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const dir = project(c.setup)
    const before = snapshot(dir)
    const rssOut = join(dir, '..', `${made}.rss`)
    const result = spawnSync(
      process.execPath,
      ['--max-old-space-size=384', '--require', rssProbe, bin, ...c.args(dir)],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1', RSS_OUT: rssOut },
      },
    )
    expect(result.error, 'no hang').toBeUndefined()
    const peakMb = Number(readFileSync(rssOut, 'utf8')) / 1024
    expect(peakMb, 'peak RSS in MB').toBeLessThan(RSS_LIMIT_MB)
    expect(result.status, result.stderr).toBe(c.code)
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(result.stderr).not.toMatch(/内部错误|Internal error/)
    const stream = c.stream ?? (c.code >= 2 ? 'stderr' : 'stdout')
    // One line of reason (commander adds a line pointing to --help for usage errors).
    if (stream === 'stderr') {
      const [reason, ...rest] = result.stderr.trim().split('\n')
      expect(reason).toMatch(/\S/)
      expect(rest.filter((line) => !/--help/.test(line))).toEqual([])
    }
    if (c.says) expect(result[stream]).toMatch(c.says)
    if (stream === 'stdout') expect(result.stdout).toMatch(/\S/)
    const after = snapshot(dir)
    for (const [path, sha] of before) expect(after.get(path), path).toBe(sha)
  })
})
