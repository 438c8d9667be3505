import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnosticFactory } from './create.js'
import {
  compareDiagnostics,
  countSeverities,
  type Diagnostic,
  formatMessage,
  interpolate,
  localizeDiagnostic,
  type Severity,
  toJsonPointer,
} from './diagnostic.js'
import { modelMessages } from './messages.js'

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('message catalogue', () => {
  it('has every message in both languages with the same placeholders', () => {
    for (const [id, message] of Object.entries(modelMessages)) {
      expect(message.zh.trim(), id).not.toBe('')
      expect(message.en.trim(), id).not.toBe('')
      expect(placeholders(message.zh), id).toEqual(placeholders(message.en))
      expect(/[\u4e00-\u9fff]/.test(message.zh), `${id} zh-CN is Chinese`).toBe(true)
    }
  })
})

describe('interpolate', () => {
  it('fills placeholders and picks two-language values by locale', () => {
    const data = { n: 3, what: { zh: '列表', en: 'a list' } }
    expect(interpolate('{{n}} × {{ what }}', data)).toBe('3 × 列表')
    expect(interpolate('{{n}} × {{what}}', data, 'en')).toBe('3 × a list')
    expect(interpolate('{{missing}}', data)).toBe('{{missing}}')
  })

  it('fills a template as one regular-expression replace does, cut or not (property)', () => {
    const replaced = (template: string, data: Record<string, unknown>, locale: 'zh-CN' | 'en') =>
      template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) => {
        const value = data[key]
        if (value === undefined) return whole
        return typeof value === 'object'
          ? locale === 'en'
            ? (value as { en: string }).en
            : (value as { zh: string }).zh
          : String(value)
      })
    const piece = fc.constantFrom(
      '{{a}}',
      '{{ b }}',
      '{{c.d}}',
      '{{',
      '}}',
      '{{}}',
      'x',
      '台账',
      ' ',
      '{{a',
      '{{{a}}}',
    )
    const value = fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 3 }),
      fc.record({ zh: fc.string({ maxLength: 2 }), en: fc.string({ maxLength: 2 }) }),
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.record({ a: value, b: value, 'c.d': value }, { requiredKeys: [] }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (parts, data, locale) => {
          const template = parts.join('')
          // Twice: the second from the cut template.
          expect(interpolate(template, data as never, locale)).toBe(
            replaced(template, data, locale),
          )
          expect(interpolate(template, data as never, locale)).toBe(
            replaced(template, data, locale),
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('formatMessage throws on an unknown id (a programming error)', () => {
    expect(() => formatMessage(modelMessages, 'nope', {}, 'en')).toThrow(/nope/)
  })
})

describe('diagnostics', () => {
  const report = diagnosticFactory(modelMessages, 'zh-CN')
  const at = (line: number, file = 'a.yaml'): Diagnostic =>
    report({ ruleId: 'source/empty', location: { file, line, column: 1 } })

  it('re-renders in another locale from messageId and data', () => {
    const d = report({ ruleId: 'schema/required', data: { field: 'title' }, location: {} })
    expect(d.message).toBe('缺少必填字段“title”')
    expect(localizeDiagnostic(d, modelMessages, 'en').message).toBe(
      'The required field "title" is missing',
    )
  })

  it('sorts by file, then line', () => {
    const sorted = [at(9), at(2, 'b.yaml'), at(3)].sort(compareDiagnostics)
    expect(sorted.map((d) => `${d.location.file}:${d.location.line}`)).toEqual([
      'a.yaml:3',
      'a.yaml:9',
      'b.yaml:2',
    ])
  })

  it('encodes JSON pointers (RFC 6901)', () => {
    expect(toJsonPointer(['items', 0, 'a/b', 'c~d'])).toBe('/items/0/a~1b/c~0d')
    expect(toJsonPointer([])).toBe('')
  })
})

describe('countSeverities', () => {
  it('counts each severity as filtering would', () => {
    const severity = fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<Severity>
    fc.assert(
      fc.property(fc.array(severity, { maxLength: 50 }), (severities) => {
        const diagnostics = severities.map((s) => ({ severity: s }) as Diagnostic)
        const by = (s: Severity) => severities.filter((x) => x === s).length
        expect(countSeverities(diagnostics)).toEqual({
          error: by('error'),
          warning: by('warning'),
          info: by('info'),
        })
      }),
      { numRuns: 200 },
    )
  })
})
