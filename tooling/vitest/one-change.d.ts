export type Path = (string | number)[]
export type Change =
  | { how: 'set'; path: Path; value: unknown }
  | { how: 'drop'; path: Path }
  | { how: 'add'; path: Path; key: string; value: unknown }
/** Every place in `value`: the paths of its values, and of its objects (where a key may be added). */
export declare function places(
  value: unknown,
  path?: Path,
  out?: { values: Path[]; objects: Path[] },
): { values: Path[]; objects: Path[] }
/** The value at `path` of `data`. */
export declare function at(data: unknown, path: Path): unknown
/** A copy of `base` with one change: a value replaced or removed, or a key set on an object. */
export declare function changed(base: unknown, change: Change): unknown
/**
 * A fast-check arbitrary of the changes to `base`: a value set to one of `anything`, a value
 * dropped, or one of `keys` set to one of `anything` on an object. `fc` is fast-check
 * itself (the caller's); the result is its `Arbitrary<Change>`.
 */
export declare function changes<A extends { map<U>(f: (change: Change) => U): unknown }>(
  // biome-ignore lint/suspicious/noExplicitAny: fast-check is the caller's, not a dependency here
  fc: any,
  base: unknown,
  anything: unknown,
  keys: readonly string[],
): A
