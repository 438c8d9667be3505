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

/**
 * What may be forbidden: the characters above and every surrogate. One character class, no
 * look-around — several times faster than FORBIDDEN, which then decides for the few
 * strings it finds (a valid pair of surrogates, a Chinese character of extension B, is fine).
 */
const SUSPECT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/

/** Whether a string anywhere in `value` has a character XML forbids (loops, no copies). */
function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') {
    if (!SUSPECT.test(value)) return false
    FORBIDDEN.lastIndex = 0
    return FORBIDDEN.test(value)
  }
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (needsCleaning(value[i])) return true
    return false
  }
  for (const key in value)
    if (Object.hasOwn(value, key) && needsCleaning((value as Record<string, unknown>)[key]))
      return true
  return false
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return xmlText(value)
  if (Array.isArray(value)) return value.map(clean)
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]))
  return value
}
