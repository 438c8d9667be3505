/**
 * `build`, run on the first call and kept: zod schemas are built so, not at import (building
 * them is most of what importing the package would cost a small project's run, and a
 * well-formed file or config is read without them).
 */
export function firstUse<T>(build: () => T): () => T {
  let built: T | undefined
  let done = false
  return () => {
    if (!done) {
      built = build()
      done = true
    }
    return built as T
  }
}
