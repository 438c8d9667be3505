import { isAscii } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { escapeNonAscii, shiftMappings } from '../ascii-only.js'

const evaluate = (code: string): RegExp => new Function(`return ${code}`)() as RegExp

describe('escapeNonAscii', () => {
  it('writes regular expressions that match what they matched before', () => {
    const cases: Array<[string, string[]]> = [
      ['/^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月/', ['2017年3月', '2017 年 12月', '2017-03']],
      ['/[（(]\\d+[）)]/u', ['（3）', '(3)', '3']],
      ['/\\（一\\）/', ['（一）', '(一)']],
      ['/[😀-😂]/u', ['😁', '😃', 'a']],
      ['/\\\\年/', ['\\年', '年']],
    ]
    for (const [code, inputs] of cases) {
      const { text } = escapeNonAscii(code)
      expect(isAscii(Buffer.from(text))).toBe(true)
      const before = evaluate(code)
      const after = evaluate(text)
      for (const input of inputs) expect(after.test(input)).toBe(before.test(input))
    }
  })

  it('says where each escape is and how many columns it added', () => {
    const { text, shifts } = escapeNonAscii('a\nb年c\\（d')
    expect(text).toBe('a\nb\\u5e74c\\uff08d')
    expect(shifts).toEqual(new Map([[1, [1, 5, 4, 4]]]))
    expect(escapeNonAscii('plain').shifts.size).toBe(0)
  })
})

describe('shiftMappings', () => {
  it('moves the segments after an escape on its line, and only those', () => {
    // Line 0: segments at columns 0 and 2; line 1: one at column 3.
    const { shifts } = escapeNonAscii('a年b\nxyz')
    expect(shiftMappings('AAAA,EAAE;GAAG', shifts)).toBe('AAAA,OAAE;GAAG')
    // A column past 15 takes two digits: x at 3 + 5 × 3 = 18 (VLQ 36: k, B).
    expect(shiftMappings('AAAA,GAAE', escapeNonAscii('年年年xx').shifts)).toBe('AAAA,kBAAE')
  })
})

describe('the built commands', () => {
  it('are ASCII, so that they are read a byte a character', () => {
    for (const name of ['cli', 'validate']) {
      const built = new URL(`../dist/${name}.cjs`, import.meta.url)
      expect(isAscii(readFileSync(built)), name).toBe(true)
    }
  })

  it('validate.cjs holds validate without the other commands’ modules', () => {
    const all = readFileSync(new URL('../dist/cli.cjs', import.meta.url), 'latin1')
    const validate = readFileSync(new URL('../dist/validate.cjs', import.meta.url), 'latin1')
    // Module paths esbuild keeps in the minified file's source map, per command.
    const sources = (name: string) =>
      (
        JSON.parse(readFileSync(new URL(`../dist/${name}.cjs.map`, import.meta.url), 'utf8'))
          .sources as string[]
      ).filter((s) => s.includes('src/commands/'))
    expect(
      sources('cli')
        .map((s) => s.replace(/.*\//, ''))
        .sort(),
    ).toEqual([
      ...['bundle.ts', 'extract.ts', 'init.ts', 'report.ts', 'rules.ts', 'schema.ts'],
      ...['validate.ts', 'verify.ts', 'workbook.ts'],
    ])
    expect(sources('validate').map((s) => s.replace(/.*\//, ''))).toEqual(['validate.ts'])
    expect(validate.length).toBeLessThan(all.length * 0.85)
  })
})
