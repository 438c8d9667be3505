import { formatDiagnostics } from '@reformkit/ledger'
import { verifyBundle } from '@reformkit/report/node'
import { useColor } from '../io.js'
import { type CommonOptions, localeOf } from '../options.js'

export async function verify(
  copy: string,
  other: string | undefined,
  options: CommonOptions,
): Promise<void> {
  const locale = localeOf(options)
  const en = locale === 'en'
  const result = await verifyBundle(copy, other, { locale })
  if (result.ok) {
    process.stdout.write(
      other === undefined
        ? en
          ? `✔ ${copy} is intact: every file matches manifest.json\n`
          : `✔ ${copy} 完整:所有文件与 manifest.json 一致\n`
        : en
          ? `✔ ${copy} and ${other} are intact and identical\n`
          : `✔ ${copy} 与 ${other} 均完整,且两份完全一致\n`,
    )
    return
  }
  process.stdout.write(formatDiagnostics(result.diagnostics, { locale, color: useColor() }))
  process.exitCode = result.diagnostics.some((d) => d.ruleId === 'bundle/unreadable') ? 3 : 1
}
