/**
 * Why an attachment path may not be read, judged from the text alone: absolute paths,
 * Windows drive or UNC paths, and `..` segments all leave the ledger root.
 */
export function pathEscape(path: string): 'absolute' | 'drive' | 'parent' | undefined {
  const normalized = path.includes('\\') ? path.replace(/\\/g, '/') : path
  if (/^[A-Za-z]:/.test(normalized)) return 'drive'
  if (normalized.startsWith('/') || normalized.startsWith('//')) return 'absolute'
  if (normalized.includes('..') && normalized.split('/').includes('..')) return 'parent'
  return undefined
}
