import type { Diagnostic } from '@reformkit/model'
import { formatJson, jsonChunks } from './json.js'
import { formatSarif, type SarifOptions, sarifChunks } from './sarif.js'
import { formatStylish, type StylishOptions, stylishChunks } from './stylish.js'

export const FORMATS = ['stylish', 'json', 'sarif'] as const
export type FormatName = (typeof FORMATS)[number]

export type FormatOptions = StylishOptions & SarifOptions & { format?: FormatName }

/** Render findings for people (`stylish`, the default), scripts (`json`) or CI (`sarif`). */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: FormatOptions = {},
): string {
  switch (options.format ?? 'stylish') {
    case 'json':
      return formatJson(diagnostics, options)
    case 'sarif':
      return formatSarif(diagnostics, options)
    default:
      return formatStylish(diagnostics, options)
  }
}

/**
 * `formatDiagnostics` in pieces, to write output of any size without building it whole
 * (a province's JSON or SARIF can be longer than a string may be).
 */
export function formatDiagnosticsChunks(
  diagnostics: readonly Diagnostic[],
  options: FormatOptions = {},
): Iterable<string> {
  switch (options.format ?? 'stylish') {
    case 'json':
      return jsonChunks(diagnostics, options)
    case 'sarif':
      return sarifChunks(diagnostics, options)
    default:
      return stylishChunks(diagnostics, options)
  }
}
