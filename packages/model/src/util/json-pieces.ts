/** Arrays longer than this are written an item a piece. */
const SPLIT_ABOVE = 256

/**
 * `JSON.stringify(value, null, 2)` in pieces, for output too long to be one string (a
 * province's report or SARIF log: a million rows, hundreds of MB; V8 refuses strings of
 * more than 2²⁹ − 24 characters). Plain objects and arrays are walked; an array longer than
 * `splitAbove` items comes an item a piece, each item written whole by JSON.stringify, as is
 * everything else. Joined, the pieces are the same text.
 */
export function* prettyJsonPieces(
  value: unknown,
  options: { splitAbove?: number } = {},
): Generator<string> {
  yield* pieces(value, '', options.splitAbove ?? SPLIT_ABOVE)
}

/** What JSON.stringify leaves out of an object (and writes `null` for in an array). */
const skipped = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol'

/** Walked: arrays, and objects made by a literal or JSON.parse without a toJSON of their own. */
function walked(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  )
}

/** A value written whole at `indent`: JSON's line breaks are all between members. */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null'
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`)
}

function* pieces(value: unknown, indent: string, split: number): Generator<string> {
  if (!walked(value)) {
    yield whole(value, indent)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    for (let i = 0; i < value.length; i++) {
      // An item JSON cannot write (undefined, a function) is written `null`, as by whole().
      const item = value[i]
      const head = `${i === 0 ? '[' : ','}\n${inner}`
      if (value.length > split) yield head + whole(item, inner)
      else {
        yield head
        yield* pieces(item, inner, split)
      }
    }
    yield `\n${indent}]`
    return
  }
  let first = true
  for (const key of Object.keys(value)) {
    const member = value[key]
    if (skipped(member)) continue
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `
    first = false
    yield* pieces(member, inner, split)
  }
  yield first ? '{}' : `\n${indent}}`
}
