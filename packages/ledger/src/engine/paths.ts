const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/**
 * Why an attachment path may not be read, judged from the text alone: absolute paths,
 * Windows drive or UNC paths, and `..` segments all leave the ledger root. Runs once per
 * attachment, so the usual relative path is answered from its first characters.
 */
export function pathEscape(path: string): 'absolute' | 'drive' | 'parent' | undefined {
  const first = path.charCodeAt(0)
  if (path.length > 1 && path.charCodeAt(1) === 58 && isLetter(first)) return 'drive'
  if (first === 47 || first === 92) return 'absolute' // / or \ (also //server and \\server)
  if (!path.includes('..')) return undefined
  return path.replace(/\\/g, '/').split('/').includes('..') ? 'parent' : undefined
}
