import { ProjectError } from '@reformkit/project'
import { BundleError } from '@reformkit/report/node'
import { EXIT, InputError, UsageError } from './errors.js'

/**
 * The one line a user sees for an error, and its exit code: the one place where error
 * classes of every package meet the exit codes.
 */
export function describeError(
  error: unknown,
  locale: 'zh-CN' | 'en',
): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: EXIT.usage }
  // An existing output, or inputs inside it: how the command was called.
  if (error instanceof BundleError) return { message: error.message, exitCode: EXIT.usage }
  if (error instanceof InputError || error instanceof ProjectError)
    return { message: error.message, exitCode: EXIT.io }
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    const path = (error as NodeJS.ErrnoException).path
    const where = path ? ` ${path}` : ''
    return {
      message:
        locale === 'en' ? `Cannot read or write${where} (${code})` : `无法读写${where}(${code})`,
      exitCode: EXIT.io,
    }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return {
    message:
      locale === 'en'
        ? `Internal error: ${detail} — this is a reformkit bug (exit 70); please run the same command again with --debug and send its whole output, with reformkit --version, to the reformkit maintainers`
        : `内部错误:${detail}——这是 reformkit 的缺陷(退出码 70);请加 --debug 重新运行同一命令,把全部输出和 reformkit --version 一并报告给 reformkit 维护者`,
    exitCode: EXIT.internal,
  }
}
