import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pathEscape } from './paths.js'

/** The rule as first written: slower, plainly right; the fast version must agree with it. */
function reference(path: string) {
  const normalized = path.replace(/\\/g, '/')
  if (/^[A-Za-z]:/.test(normalized)) return 'drive'
  if (normalized.startsWith('/')) return 'absolute'
  if (normalized.split('/').includes('..')) return 'parent'
  return undefined
}

describe('pathEscape', () => {
  it.each([
    ['files/fgj/a.pdf', undefined],
    ['./files/a.pdf', undefined],
    ['files/a..b.pdf', undefined],
    ['../../etc/passwd', 'parent'],
    ['files\\..\\..\\secret', 'parent'],
    ['files/..', 'parent'],
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\a.pdf', 'absolute'],
    ['C:\\secret.txt', 'drive'],
    ['c:relative.txt', 'drive'],
    ['', undefined],
  ])('%s → %s', (path, expected) => {
    expect(pathEscape(path)).toBe(expected)
  })

  it('agrees with the plain version on any text', () => {
    const pieces = fc.constantFrom('a', '.', '..', '/', '\\', 'C:', ':', 'files', ' ', 'é')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const path = parts.join('')
        expect(pathEscape(path)).toBe(reference(path))
      }),
      { numRuns: 5000 },
    )
  })
})
