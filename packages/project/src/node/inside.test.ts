import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inside } from './inside.js'

describe('inside', () => {
  it('is join(dir, path) (property)', () => {
    const part = fc.constantFrom('files', 'a.pdf', '.', '..', '', '...', '.x', 'b..', '扫描件')
    const path = fc.array(part, { maxLength: 6 }).map((parts) => parts.join('/'))
    // An absolute, normalised folder (what resolve() gives), or the root, or one with a slash.
    const dir = fc.constantFrom('/tmp/project', '/', '/tmp/project/', '/tmp/项目')
    fc.assert(
      fc.property(dir, path, (d, p) => {
        expect(inside(d, p)).toBe(join(d, p))
      }),
      { numRuns: 3000 },
    )
  })
})
