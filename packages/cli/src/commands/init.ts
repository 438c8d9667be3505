import { cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { fileURLToPath } from 'node:url'
import { DEFAULT_PROFILE, PROFILES, type ProfileName } from '@reformkit/ledger'
import { ID_PATTERN, isIsoDate, type Locale, toIsoDate } from '@reformkit/model'
import { UsageError } from '../errors.js'
import { exists } from '../io.js'
import { type CliMessageId, say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { CONFIG_FILE, LEDGER_DIR, PLAN_FILE } from '../project.js'
import { isTerminal, out } from '../stdio.js'

export interface InitOptions extends CommonOptions {
  example?: string
  id?: string
  title?: string
  year?: string
  start?: string
  end?: string
  profile?: string
  issuer?: string
}

const EXAMPLES = ['wuhan-etdz-2017', 'wuhu-2025']
/** The day each example's golden findings are for. */
const EXAMPLE_DAYS: Record<string, string> = {
  'wuhan-etdz-2017': '2017-12-31',
  'wuhu-2025': '2025-12-31',
}
const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[]

export async function init(dirArg: string, options: InitOptions): Promise<void> {
  const locale = localeOf(options)
  const dir = resolve(dirArg)
  if ((await exists(dir)) && (await readdir(dir)).some((name) => !name.startsWith('.')))
    throw new UsageError(say(locale, 'notEmpty', { dir: dirArg }))

  if (options.example !== undefined) {
    if (!EXAMPLES.includes(options.example))
      throw new UsageError(
        say(locale, 'unknownExample', { value: options.example, available: EXAMPLES.join(', ') }),
      )
    const from = fileURLToPath(new URL(`../examples/${options.example}/`, import.meta.url))
    await cp(from, dir, { recursive: true, errorOnExist: true, force: false })
    out(
      `${say(locale, 'createdFromExample', { dir: dirArg, example: options.example, asOf: EXAMPLE_DAYS[options.example] ?? '' })}\n`,
    )
    return
  }

  const answers = await ask(options, locale)
  if (!ID_PATTERN.test(answers.id)) throw new UsageError(say(locale, 'badId', { id: answers.id }))
  for (const flag of ['start', 'end'] as const)
    if (!isIsoDate(answers[flag]))
      throw new UsageError(say(locale, 'badDate', { flag, value: answers[flag] }))
  if (answers.start > answers.end)
    throw new UsageError(say(locale, 'badPeriod', { start: answers.start, end: answers.end }))
  if (!PROFILE_NAMES.includes(answers.profile as ProfileName))
    throw new UsageError(
      say(locale, 'badProfile', { value: answers.profile, available: PROFILE_NAMES.join(', ') }),
    )
  const profile = answers.profile as ProfileName
  // The sample entries are dated today, within the period: the project validates clean
  // on the day it is made.
  const today = toIsoDate(new Date())
  // Today clamped to the period: the middle of the three days (start ≤ end).
  const day = [answers.start, today, answers.end].sort()[1] as string
  const entries = sampleEntries(profile, day)
  await mkdir(join(dir, LEDGER_DIR), { recursive: true })
  await mkdir(join(dir, 'files', 'unit-a'), { recursive: true })
  const write = (name: string, text: string) => writeFile(join(dir, name), text, { flag: 'wx' })
  await write(PLAN_FILE, planTemplate(answers))
  await write(CONFIG_FILE, configTemplate(profile))
  await write(join(LEDGER_DIR, 'unit-a.yaml'), ledgerTemplate(entries))
  for (const entry of entries)
    if (entry.kind !== 'kpiReport')
      await write(
        join('files', 'unit-a', `${entry.id}.txt`),
        `${entry.title}\n(示例材料,请换成真实的扫描件或文件 · a sample; replace it with the real document)\n`,
      )
  await write(
    join('files', 'README.md'),
    '# 附件 · Attachments\n\n台账材料的扫描件、文件放在这里,按单位分文件夹,例如 files/unit-a/调研报告.pdf。\nPut the files of the ledger here, one folder per unit.\n',
  )
  const made = [PLAN_FILE, CONFIG_FILE, `${LEDGER_DIR}/`, 'files/']
  const files = { zh: made.join('、'), en: made.join(', ') }
  out(`${say(locale, 'created', { dir: dirArg, files, plan: PLAN_FILE })}\n`)
}

interface Answers {
  id: string
  title: string
  start: string
  end: string
  profile: string
  issuer: string
}

/** Ask on a terminal for what the flags did not give; use defaults otherwise. */
async function ask(options: InitOptions, locale: Locale): Promise<Answers> {
  const year = options.year ?? (options.start ?? toIsoDate(new Date())).slice(0, 4)
  if (options.year !== undefined && !/^\d{4}$/.test(options.year))
    throw new UsageError(say(locale, 'badYear', { year: options.year }))
  const defaults: Answers = {
    id: options.id ?? `district-${year}`,
    title: options.title ?? `某区${year}年改革工作方案`,
    start: options.start ?? `${year}-01-01`,
    end: options.end ?? `${year}-12-31`,
    profile: options.profile ?? DEFAULT_PROFILE,
    issuer: options.issuer ?? '区改革办',
  }
  const interactive = process.stdin.isTTY && isTerminal(1) && !options.id && !options.title
  if (!interactive) return defaults
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    const question = async (id: CliMessageId, value: string) =>
      (await rl.question(`${say(locale, id)} [${value}]: `)).trim() || value
    const title = await question('askTitle', defaults.title)
    const start = await question('askStart', defaults.start)
    const end = await question('askEnd', options.end ?? `${start.slice(0, 4)}-12-31`)
    const profile = await question('askProfile', defaults.profile)
    const id = await question('askId', options.id ?? `district-${start.slice(0, 4)}`)
    const issuer = await question('askIssuer', defaults.issuer)
    return { id, title, start, end, profile, issuer }
  } catch (error) {
    // Ctrl+C or Ctrl+D at a question: nothing has been written.
    if ((error as Error | null)?.name === 'AbortError')
      throw new UsageError(say(locale, 'cancelled'))
    throw error
  } finally {
    rl.close()
  }
}

const yamlText = (text: string) => JSON.stringify(text)

function planTemplate(a: Answers): string {
  return `# yaml-language-server: $schema=https://unpkg.com/@reformkit/model/schema/plan.schema.json
# 改革工作方案 · the reform work plan. Every field: docs/plan-format.md of reformkit.
schema: reformkit/plan@1
id: ${a.id}
title: ${yamlText(a.title)}
issuer: ${yamlText(a.issuer)}
period: { start: ${a.start}, end: ${a.end} }

bodies:
  leadingGroup: { id: lg, name: 改革工作领导小组 }
  office: { id: office, name: 领导小组办公室 }

# 责任单位 · responsible units (aliases: other names people write in the ledger)
units:
  - { id: unit-a, name: 发改局, aliases: [发展和改革局] }
  - { id: unit-b, name: 经信局 }

categories:
  - { id: local, label: 特色改革事项, kind: local }

items:
  - id: item-01
    number: 1
    category: local
    title: 第一项改革事项(请改为方案原文)
    responsible: [unit-a, unit-b]
    kpis:
      - id: new-firms
        measure: 新增高新技术企业
        unit: 家
        target: { comparator: atLeast, value: 10 }
        accumulation: sum
`
}

function configTemplate(profile: ProfileName): string {
  return `# reformkit.config.yaml — what each item must show, which ledger rules run, how the
# report colours and scores. Rules: reformkit rules (or docs/rules/); requirements, lights
# and rubric: docs/assessment.md.
schema: reformkit/config@1
preset: recommended
requirements:
  profile: ${profile}   # generic | wuhan-etdz-2017 | major-decision-2019
  # supervision: quarter   # month | quarter | halfYear | year | none
rules: {}
# rules:
#   entry/date-outside-period: [warning, { graceDays: 31 }]
`
}

interface SampleEntry {
  id: string
  kind: string
  title: string
  extra?: string
}

/** Sample entries of item-01 that meet what `profile` requires, all dated `day`. */
function sampleEntries(profile: ProfileName, day: string): Array<SampleEntry & { date: string }> {
  const decided: SampleEntry[] =
    profile === 'wuhan-etdz-2017'
      ? [
          { id: 'unit-a-001', kind: 'research', title: '调研报告' },
          { id: 'unit-a-002', kind: 'discussion', title: '座谈讨论记录' },
          {
            id: 'unit-a-003',
            kind: 'meetingDecision',
            title: '领导小组会议研究实施方案',
            extra: 'meeting: { body: lg, session: 第1次会议 }',
          },
          { id: 'unit-a-004', kind: 'minutes', title: '会议纪要' },
          { id: 'unit-a-005', kind: 'formalPlan', title: '正式实施方案' },
        ]
      : []
  const done: SampleEntry[] = [
    { id: 'unit-a-010', kind: 'progress', title: '推进情况' },
    {
      id: 'unit-a-011',
      kind: 'kpiReport',
      title: '新增高新技术企业数据',
      extra: 'kpi: { id: new-firms, value: 10 }',
    },
  ]
  return [...decided, ...done].map((entry) => ({ ...entry, date: day }))
}

function ledgerTemplate(entries: Array<SampleEntry & { date: string }>): string {
  const lines = entries.map((e) => {
    const attachments =
      e.kind === 'kpiReport' ? '' : `\n    attachments: [{ path: files/unit-a/${e.id}.txt }]`
    return `  - id: ${e.id}
    item: item-01
    kind: ${e.kind}
    date: ${e.date}
    title: ${e.title}(示例,请替换)${e.extra ? `\n    ${e.extra}` : ''}${attachments}`
  })
  return `# yaml-language-server: $schema=https://unpkg.com/@reformkit/ledger/schema/ledger.schema.json
# 台账 · the ledger of one unit. One entry per material; attachments under files/.
# kind: 调研 research, 讨论 discussion, 上会研究 meetingDecision, 纪要 minutes,
# 正式方案 formalPlan, 推进材料 progress, 指标数据 kpiReport, 督办 supervision …
schema: reformkit/ledger@1
unit: unit-a
entries:
${lines.join('\n')}
`
}
