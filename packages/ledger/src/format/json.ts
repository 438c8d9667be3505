import { countSeverities, type Diagnostic } from '@reformkit/model'

/** Version tag of the JSON output; bumped when its shape changes incompatibly. */
export const DIAGNOSTICS_SCHEMA_TAG = 'reformkit/diagnostics@1'

/**
 * Findings as JSON for scripts: `{ schema, summary: { errors, warnings, infos, rejected? },
 * diagnostics: Diagnostic[] }`, each diagnostic as the Diagnostic type documents it.
 */
export function formatJson(
  diagnostics: readonly Diagnostic[],
  options: { rejected?: number } = {},
): string {
  return [...jsonChunks(diagnostics, options)].join('')
}

/**
 * `formatJson` in pieces, a finding at a time, so that a million findings never make one
 * string longer than a string may be. The head is indented as `JSON.stringify(…, null, 2)`
 * writes it; each finding is one line (grep finds a finding, jq reads the whole), which
 * also makes a province's findings less than half the bytes and the time.
 */
export function* jsonChunks(
  diagnostics: readonly Diagnostic[],
  options: { rejected?: number } = {},
): Generator<string> {
  const counts = countSeverities(diagnostics)
  const summary = {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    ...(options.rejected ? { rejected: options.rejected } : {}),
  }
  const head = JSON.stringify({ schema: DIAGNOSTICS_SCHEMA_TAG, summary }, null, 2)
  if (diagnostics.length === 0) {
    yield `${head.slice(0, -2)},\n  "diagnostics": []\n}\n`
    return
  }
  yield `${head.slice(0, -2)},\n  "diagnostics": [\n`
  for (let i = 0; i < diagnostics.length; i++) {
    yield `    ${JSON.stringify(diagnostics[i])}${i + 1 < diagnostics.length ? ',' : ''}\n`
  }
  yield '  ]\n}\n'
}
