import { presetSeverity, ruleDocsMarkdown, rules } from '@reformkit/ledger'
import { closest, pick } from '@reformkit/model'
import { UsageError } from '../errors.js'
import { say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { out } from '../stdio.js'

export async function listRules(id: string | undefined, options: CommonOptions): Promise<void> {
  const locale = localeOf(options)
  if (id !== undefined) {
    const rule = rules.find((r) => r.id === id)
    if (!rule) {
      const guess = closest(
        id,
        rules.map((r) => r.id),
      )
      throw new UsageError(
        guess
          ? say(locale, 'unknownRuleSuggest', { id, guess })
          : say(locale, 'unknownRule', { id }),
      )
    }
    out(ruleDocsMarkdown(rule))
    return
  }
  const width = Math.max(...rules.map((r) => r.id.length))
  for (const rule of rules) {
    const severity = presetSeverity(rule, 'recommended')
    out(`${rule.id.padEnd(width)}  ${severity.padEnd(7)}  ${pick(rule.meta.docs, locale)}\n`)
  }
}
