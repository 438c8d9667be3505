import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { type Locale, parsePlan } from '@reformkit/model'
import { formatDiagnostic, summarizePlan } from './summary.js'

const args = process.argv.slice(2)
const locale: Locale = args.includes('--en') ? 'en' : 'zh-CN'
const file = args.find((arg) => !arg.startsWith('--'))
if (!file) {
  console.error('usage: summary <plan.yaml> [--en]')
  process.exit(2)
}
let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (error) {
  console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  process.exit(3)
}
const result = parsePlan(text, { filename: relative(process.cwd(), file), locale })
for (const d of result.diagnostics) console.error(formatDiagnostic(d))
if (!result.plan) process.exit(1)
process.stdout.write(summarizePlan(result.plan, locale))
