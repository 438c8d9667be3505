import type { Locale } from '@reformkit/model'
import { Command, CommanderError, Option } from 'commander'
import { EXIT } from './errors.js'
import { localeFromEnv } from './io.js'
import { err, out } from './stdio.js'
import { usageError } from './usage-errors.js'

// The command a build is for: '' in dist/cli.cjs (every command), 'validate' in
// dist/validate.cjs — the command a clerk runs most, built without the others' modules (a
// fifth less to read and deserialise at each start). bin.cjs picks the file.
declare const __COMMAND__: string
/** A command that is not in this build: bin.cjs never loads this build for it. */
const notHere = (): never => {
  throw new Error(`this build of reformkit is for \`${__COMMAND__}\` only`)
}

const examples = (lines: string[]) =>
  `\nExamples / 示例:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`

/**
 * Each command's module, loaded when it runs. The condition is written out at each (esbuild
 * leaves out an import() only where the condition is a constant).
 */
const load = {
  init: () =>
    __COMMAND__ === '' || __COMMAND__ === 'init' ? import('./commands/init.js') : notHere(),
  extract: () =>
    __COMMAND__ === '' || __COMMAND__ === 'extract' ? import('./commands/extract.js') : notHere(),
  workbook: () =>
    __COMMAND__ === '' || __COMMAND__ === 'workbook' ? import('./commands/workbook.js') : notHere(),
  validate: () =>
    __COMMAND__ === '' || __COMMAND__ === 'validate' ? import('./commands/validate.js') : notHere(),
  report: () =>
    __COMMAND__ === '' || __COMMAND__ === 'report' ? import('./commands/report.js') : notHere(),
  bundle: () =>
    __COMMAND__ === '' || __COMMAND__ === 'bundle' ? import('./commands/bundle.js') : notHere(),
  verify: () =>
    __COMMAND__ === '' || __COMMAND__ === 'verify' ? import('./commands/verify.js') : notHere(),
  rules: () =>
    __COMMAND__ === '' || __COMMAND__ === 'rules' ? import('./commands/rules.js') : notHere(),
  schema: () =>
    __COMMAND__ === '' || __COMMAND__ === 'schema' ? import('./commands/schema.js') : notHere(),
}

/** Build the program. Commands load their modules only when run (fast start). */
export function program(version: string, locale: Locale = localeFromEnv()): Command {
  const cli = new Command('reformkit')
    .description(
      '改革工作方案台账检查、报告与一式两份 · check reform ledgers, write reports, bundle the two copies',
    )
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces of internal errors / 显示内部错误的堆栈')
    .showHelpAfterError('(reformkit --help: usage / 用法)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out(text),
      writeErr: (text) => err(text),
      outputError: (text, write) => write(usageError(text, locale)),
    })
  const lang = () =>
    new Option('--lang <lang>', 'zh or en (default: from LANG) / 语言').choices([
      'zh',
      'en',
      'zh-CN',
    ])
  // `--lang` before the command as well as after it (`reformkit --lang en validate .`):
  // given there, it is the command's unless the command is given one of its own.
  cli.addOption(lang()).hook('preAction', (root, command) => {
    const given = root.opts<{ lang?: string }>().lang
    const own = command.options.some((option) => option.long === '--lang')
    if (given !== undefined && own && command.getOptionValue('lang') === undefined)
      command.setOptionValue('lang', given)
  })

  cli
    .command('init')
    .argument('[dir]', 'folder of the new project / 项目文件夹', '.')
    .description(
      '新建一个区的项目 · scaffold a district project (plan.yaml, reformkit.config.yaml, ledger/, files/)',
    )
    .option('--example <name>', 'copy an example project: wuhan-etdz-2017, wuhu-2025 / 复制示例')
    .option('--id <id>', 'plan id, e.g. my-district-2025')
    .option('--title <title>', '方案名称 · plan title')
    .option('--year <year>', 'a plan of one year: its period / 方案年度')
    .option('--start <date>', 'first day of the period, YYYY-MM-DD / 方案起始日')
    .option('--end <date>', 'last day of the period, YYYY-MM-DD / 方案截止日')
    .addOption(
      new Option('--profile <name>', 'what every item must show / 要求 (default: generic)').choices(
        ['generic', 'wuhan-etdz-2017', 'major-decision-2019'],
      ),
    )
    .option('--issuer <issuer>', '发文单位 · issuing office')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit init my-district --title "某区2025年改革工作方案" --year 2025',
        'reformkit init talent --title "人才发展五年行动计划" --start 2021-01-01 --end 2025-12-31 --profile major-decision-2019',
        'reformkit init demo --example wuhan-etdz-2017',
      ]),
    )
    .action(async (dir, options) => (await load.init()).init(dir, options))

  cli
    .command('extract')
    .argument(
      '<file>',
      'the plan as published: text (UTF-8, GB18030), .html, .docx, or a task table .xlsx/.csv / 方案原文或任务分解表',
    )
    .description('从方案原文生成 plan.yaml 草稿 · a draft plan.yaml from a plan’s published text')
    .option('--out <file>', 'plan.yaml to write (default: stdout) / 输出文件')
    .option('--force', 'replace an existing output / 覆盖已有文件')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit extract 方案.txt --out my-district/plan.yaml',
        'reformkit extract 方案.txt > plan.yaml',
        'reformkit extract 任务分解表.xlsx --out my-district/plan.yaml',
      ]),
    )
    .action(async (file, options) => (await load.extract()).extract(file, options))

  cli
    .command('template')
    .argument('<project>', 'project folder / 项目文件夹')
    .description('生成台账填报模板(Excel) · an Excel ledger template for a unit to fill')
    .requiredOption('--out <file>', 'the .xlsx to write / 输出文件')
    .option('--unit <unit>', 'unit id or name (default: all units) / 填报单位')
    .option('--empty', 'leave the unit’s entries out / 不列出已有台账')
    .option('--force', 'replace an existing output / 覆盖已有文件')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit template my-district --unit 发改局 --out 发改局台账.xlsx',
        'reformkit template my-district --out 全部单位台账.xlsx',
      ]),
    )
    .action(async (dir, options) => (await load.workbook()).template(dir, options))

  cli
    .command('import')
    .argument('<files...>', 'filled workbooks (.xlsx) or CSV/TSV files / 填好的表格')
    .description('把填好的表格导入台账 · filled workbooks into the ledger, one file per unit')
    .requiredOption('--into <folder>', 'the project folder or its ledger/ folder / 导入到')
    .option('--unit <unit>', 'the unit of rows that name none / 默认填报单位')
    .option('--dry-run', 'show what would change, write nothing / 只显示变化')
    .option('--force', 'replace ledger files that would change / 替换已有台账文件')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit import 发改局台账.xlsx --into my-district/ledger/',
        'reformkit import *.xlsx --into my-district --dry-run',
      ]),
    )
    .action(async (files, options) => (await load.workbook()).importFiles(files, options))

  cli
    .command('validate')
    .argument('[dir]', 'project folder / 项目文件夹', '.')
    .description('检查方案、台账和附件 · check plan, ledger and attachments')
    .addOption(
      new Option('--format <format>', 'output format / 输出格式')
        .choices(['stylish', 'json', 'sarif'])
        .default('stylish'),
    )
    .option('--plan-only', 'check plan.yaml (and config, profile) without the ledger / 只检查方案')
    .option('--as-of <date>', 'day of the check, YYYY-MM-DD (default: today) / 检查日')
    .option(
      '--cache',
      'keep attachment hashes in .reformkit-cache.json; re-hash only changed files / 缓存附件校验值',
    )
    .option('--cache-location <file>', 'the cache file to use (implies --cache) / 缓存文件位置')
    .option('--max-warnings <n>', 'fail when there are more warnings / 警告数上限')
    .option('--rule <id:severity...>', 'set a rule, e.g. entry/future-date:off (repeatable)')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit validate examples/wuhan-etdz-2017 --as-of 2017-12-31',
        'reformkit validate . --format sarif > reformkit.sarif',
        'reformkit validate . --rule supervision/cadence:off --max-warnings 0',
        'reformkit validate . --plan-only',
      ]),
    )
    .action(async (dir, options) => (await load.validate()).validate(dir, options))

  cli
    .command('report')
    .argument('[dir]', 'project folder / 项目文件夹', '.')
    .description(
      '生成报告 · write a report: progress 督办进展, assessment 考核评分, kpi 指标, ledger-index 台账目录',
    )
    .addOption(
      new Option('--kind <kind>', 'which report / 报告种类')
        .choices(['progress', 'assessment', 'kpi', 'ledger-index'])
        .default('progress'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'md, html, csv, json, xlsx or docx (default: from --out, else md)',
      ).choices(['md', 'html', 'csv', 'json', 'xlsx', 'docx']),
    )
    .option('--out <file>', 'file to write (text formats go to stdout without it) / 输出文件')
    .option('--as-of <date>', 'day of the report, YYYY-MM-DD (default: today) / 截止日期')
    .option(
      '--cache',
      'keep attachment hashes in .reformkit-cache.json; re-hash only changed files / 缓存附件校验值',
    )
    .option('--cache-location <file>', 'the cache file to use (implies --cache) / 缓存文件位置')
    .option('--force', 'replace an existing output / 覆盖已有文件')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit report . --kind progress --out 督办进展.docx',
        'reformkit report . --kind assessment --format xlsx --out 考核.xlsx --as-of 2017-12-31',
        'reformkit report . --kind kpi --format md',
      ]),
    )
    .action(async (dir, options) => (await load.report()).report(dir, options))

  cli
    .command('bundle')
    .argument('[dir]', 'project folder / 项目文件夹', '.')
    .description(
      '打包一份报送用台账 · write one copy of the ledger for submission (folder or .zip)',
    )
    .requiredOption('--out <path>', 'folder to create, or FILE.zip / 输出文件夹或 .zip')
    .option('--as-of <date>', 'date of the copy, YYYY-MM-DD (default: today)')
    .option(
      '--cache',
      'keep attachment hashes in .reformkit-cache.json; re-hash only changed files / 缓存附件校验值',
    )
    .option('--cache-location <file>', 'the cache file to use (implies --cache) / 缓存文件位置')
    .option('--force', 'replace an existing output / 覆盖已有输出')
    .addOption(lang())
    .addHelpText(
      'after',
      examples([
        'reformkit bundle . --out 台账-自存',
        'reformkit bundle . --out 台账-报区创新办.zip',
      ]),
    )
    .action(async (dir, options) => (await load.bundle()).bundle(dir, options))

  cli
    .command('verify')
    .argument('<copy>', 'a bundle: folder or .zip / 一份台账')
    .argument('[other]', 'the other copy, to prove both identical / 另一份')
    .description('核对台账副本完整、两份一致 · prove a copy intact, and two copies identical')
    .addOption(lang())
    .addHelpText('after', examples(['reformkit verify 台账-自存 台账-报区创新办.zip']))
    .action(async (copy, other, options) => (await load.verify()).verify(copy, other, options))

  cli
    .command('rules')
    .argument('[id]', 'show one rule in full / 查看一条规则')
    .description('列出台账检查规则 · list the ledger rules with their docs')
    .addOption(lang())
    .action(async (id, options) => (await load.rules()).listRules(id, options))

  cli
    .command('schema')
    .argument('<which>', 'plan or ledger')
    .description('输出 JSON Schema · print the JSON Schema of plan.yaml or of a ledger file')
    .action(async (which) => (await load.schema()).schema(which))

  return cli
}

/** Run the command line; resolves to the exit code. No stack trace unless --debug. */
export async function main(argv: string[], version: string): Promise<number> {
  const debug = argv.includes('--debug')
  // A whole stack to report, not V8's ten frames.
  if (debug) Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 100)
  // The last one given: after the command, it is the command's own (see the preAction hook).
  const flag = argv.findLastIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const value = flag < 0 ? undefined : (argv[flag]?.split('=')[1] ?? argv[flag + 1])
  const locale = value === undefined ? localeFromEnv() : /^en/i.test(value) ? 'en' : 'zh-CN'
  const cli = program(version, locale)
  try {
    await cli.parseAsync(argv)
    return Number(process.exitCode ?? EXIT.ok)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    }
    // Loaded only on failure: it knows the error classes of every package.
    const { describeError } = await import('./describe-error.js')
    const { message, exitCode } = describeError(error, locale)
    err(`reformkit: ${message}\n`)
    if (debug && error instanceof Error && error.stack) {
      const { sourceStack } = await import('./source-stack.js')
      err(`${sourceStack(error.stack)}\n`)
    }
    return exitCode
  }
}
