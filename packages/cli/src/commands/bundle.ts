import { resolve } from 'node:path'
import { formatDiagnostics } from '@reformkit/ledger'
import { createBundle } from '@reformkit/report/node'
import { UsageError } from '../errors.js'
import { exists, progress } from '../io.js'
import { asOfOf, type CommonOptions, localeOf } from '../options.js'
import { openProject } from '../project.js'

export interface BundleOptions extends CommonOptions {
  out: string
  force?: boolean
}

export async function bundle(dir: string, options: BundleOptions): Promise<void> {
  const locale = localeOf(options)
  const en = locale === 'en'
  const asOf = asOfOf(options, locale)
  if (!options.force && (await exists(options.out)))
    throw new UsageError(
      en
        ? `${options.out} exists; add --force to replace it`
        : `${options.out} 已存在;确需覆盖请加 --force`,
    )
  const project = await openProject(dir, { locale, asOf })
  if (!project.plan) {
    process.stderr.write(formatDiagnostics(project.diagnostics, { locale }))
    process.exitCode = 1
    return
  }
  if (project.inputs.some((input) => resolve(input).startsWith(resolve(options.out))))
    throw new UsageError(
      en
        ? `${options.out} holds inputs of the project; choose another output`
        : `${options.out} 中有项目的输入文件;请换一个输出位置`,
    )
  const errors = project.diagnostics.filter((d) => d.severity === 'error').length
  const bar = progress(en ? 'Bundling' : '打包')
  const { manifest } = await createBundle({
    plan: project.plan,
    entries: project.entries,
    diagnostics: project.diagnostics,
    asOf,
    root: project.dir,
    files: project.ledgerFiles,
    out: options.out,
    force: options.force ?? false,
    locale,
    onProgress: (p) => bar.update(p.done, p.total),
  })
  bar.end()
  process.stdout.write(
    en
      ? `wrote ${options.out}: ${manifest.files.length} files, manifest.json with their SHA-256\n`
      : `已写入 ${options.out}:${manifest.files.length} 个文件,manifest.json 记有各文件的 SHA-256\n`,
  )
  if (errors > 0)
    process.stderr.write(
      en
        ? `reformkit: the ledger has ${errors} errors; run "reformkit validate" before sending this copy\n`
        : `reformkit:台账还有 ${errors} 个错误;报送前请先运行 “reformkit validate” 修正\n`,
    )
}
