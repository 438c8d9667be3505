import { cp, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { fileURLToPath } from 'node:url'
import { ID_PATTERN, type Locale } from '@reformkit/model'
import { UsageError } from '../errors.js'
import { exists } from '../io.js'
import { type CliMessageId, say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { CONFIG_FILE, LEDGER_DIR, PLAN_FILE } from '../project.js'

export interface InitOptions extends CommonOptions {
  example?: string
  id?: string
  title?: string
  year?: string
  issuer?: string
}

const EXAMPLES = ['wuhan-etdz-2017']

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
    process.stdout.write(
      `${say(locale, 'createdFromExample', { dir: dirArg, example: options.example })}\n`,
    )
    return
  }

  const answers = await ask(options, locale)
  const id = answers.id
  if (!ID_PATTERN.test(id)) throw new UsageError(say(locale, 'badId', { id }))
  if (!/^\d{4}$/.test(answers.year))
    throw new UsageError(say(locale, 'badYear', { year: answers.year }))
  await mkdir(join(dir, LEDGER_DIR), { recursive: true })
  await mkdir(join(dir, 'files'), { recursive: true })
  const write = (name: string, text: string) => writeFile(join(dir, name), text, { flag: 'wx' })
  await write(PLAN_FILE, planTemplate(answers))
  await write(CONFIG_FILE, configTemplate)
  await write(join(LEDGER_DIR, 'unit-a.yaml'), ledgerTemplate(answers.year))
  await write(
    join('files', 'README.md'),
    '# 附件 · Attachments\n\n台账材料的扫描件、文件放在这里,按单位分文件夹,例如 files/unit-a/调研报告.pdf。\nPut the files of the ledger here, one folder per unit.\n',
  )
  const made = [PLAN_FILE, CONFIG_FILE, `${LEDGER_DIR}/`, 'files/']
  const files = { zh: made.join('、'), en: made.join(', ') }
  process.stdout.write(`${say(locale, 'created', { dir: dirArg, files, plan: PLAN_FILE })}\n`)
}

interface Answers {
  id: string
  title: string
  year: string
  issuer: string
}

/** Ask on a terminal for what the flags did not give; use defaults otherwise. */
async function ask(options: InitOptions, locale: Locale): Promise<Answers> {
  const year = options.year ?? String(new Date().getFullYear())
  const defaults: Answers = {
    id: options.id ?? `district-${year}`,
    title: options.title ?? `某区${year}年改革工作方案`,
    year,
    issuer: options.issuer ?? '区改革办',
  }
  const interactive = process.stdin.isTTY && process.stdout.isTTY && !options.id && !options.title
  if (!interactive) return defaults
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    const question = async (id: CliMessageId, value: string) =>
      (await rl.question(`${say(locale, id)} [${value}]: `)).trim() || value
    const title = await question('askTitle', defaults.title)
    const planYear = await question('askYear', defaults.year)
    const id = await question('askId', options.id ?? `district-${planYear}`)
    const issuer = await question('askIssuer', defaults.issuer)
    return { id, title, year: planYear, issuer }
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
period: { start: ${a.year}-01-01, end: ${a.year}-12-31 }

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

const configTemplate = `# reformkit.config.yaml — what each item must show, which ledger rules run, how the
# report colours and scores. Rules: reformkit rules (or docs/rules/); requirements, lights
# and rubric: docs/assessment.md.
schema: reformkit/config@1
preset: recommended
# requirements:
#   profile: wuhan-etdz-2017   # or major-decision-2019
#   supervision: month         # month | quarter | halfYear
rules: {}
# rules:
#   entry/date-outside-period: [warning, { graceDays: 31 }]
`

function ledgerTemplate(year: string): string {
  return `# yaml-language-server: $schema=https://unpkg.com/@reformkit/ledger/schema/ledger.schema.json
# 台账 · the ledger of one unit. One entry per material; attachments under files/.
schema: reformkit/ledger@1
unit: unit-a
entries:
  - id: unit-a-001
    item: item-01
    kind: research        # 调研; also 讨论 discussion, 上会研究 meetingDecision, 纪要 minutes …
    date: ${year}-03-01
    title: 调研报告(示例,请替换)
    attachments: []
`
}
