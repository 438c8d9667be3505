import { rules } from '@reformkit/ledger'
import { closest, isIsoDate, type Locale } from '@reformkit/model'
import { UsageError } from './errors.js'
import { parseLang, today } from './io.js'
import { say } from './messages.js'

export interface CommonOptions {
  lang?: string
  asOf?: string
  /** --cache: keep attachment hashes in the project's .reformkit-cache.json between runs. */
  cache?: boolean
  /** --cache-location <file>: keep them there instead (implies --cache). */
  cacheLocation?: string
}

/** The cache flags as openProject takes them. */
export function cacheOf(options: CommonOptions): { cache?: boolean; cacheLocation?: string } {
  return {
    ...(options.cache ? { cache: true } : {}),
    ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}),
  }
}

export function localeOf(options: CommonOptions): Locale {
  return parseLang(options.lang)
}

/** --as-of as YYYY-MM-DD (a real day), today when absent. */
export function asOfOf(options: CommonOptions, locale: Locale): string {
  if (options.asOf === undefined) return today()
  if (isIsoDate(options.asOf)) return options.asOf
  throw new UsageError(say(locale, 'badAsOf', { value: options.asOf }))
}

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const
type Setting = (typeof SEVERITIES)[number]

/** --rule id:severity (repeatable) into rule settings; unknown ids get a did-you-mean. */
export function ruleOverrides(
  values: readonly string[] | undefined,
  locale: Locale,
): Record<string, Setting> {
  const out: Record<string, Setting> = {}
  for (const value of values ?? []) {
    const at = value.lastIndexOf(':')
    const id = at < 0 ? value : value.slice(0, at)
    const severity = at < 0 ? '' : value.slice(at + 1)
    if (!rules.some((r) => r.id === id)) {
      const guess = closest(
        id,
        rules.map((r) => r.id),
      )
      throw new UsageError(
        guess
          ? say(locale, 'unknownRuleFlagSuggest', { value, id, guess })
          : say(locale, 'unknownRuleFlag', { value, id }),
      )
    }
    if (!(SEVERITIES as readonly string[]).includes(severity))
      throw new UsageError(say(locale, 'badSeverity', { value }))
    out[id] = severity as Setting
  }
  return out
}
