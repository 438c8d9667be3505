import { formatDiagnostics } from '@reformkit/ledger'
import { verifyBundle } from '@reformkit/report/node'
import { useColor } from '../io.js'
import { say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'
import { out } from '../stdio.js'

export async function verify(
  copy: string,
  other: string | undefined,
  options: CommonOptions,
): Promise<void> {
  const locale = localeOf(options)
  const result = await verifyBundle(copy, other, { locale })
  if (result.ok) {
    const line =
      other === undefined
        ? say(locale, 'intact', { copy })
        : say(locale, 'identical', { copy, other })
    out(`${line}\n`)
    return
  }
  out(formatDiagnostics(result.diagnostics, { locale, color: useColor() }))
  process.exitCode = result.diagnostics.some((d) => d.ruleId === 'bundle/unreadable') ? 3 : 1
}
