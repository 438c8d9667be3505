import { describe, expect, it } from 'vitest'
import { diagnosticFactory } from './create.js'
import {
  compareDiagnostics,
  type Diagnostic,
  formatMessage,
  interpolate,
  localizeDiagnostic,
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
