/**
 * Edit distance between two strings, by code point: insertions, deletions, substitutions
 * and transpositions of neighbours each cost 1 (optimal string alignment), so the typing
 * slip `titel` is one edit from `title`.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a]
  const t = [...b]
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)]
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      const above = rows[i - 1] as number[]
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      }
      row[j] = best
    }
    rows.push(row)
  }
  return rows[s.length]?.[t.length] ?? 0
}

/**
 * The candidate closest to `input`, for "did you mean …?" — or undefined when none is
 * close: a case-insensitive match, or at most a third of the input's length in edits
 * (at least 1, at most 3). Ties go to the earlier candidate, so results are stable.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase()
  const limit = Math.min(3, Math.max(1, Math.floor([...input].length / 3)))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate.toLowerCase() === lower) return candidate
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
