/**
 * What XML 1.0 forbids in text: control characters other than tab, newline and carriage
 * return, U+FFFE and U+FFFF, and halves of surrogate pairs standing alone.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text with every character XML forbids replaced by U+FFFD (�), so the file stays well-formed. */
export function xmlText(text: string): string {
  FORBIDDEN.lastIndex = 0
  return FORBIDDEN.test(text) ? text.replace(FORBIDDEN, '\uFFFD') : text
}

/**
 * A report model as XML may carry it: every string through `xmlText`. The model itself is
 * returned when no string needs it (the usual case), so nothing is copied for nothing.
 */
export function xmlSafeModel<T>(model: T): T {
  return needsCleaning(model) ? (clean(model) as T) : model
}

function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') {
    FORBIDDEN.lastIndex = 0
    return FORBIDDEN.test(value)
  }
  if (Array.isArray(value)) return value.some(needsCleaning)
  if (value !== null && typeof value === 'object') return Object.values(value).some(needsCleaning)
  return false
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return xmlText(value)
  if (Array.isArray(value)) return value.map(clean)
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]))
  return value
}
