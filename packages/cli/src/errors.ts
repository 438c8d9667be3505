/** Exit codes scripts and CI can rely on. */
export const EXIT = { ok: 0, problems: 1, usage: 2, io: 3 } as const

/** A mistake in how the command was called: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
  readonly exitCode = EXIT.usage
}

/** Input that cannot be read, or output that cannot be written: exit 3. */
export class InputError extends Error {
  override name = 'InputError'
  readonly exitCode = EXIT.io
}

/** The one line a user sees for an error, and the exit code that goes with it. */
export function describeError(
  error: unknown,
  locale: 'zh-CN' | 'en',
): { message: string; exitCode: number } {
  if (error instanceof UsageError || error instanceof InputError)
    return { message: error.message, exitCode: error.exitCode }
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
  if ((error as { name?: string } | null)?.name === 'BundleError')
    return { message: (error as Error).message, exitCode: EXIT.usage }
  const detail = error instanceof Error ? error.message : String(error)
  return {
    message:
      locale === 'en'
        ? `Internal error: ${detail} — this is a reformkit bug; run again with --debug and report it`
        : `内部错误:${detail}——这是 reformkit 的缺陷;请加 --debug 重新运行并报告`,
    exitCode: EXIT.io,
  }
}
