// Data with one change, for tests that hold a quick reader (fastPlan, fastConfig) to its
// schema: every place in a value, and a copy of it with one value set, dropped or added.

/** Every place in `value`: the paths of its values, and of its objects (where a key may be added). */
export function places(value, path = [], out = { values: [], objects: [] }) {
  out.values.push(path)
  if (Array.isArray(value)) for (const [i, v] of value.entries()) places(v, [...path, i], out)
  else if (value !== null && typeof value === 'object') {
    out.objects.push(path)
    for (const [k, v] of Object.entries(value)) places(v, [...path, k], out)
  }
  return out
}

/** The value at `path` of `data`. */
export function at(data, path) {
  return path.reduce((v, k) => v?.[k], data)
}

/** A copy of `base` with one change: a value replaced or removed, or a key set on an object. */
export function changed(base, change) {
  const data = structuredClone(base)
  if (change.how === 'add') {
    // defineProperty, not assignment: `__proto__` is then a key like any other.
    Object.defineProperty(at(data, change.path), change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
    return data
  }
  const key = change.path.at(-1)
  if (key === undefined) return change.how === 'set' ? change.value : undefined
  const parent = at(data, change.path.slice(0, -1))
  if (change.how === 'set') parent[key] = change.value
  else if (Array.isArray(parent)) parent.splice(key, 1)
  else delete parent[key]
  return data
}

/**
 * A fast-check arbitrary of the changes to `base`: a value set to one of `anything`, a value
 * dropped, or one of `keys` set to one of `anything` on an object. `fc` is fast-check
 * itself (the caller's).
 */
export function changes(fc, base, anything, keys) {
  const { values, objects } = places(base)
  return fc.oneof(
    fc.record({ how: fc.constant('set'), path: fc.constantFrom(...values), value: anything }),
    fc.record({ how: fc.constant('drop'), path: fc.constantFrom(...values) }),
    fc.record({
      how: fc.constant('add'),
      path: fc.constantFrom(...objects),
      key: fc.constantFrom(...keys),
      value: anything,
    }),
  )
}
