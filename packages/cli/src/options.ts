import { rules } from '@reformkit/ledger'
import { closest, isIsoDate, type Locale } from '@reformkit/model'
import { UsageError } from './errors.js'
import { parseLang, today } from './io.js'

export interface CommonOptions {
  lang?: string
  asOf?: string
}

export function localeOf(options: CommonOptions): Locale {
  return parseLang(options.lang)
}

/** --as-of as YYYY-MM-DD (a real day), today when absent. */
export function asOfOf(options: CommonOptions, locale: Locale): string {
  if (options.asOf === undefined) return today()
  if (isIsoDate(options.asOf)) return options.asOf
  throw new UsageError(
    locale === 'en'
      ? `--as-of ${options.asOf}: write a day as YYYY-MM-DD, e.g. 2017-12-31`
      : `--as-of ${options.asOf}:日期须写作 YYYY-MM-DD,例如 2017-12-31`,
  )
}

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const
type Setting = (typeof SEVERITIES)[number]

/** --rule id:severity (repeatable) into rule settings; unknown ids get a did-you-mean. */
export function ruleOverrides(
  values: readonly string[] | undefined,
  locale: Locale,
): Record<string, Setting> {
  const en = locale === 'en'
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
      const hint = guess ? (en ? `; did you mean ${guess}?` : `;是否应为 ${guess}?`) : ''
      throw new UsageError(
        en ? `--rule ${value}: no rule "${id}"${hint}` : `--rule ${value}:没有规则“${id}”${hint}`,
      )
    }
    if (!(SEVERITIES as readonly string[]).includes(severity))
      throw new UsageError(
        en
          ? `--rule ${value}: severity must be error, warning, info or off`
          : `--rule ${value}:级别须为 error、warning、info 或 off`,
      )
    out[id] = severity as Setting
  }
  return out
}
