// End to end: the built `reformkit` binary run as a child process, as a user runs it.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { bin, example, run, tempBase } from './fixtures.js'

const base = tempBase('reformkit-cli-')

/** A copy of the example to break in one way. */
function project(name: string, change: (dir: string) => void = () => {}): string {
  const dir = join(base, name)
  cpSync(example, dir, { recursive: true })
  change(dir)
  return dir
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/)

describe('--cache', () => {
  it('keeps attachment hashes between runs, in the project unless told where', () => {
    const dir = join(base, 'cached')
    cpSync(example, dir, { recursive: true, preserveTimestamps: true })
    const cache = join(dir, '.reformkit-cache.json')
    const first = run(['validate', dir, '--as-of', '2017-12-31', '--cache', '--format', 'json'])
    // A row a file: [path, size, mtimeMs, ctimeMs, ino, sha256].
    const rows: unknown[][] = JSON.parse(readFileSync(cache, 'utf8')).files
    const files = rows.map((row) => String(row[0]))
    // Checking hashes only the attachments whose entries give a sha256 (written as
    // `{ path: …, sha256: … }` in the example): the others are looked at, not read.
    const declared = new Set(
      readdirSync(join(dir, 'ledger')).flatMap((name) =>
        [...readFileSync(join(dir, 'ledger', name), 'utf8').matchAll(/path: (\S+), sha256:/g)].map(
          (m) => m[1],
        ),
      ),
    )
    expect(declared.size).toBeGreaterThan(10)
    expect(new Set(files)).toEqual(declared)
    // A hash the cache holds for a file not read this time stays while the file is unchanged.
    const other = 'files/fgj/fgj-01-research.txt'
    expect(declared.has(other)).toBe(false)
    const info = statSync(join(dir, other))
    const hash = createHash('sha256')
      .update(readFileSync(join(dir, other)))
      .digest('hex')
    const row = [other, info.size, info.mtimeMs, info.ctimeMs, info.ino, hash]
    writeFileSync(
      cache,
      JSON.stringify({ schema: 'reformkit/attachment-cache@2', files: [...rows, row] }),
    )
    const second = run(['validate', dir, '--as-of', '2017-12-31', '--cache', '--format', 'json'])
    expect(second.stdout).toBe(first.stdout)
    expect(JSON.parse(readFileSync(cache, 'utf8')).files).toContainEqual(row)
    const elsewhere = join(base, 'elsewhere-cache.json')
    run(['validate', dir, '--as-of', '2017-12-31', '--cache-location', elsewhere])
    expect(existsSync(elsewhere)).toBe(true)
    // Without the flag nothing is written into the project.
    rmSync(cache)
    run(['validate', dir, '--as-of', '2017-12-31'])
    expect(existsSync(cache)).toBe(false)
  })
})

describe('the compile cache', () => {
  it('keeps the compiled commands per command, and runs from them: the same findings', () => {
    const cacheDir = join(base, 'compile-cache')
    const env = { REFORMKIT_CACHE_DIR: cacheDir }
    const args = ['validate', example, '--as-of', '2017-12-31', '--format', 'json']
    const first = run(args, env)
    const kept = readdirSync(join(cacheDir, 'compile')).filter((f) => f.endsWith('.validate'))
    // validate runs from a file of its own (dist/validate.cjs), the others from dist/cli.cjs.
    expect(kept).toEqual([expect.stringMatching(/^validate-[0-9a-f]{32}\.validate$/)])
    // A fresh process runs from what the first one kept (in-process, V8 would reuse its
    // own): code V8 refused would be written anew (a new file renamed over it).
    const file = join(cacheDir, 'compile', kept[0] as string)
    const { ino } = statSync(file)
    expect(run(args, env).stdout).toBe(first.stdout)
    expect(statSync(file).ino).toBe(ino)
    writeFileSync(file, 'not V8 code at all')
    expect(run(args, env).stdout).toBe(first.stdout)
    expect(statSync(file).ino).not.toBe(ino)
    expect(statSync(file).size).toBeGreaterThan(1000)
    // Off: nothing written.
    const off = join(base, 'compile-off')
    run(['rules'], { REFORMKIT_CACHE_DIR: off, REFORMKIT_COMPILE_CACHE: '0' })
    expect(existsSync(off)).toBe(false)
  })
})

describe('reformkit validate', () => {
  it('prints the golden findings of the example, exit 1 for its errors', () => {
    const { code, stdout, stderr } = run(['validate', example, '--as-of', '2017-12-31'])
    expect(code).toBe(1)
    expect(stderr).toBe('')
    expect(stdout).toContain(
      'ledger/jxj.yaml\n  36:9  错误  条目“jxj-02-progress”的附件“files/jxj/智能制造项目清单.xlsx”不存在  attachment/missing',
    )
    expect(stdout).toContain('206:5  错误  事项（九）实施标准化战略缺少决策程序资料:讨论')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 共 14 个问题(8 个错误,3 个警告,3 个提示)')
  })

  it('checked today (no --as-of), a finished plan gives the same findings as at its end', () => {
    const ids = (args: string[]) =>
      JSON.parse(run(['validate', example, '--format', 'json', ...args]).stdout).diagnostics.map(
        (d: { ruleId: string }) => d.ruleId,
      )
    const today = run(['validate', example])
    expect(today.code).toBe(1)
    expect(today.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 共 14 个问题(8 个错误,3 个警告,3 个提示)',
    )
    expect(ids([])).toEqual(ids(['--as-of', '2017-12-31']))
  })

  it('--format json parses; --format sarif is valid SARIF 2.1.0', () => {
    const json = JSON.parse(
      run(['validate', example, '--as-of', '2017-12-31', '--format', 'json']).stdout,
    )
    expect(json.summary).toEqual({ errors: 8, warnings: 3, infos: 3 })
    const sarif = JSON.parse(
      run(['validate', example, '--as-of', '2017-12-31', '--format', 'sarif']).stdout,
    )
    const schema = JSON.parse(
      readFileSync(
        new URL('../../ledger/test/vendor/sarif-2.1.0.schema.json', import.meta.url),
        'utf8',
      ),
    )
    const validate = new Ajv({
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    }).compile(schema)
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThanOrEqual(27)
    expect(sarif.runs[0].results).toHaveLength(14)
  })

  it('--rule and --max-warnings decide the exit code; English with --lang en', () => {
    const off = [
      'attachment/missing',
      'attachment/hash-mismatch',
      'outcome/minutes-and-formal-plan',
      'plan/approved-before-implementation',
      'bonus/proof-attached',
      'ref/unit-not-responsible',
      'decision/procedure-complete',
    ]
    const args = [
      'validate',
      example,
      '--as-of',
      '2017-12-31',
      ...off.flatMap((id) => ['--rule', `${id}:off`]),
    ]
    expect(run(args).code).toBe(0)
    const strict = run([...args, '--max-warnings', '0', '--lang', 'en'])
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/✖ 6 problems \(0 errors, 3 warnings, 3 info\)/)
    expect(strict.stderr).toBe('reformkit: 3 warnings, more than --max-warnings 0\n')
    // --lang before the command is the command's too; the command's own wins.
    const before = run(['--lang', 'en', ...args, '--max-warnings', '0'])
    expect(before.stdout).toBe(strict.stdout)
    expect(before.stderr).toBe(strict.stderr)
    const own = run(['--lang', 'en', ...args, '--max-warnings', '0', '--lang', 'zh'])
    expect(own.stderr).toBe('reformkit:警告 3 个,超过 --max-warnings 0\n')
  })
})

describe('bad input: one line, exit 1, 2 or 3, never a stack trace', () => {
  const cases: Array<[string, () => string[], number, RegExp]> = [
    [
      'bad YAML',
      () => [
        'validate',
        project('bad-yaml', (d) =>
          writeFileSync(join(d, 'plan.yaml'), 'schema: reformkit/plan@1\nid: [unclosed\n'),
        ),
      ],
      1,
      /plan\.yaml\n\s+\d+:\d+\s+错误\s+YAML\/JSON 语法错误/,
    ],
    [
      'unknown unit',
      () => [
        'validate',
        project('unknown-unit', (d) =>
          appendFileSync(
            join(d, 'ledger', 'fgj.yaml'),
            '  - { id: x-1, item: item-01, unit: 发改委, kind: research, date: 2017-09-01, title: 调研, attachments: [] }\n',
          ),
        ),
        '--as-of',
        '2017-12-31',
      ],
      1,
      /发改委/,
    ],
    [
      'missing attachment',
      () => [
        'validate',
        project('missing', (d) => rmSync(join(d, 'files', 'fgj', 'fgj-01-research.txt'))),
        '--as-of',
        '2017-12-31',
      ],
      1,
      /files\/fgj\/fgj-01-research\.txt”不存在\s+attachment\/missing/,
    ],
    [
      'path traversal',
      () => [
        'validate',
        project('traversal', (d) =>
          appendFileSync(
            join(d, 'ledger', 'fgj.yaml'),
            '  - { id: x-2, item: item-01, kind: research, date: 2017-09-01, title: 调研, attachments: [{ path: ../../etc/passwd }] }\n',
          ),
        ),
        '--as-of',
        '2017-12-31',
      ],
      1,
      /“\.\.\/\.\.\/etc\/passwd”是含“\.\.”的路径,位于台账目录之外,不予读取\s+attachment\/outside-root/,
    ],
    [
      'empty folder',
      () => {
        const d = join(base, 'empty')
        mkdirSync(d, { recursive: true })
        return ['validate', d]
      },
      3,
      /^reformkit: \S+ 中没有 plan\.yaml;可用 “reformkit init” 新建项目\n$/,
    ],
    [
      'no such folder',
      () => ['validate', join(base, 'nowhere')],
      3,
      /^reformkit: 找不到项目文件夹 \S+\n$/,
    ],
    [
      'bad date',
      () => ['validate', example, '--as-of', '2017-02-30'],
      2,
      /^reformkit: --as-of 2017-02-30:日期须写作 YYYY-MM-DD/,
    ],
    [
      'unknown option',
      () => ['validate', example, '--formatt', 'json'],
      2,
      /^错误:没有选项 --formatt\n\(是否应为 --format\?\)\n/,
    ],
    [
      'unknown option, in English',
      () => ['validate', example, '--formatt', 'json', '--lang', 'en'],
      2,
      /^error: unknown option '--formatt'\n\(Did you mean --format\?\)\n/,
    ],
    [
      'unknown option, --lang before the command and after it: the one after',
      () => ['--lang', 'en', 'validate', example, '--formatt', 'json', '--lang', 'zh'],
      2,
      /^错误:没有选项 --formatt\n\(是否应为 --format\?\)\n/,
    ],
  ]
  it.each(cases)('%s', (_, args, exitCode, pattern) => {
    const { code, stdout, stderr } = run(args())
    expect(code).toBe(exitCode)
    expect(exitCode === 1 ? stdout : stderr).toMatch(pattern)
    noStack(stdout + stderr)
  })

  // Commander writes its own messages in English only: each is said in Chinese.
  it.each([
    [['validat', example], /^错误:没有命令 validat\n\(是否应为 validate\?\)$/m],
    [['report', example, '--kind', 'x'], /^错误:选项 --kind <kind> 不能取“x”,可选:progress, /m],
    [['template', example], /^错误:缺少必需的选项 --out <file>$/m],
    [['validate', 'a', 'b'], /^错误:validate 只接受 1 个参数,实际给了 2 个$/m],
    [['extract'], /^错误:缺少参数 <file>$/m],
    [['report', example, '--out'], /^错误:选项 --out <file> 缺少取值$/m],
  ])('%j: said in Chinese', (args, said) => {
    const { code, stderr } = run(args)
    expect(code).toBe(2)
    expect(stderr).toMatch(said)
    expect(stderr).not.toMatch(/error:|Did you mean/)
  })

  it('reads a ledger file saved as GB18030, saying so', () => {
    const dir = project('gb18030', (d) => {
      const file = join(d, 'ledger', 'hg.yaml')
      writeFileSync(file, iconv.encode(readFileSync(file, 'utf8'), 'gb18030'))
    })
    const { code, stdout } = run(['validate', dir, '--as-of', '2017-12-31', '--format', 'json'])
    expect(code).toBe(1)
    const found = JSON.parse(stdout).diagnostics.filter(
      (d: { location: { file: string } }) => d.location.file === 'ledger/hg.yaml',
    )
    expect(found.map((d: { ruleId: string }) => d.ruleId)).toEqual(['source/encoding'])
  })
})

describe('an internal error', () => {
  // A fault reformkit did not foresee, made by a preload that breaks JSON.stringify for
  // findings: one line and exit 70; with --debug, the stack names the sources (the build is
  // minified: src/source-stack.ts).
  const hook = join(base, 'break-stringify.cjs')
  writeFileSync(
    hook,
    `const stringify = JSON.stringify
JSON.stringify = function (value, ...rest) {
  if (value !== null && typeof value === 'object' && 'ruleId' in value) throw new Error('broken on purpose')
  return stringify.call(this, value, ...rest)
}`,
  )
  const args = ['validate', example, '--as-of', '2017-12-31', '--format', 'json']
  const broken = (more: string[]) => run([...args, ...more], { NODE_OPTIONS: `--require ${hook}` })

  it('is one line without --debug; with it, a stack whose places name their sources', () => {
    const plain = broken([])
    expect(plain.code).toBe(70)
    expect(plain.stderr).toMatch(/^reformkit: 内部错误:broken on purpose/)
    noStack(plain.stderr)
    const debug = broken(['--debug'])
    expect(debug.code).toBe(70)
    expect(debug.stderr).toMatch(
      /dist\/validate\.cjs:\d+:\d+ ← ledger\/src\/format\/json\.ts:\d+:\d+\)/,
    )
    expect(debug.stderr).toMatch(
      /dist\/validate\.cjs:\d+:\d+ ← src\/commands\/validate\.ts:\d+:\d+\)/,
    )
  })
})

describe('reformkit report, bundle, verify', () => {
  it('writes every report format, atomically, never over an existing file or an input', () => {
    const out = join(base, 'reports')
    mkdirSync(out)
    for (const format of ['md', 'html', 'csv', 'json', 'xlsx', 'docx']) {
      const file = join(out, `assessment.${format}`)
      const { code, stderr } = run([
        'report',
        example,
        '--kind',
        'assessment',
        '--as-of',
        '2017-12-31',
        '--out',
        file,
      ])
      expect(code, stderr).toBe(0)
      expect(readFileSync(file).byteLength).toBeGreaterThan(500)
    }
    expect(readFileSync(join(out, 'assessment.docx')).subarray(0, 2).toString()).toBe('PK')
    const again = run([
      'report',
      example,
      '--out',
      join(out, 'assessment.md'),
      '--as-of',
      '2017-12-31',
    ])
    expect(again).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/已存在;确需覆盖请加 --force/),
    })
    // Refused before any work: the project need not even exist. A folder is no file to
    // replace, --force or not.
    expect(run(['report', join(base, 'none'), '--out', join(out, 'assessment.md')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/已存在;确需覆盖请加 --force/),
    })
    expect(run(['report', join(base, 'none'), '--out', out, '--format', 'md'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/不是普通文件/),
    })
    const input = run([
      'report',
      example,
      '--out',
      join(example, 'plan.yaml'),
      '--format',
      'md',
      '--force',
    ])
    expect(input).toMatchObject({ code: 2, stderr: expect.stringMatching(/是输入文件,不能覆盖/) })
    expect(run(['report', example, '--format', 'docx']).code).toBe(2)
    const md = run(['report', example, '--kind', 'kpi', '--as-of', '2017-12-31', '--lang', 'en'])
    expect(md.stdout.split('\n')[0]).toBe('# KPI targets and actuals')
  })

  it('bundles two copies that verify identical, and names the file when one byte changes', () => {
    const a = join(base, 'copy-a')
    const b = join(base, 'copy-b.zip')
    expect(run(['bundle', example, '--out', a, '--as-of', '2017-12-31']).code).toBe(0)
    expect(run(['bundle', example, '--out', b, '--as-of', '2017-12-31']).code).toBe(0)
    expect(run(['verify', a, b])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/两份完全一致/),
    })
    appendFileSync(join(a, 'files', 'zsj', 'zsj-07-research.txt'), 'x')
    const broken = run(['verify', a, b])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('文件“files/zsj/zsj-07-research.txt”与清单不符')
    expect(broken.stdout).toContain('两份台账中文件“files/zsj/zsj-07-research.txt”不同')
    expect(run(['bundle', example, '--out', a]).code).toBe(2)
  })

  it('bundles beside a folder of a similar name, one file per spelling, and --force spares other folders (issue 14, item 10)', () => {
    const proj = join(base, 'proj')
    cpSync(example, proj, { recursive: true })
    // The same attachment written two ways in one ledger.
    const ledger = join(proj, 'ledger', 'zsj.yaml')
    const text = readFileSync(ledger, 'utf8')
    const one = '{ path: files/zsj/zsj-07-research.txt }'
    writeFileSync(ledger, text.replace(one, `${one}, { path: files//zsj/./zsj-07-research.txt }`))
    const out = join(base, 'pro')
    expect(run(['bundle', proj, '--out', out, '--as-of', '2017-12-31'])).toMatchObject({ code: 0 })
    expect(run(['verify', out]).code).toBe(0)
    const mine = join(base, 'my-folder')
    mkdirSync(mine)
    writeFileSync(join(mine, 'keep.txt'), 'mine')
    const refused = run(['bundle', proj, '--out', mine, '--force', '--lang', 'en'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/reformkit did not write/)
    expect(readFileSync(join(mine, 'keep.txt'), 'utf8')).toBe('mine')
    // A folder reformkit wrote may be replaced.
    expect(run(['bundle', proj, '--out', out, '--force', '--as-of', '2017-12-31']).code).toBe(0)
  })
})

describe('reformkit init, rules, schema, help', () => {
  it('scaffolds a project that validates, and copies the example', () => {
    const dir = join(base, 'new-district')
    const made = run([
      'init',
      dir,
      '--title',
      '某区2025年改革工作方案',
      '--year',
      '2025',
      '--id',
      'district-2025',
    ])
    expect(made.code).toBe(0)
    for (const file of [
      'plan.yaml',
      'reformkit.config.yaml',
      'ledger/unit-a.yaml',
      'files/README.md',
    ])
      expect(existsSync(join(dir, file))).toBe(true)
    expect(run(['init', dir]).code).toBe(2)
    const copy = join(base, 'from-example')
    expect(run(['init', copy, '--example', 'wuhan-etdz-2017']).code).toBe(0)
    expect(
      JSON.parse(run(['validate', copy, '--as-of', '2017-12-31', '--format', 'json']).stdout)
        .summary,
    ).toEqual({ errors: 8, warnings: 3, infos: 3 })
  })

  it.each(['generic', 'wuhan-etdz-2017', 'major-decision-2019'])(
    'init --profile %s writes a five-year project that validates with no finding at all',
    (profile) => {
      const dir = join(base, `init-${profile}`)
      const made = run([
        'init',
        dir,
        '--title',
        '人才发展五年行动计划',
        '--id',
        'talent',
        '--start',
        '2021-01-01',
        '--end',
        '2025-12-31',
        '--profile',
        profile,
      ])
      expect(made.code, made.stderr).toBe(0)
      expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toMatch(
        'period: { start: 2021-01-01, end: 2025-12-31 }',
      )
      expect(readFileSync(join(dir, 'reformkit.config.yaml'), 'utf8')).toMatch(
        `profile: ${profile}`,
      )
      const checked = run(['validate', dir, '--as-of', '2025-12-31', '--format', 'json'])
      expect(checked.code, checked.stdout).toBe(0)
      expect(JSON.parse(checked.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 })
    },
  )

  it('the second example (wuhu-2025): no error with an empty ledger, its golden summary with its own', () => {
    const copy = join(base, 'wuhu')
    expect(run(['init', copy, '--example', 'wuhu-2025']).stdout).toMatch(/--as-of 2025-12-31/)
    const full = run(['validate', copy, '--as-of', '2025-12-31', '--format', 'json'])
    expect(full.code).toBe(1)
    expect(JSON.parse(full.stdout).summary).toEqual({
      errors: 3,
      warnings: 2,
      infos: 3,
      rejected: 1,
    })
    expect(run(['validate', copy, '--as-of', '2025-12-31']).stdout).toMatch(
      /其中 1 条材料因上述错误未被读取/,
    )
    rmSync(join(copy, 'ledger'), { recursive: true })
    mkdirSync(join(copy, 'ledger'))
    writeFileSync(join(copy, 'ledger', 'fgw.yaml'), 'schema: reformkit/ledger@1\nentries: []\n')
    const empty = run(['validate', copy, '--as-of', '2025-12-31', '--format', 'json'])
    expect(empty.code, empty.stdout).toBe(0)
    expect(JSON.parse(empty.stdout).summary.errors).toBe(0)
  })

  it('extract: a draft plan.yaml from the seed text, UTF-8 or GB18030, that validates', () => {
    const seed = fileURLToPath(
      new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
    )
    const dir = join(base, 'drafted')
    mkdirSync(dir)
    const made = run(['extract', seed, '--out', join(dir, 'plan.yaml')])
    expect(made.code, made.stderr).toBe(0)
    expect(made.stderr).toMatch(/extract\/date-guess/)
    const draft = readFileSync(join(dir, 'plan.yaml'), 'utf8')
    expect(draft).toMatch(/^# yaml-language-server/)
    expect(draft).toMatch(
      /title: 武汉经济技术开发区\(汉南区\)2017年系统推进全面创新改革试验工作方案/,
    )
    const checked = run(['validate', dir, '--plan-only', '--format', 'json'])
    expect(JSON.parse(checked.stdout).summary.errors).toBe(0)
    // Never over an existing file without --force; GB18030 text gives the same draft.
    expect(run(['extract', seed, '--out', join(dir, 'plan.yaml')]).code).toBe(2)
    const gb = join(base, 'seed-gb18030.txt')
    writeFileSync(gb, iconv.encode(readFileSync(seed, 'utf8'), 'gb18030'))
    const fromGb = run(['extract', gb])
    expect(fromGb.stdout.split('\n').slice(2).join('\n')).toBe(
      draft.split('\n').slice(2).join('\n'),
    )
    expect(run(['extract', join(base, 'nope.txt'), '--lang', 'en']).stderr).toMatch(/no such file/)
    // A web page of the same text gives the same draft; a file that is no Word file says so.
    const html = join(base, 'seed.html')
    const paragraphs = readFileSync(seed, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
    writeFileSync(
      html,
      `<html><body><nav>首页 | 政务公开</nav>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
    )
    const fromHtml = run(['extract', html])
    expect(fromHtml.stdout.split('\n').slice(2).join('\n')).toBe(
      draft.split('\n').slice(2).join('\n'),
    )
    // A Word file of the same text (one paragraph a line) gives the same draft.
    const word = join(base, 'seed.docx')
    const xml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    writeFileSync(
      word,
      zipSync({
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        '_rels/.rels': strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        ),
        'word/document.xml': strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xml(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
        ),
      }),
    )
    const fromWord = run(['extract', word])
    expect(fromWord.code, fromWord.stderr).toBe(0)
    expect(fromWord.stdout.split('\n').slice(2).join('\n')).toBe(
      draft.split('\n').slice(2).join('\n'),
    )
    writeFileSync(join(base, 'fake.docx'), 'not a zip')
    const fake = run(['extract', join(base, 'fake.docx'), '--lang', 'en'])
    expect(fake.code).toBe(2)
    expect(fake.stderr).toMatch(/is not a Word file/)
    // A PDF (or any file that is not text) gives no draft: one line that says what to do.
    const pdf = join(base, '方案.pdf')
    writeFileSync(
      pdf,
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\0\0stream', 'latin1'),
    )
    for (const out of [[], ['--out', join(base, 'from-pdf.yaml')]]) {
      const fromPdf = run(['extract', pdf, '--lang', 'en', ...out])
      expect(fromPdf.code).toBe(2)
      expect(fromPdf.stdout).toBe('')
      expect(fromPdf.stderr).toMatch(
        /^reformkit: .*方案\.pdf is not a text file .*save the plan as text/,
      )
      noStack(fromPdf.stderr)
    }
    expect(existsSync(join(base, 'from-pdf.yaml'))).toBe(false)
  })

  it('validate --plan-only checks the plan alone: no ledger, no rule', () => {
    const dir = join(base, 'plan-only')
    cpSync(example, dir, { recursive: true })
    rmSync(join(dir, 'ledger'), { recursive: true })
    const clean = run(['validate', dir, '--plan-only', '--format', 'json'])
    expect(clean.code, clean.stdout).toBe(0)
    expect(JSON.parse(clean.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 })
    writeFileSync(
      join(dir, 'plan.yaml'),
      readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(
        'responsible: [fgj',
        'responsible: [fgjj',
      ),
    )
    const broken = run(['validate', dir, '--plan-only', '--format', 'json'])
    expect(broken.code).toBe(1)
    expect(JSON.parse(broken.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual([
      'plan/unknown-unit',
    ])
  })

  it('init refuses a period that is no period, and a profile that does not exist', () => {
    const dir = join(base, 'init-bad')
    const bad = (args: string[]) => run(['init', dir, '--id', 'x', '--lang', 'en', ...args])
    expect(bad(['--start', '2025-02-30']).stderr).toMatch(/--start 2025-02-30: give a date/)
    expect(bad(['--start', '2025-06-01', '--end', '2025-01-01']).stderr).toMatch(/starts after/)
    expect(bad(['--profile', 'beijing']).code).toBe(2)
    expect(existsSync(dir)).toBe(false)
  })

  it('lists rules, prints schemas, helps with examples and says its version', () => {
    const rules = run(['rules', '--lang', 'en']).stdout.trim().split('\n')
    expect(rules.length).toBeGreaterThanOrEqual(27)
    expect(run(['rules', 'ref/unknown-unit']).stdout).toMatch(/^# ref\/unknown-unit/)
    expect(JSON.parse(run(['schema', 'ledger']).stdout).$id).toMatch(/ledger\.schema\.json$/)
    expect(run(['schema', 'nope']).code).toBe(2)
    for (const command of ['init', 'validate', 'report', 'bundle', 'verify']) {
      const help = run([command, '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toMatch(/Examples \/ 示例:\n\s+\$ reformkit/)
    }
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('writes to a terminal through its stream, in colour (script gives it one)', () => {
    const command = `"${process.execPath}" "${bin}" validate "${example}" --as-of 2017-12-31`
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '', TERM: 'xterm' },
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('\u001b[31m✖ 共 14 个问题')
  })

  it('prints nothing but results on stdout when piped, and no colour', () => {
    const { stdout } = run(['validate', example, '--as-of', '2017-12-31'], { NO_COLOR: '' })
    expect(stdout).not.toContain('\u001b[')
  })

  it('stops quietly when the reader of a pipe goes away (| head)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --help | head -1`], {
      encoding: 'utf8',
    })
    expect(result.stdout).toBe('Usage: reformkit [options] [command]\n')
    expect(result.stderr).toBe('')
    // More than a pipe holds (64 KiB), so that the write after the reader left fails: the
    // process still ends quietly, with the code the findings give.
    const findings = [example, '--as-of', '2016-01-01', '--format', 'json']
    const whole = run(['validate', ...findings])
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(64 * 1024)
    expect(JSON.parse(whole.stdout).diagnostics.length).toBeGreaterThan(100)
    const cut = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" validate ${findings.join(' ')} | head -c 9; echo " \${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    )
    expect(cut.stdout).toMatch(/^\{\n {2}"sche [01]\n$/)
    expect(cut.stderr).toBe('')
  })
})
