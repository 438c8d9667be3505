import { formatDiagnostics } from '@reformkit/ledger'
import { verifyBundle } from '@reformkit/report/node'
import { useColor } from '../io.js'
import { say } from '../messages.js'
import { type CommonOptions, localeOf } from '../options.js'

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
    process.stdout.write(`${line}\n`)
    return
  }
  process.stdout.write(formatDiagnostics(result.diagnostics, { locale, color: useColor() }))
  process.exitCode = result.diagnostics.some((d) => d.ruleId === 'bundle/unreadable') ? 3 : 1
}
