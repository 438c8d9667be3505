import type { Diagnostic } from '@reformkit/model'

/** Version tag of the JSON output; bumped when its shape changes incompatibly. */
export const DIAGNOSTICS_SCHEMA_TAG = 'reformkit/diagnostics@1'

/**
 * Findings as JSON for scripts: `{ schema, summary: { errors, warnings, infos },
 * diagnostics: Diagnostic[] }`, each diagnostic as the Diagnostic type documents it.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length
  const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') }
  return `${JSON.stringify({ schema: DIAGNOSTICS_SCHEMA_TAG, summary, diagnostics }, null, 2)}\n`
}
