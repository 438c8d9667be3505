/**
 * Why an attachment path may not be read, judged from the text alone: absolute paths,
 * Windows drive or UNC paths, and `..` segments all leave the ledger root.
 */
export function pathEscape(path: string): 'absolute' | 'drive' | 'parent' | undefined {
  const normalized = path.replace(/\\/g, '/')
  if (/^[A-Za-z]:/.test(normalized)) return 'drive'
  if (normalized.startsWith('/') || normalized.startsWith('//')) return 'absolute'
  if (normalized.split('/').includes('..')) return 'parent'
  return undefined
}
