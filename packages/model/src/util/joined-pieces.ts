/** Lines a piece holds at the most: output of a million lines is never one string. */
const LINES_PER_PIECE = 4096

/**
 * `[...lines].join(separator)` in pieces of a few thousand lines, for text too long to be one
 * string (a province's findings or ledger index). Joined, the pieces are the same text.
 */
export function* joinedPieces(lines: Iterable<string>, separator: string): Generator<string> {
  let batch: string[] = []
  let first = true
  for (const line of lines) {
    batch.push(line)
    if (batch.length === LINES_PER_PIECE) {
      yield `${first ? '' : separator}${batch.join(separator)}`
      first = false
      batch = []
    }
  }
  if (first || batch.length > 0) yield `${first ? '' : separator}${batch.join(separator)}`
}
