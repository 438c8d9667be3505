import { readFileSync } from 'node:fs'
import type { Diagnostic } from '@reformkit/model'
import Ajv from 'ajv-draft-04'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entry, plan } from '../../test/fixtures.js'
import { checkLedger } from '../engine/check-ledger.js'
import { rules } from '../rules/index.js'
import { formatDiagnostics, formatDiagnosticsChunks } from './index.js'
import { displayWidth } from './width.js'

const diagnostic = (fields: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'ref/unknown-unit',
  severity: 'error',
  message: 'm',
  messageId: 'm',
  data: {},
  location: {},
  ...fields,
})

const findings: Diagnostic[] = [
  diagnostic({
    message: '条目“e1”的填报单位“发改委”不在方案中',
    location: { file: 'ledger/fgj.yaml', line: 4, column: 11 },
    suggestions: [{ message: '是否应为“fgj”(发改局)?', replacement: 'fgj' }],
  }),
  diagnostic({
    ruleId: 'entry/future-date',
    severity: 'warning',
    message: 'date is after as-of',
    location: { file: 'ledger/fgj.yaml', line: 12, column: 9 },
  }),
  diagnostic({
    ruleId: 'kpi/reported',
    severity: 'info',
    message: '指标未报送',
    location: { path: '/items/0/kpis/1' },
  }),
]

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns, colour codes as none', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('发改局')).toBe(6)
    expect(displayWidth('（一）１')).toBe(8)
    expect(displayWidth('\u001b[31m错误\u001b[0m')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('𠀀😀')).toBe(4)
  })

  it('is the width of every code point summed, with or without the ASCII shortcut', () => {
    // The definition, one code point at a time over a table of wide ranges.
    const wide = [
      [0x1100, 0x115f],
      [0x2e80, 0x303e],
      [0x3041, 0x33ff],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xa000, 0xa4cf],
      [0xac00, 0xd7a3],
      [0xf900, 0xfaff],
      [0xfe30, 0xfe4f],
      [0xff00, 0xff60],
      [0xffe0, 0xffe6],
      [0x1f300, 0x1f64f],
      [0x1f900, 0x1f9ff],
      [0x20000, 0x3fffd],
    ]
    const reference = (text: string) => {
      let width = 0
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are the point
      for (const char of text.replace(/\u001b\[[0-9;]*m/g, '')) {
        const code = char.codePointAt(0) ?? 0
        if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x300 && code <= 0x36f))
          continue
        width += wide.some(([from, to]) => code >= (from ?? 0) && code <= (to ?? 0)) ? 2 : 1
      }
      return width
    }
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '发改局',
        '（一）',
        '\u001b[31m',
        '\u001b[0m',
        'e\u0301',
        '𠀀',
        '\ud800',
        '한',
      ),
      fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('')
        expect(displayWidth(text)).toBe(reference(text))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('stylish', () => {
  it('groups by file and aligns columns by display width', () => {
    expect(formatDiagnostics(findings)).toBe(
      [
        'ledger/fgj.yaml',
        '  4:11  错误  条目“e1”的填报单位“发改委”不在方案中  ref/unknown-unit',
        '              → 是否应为“fgj”(发改局)?',
        '  12:9  警告  date is after as-of                   entry/future-date',
        '',
        '(无文件)',
        '  /items/0/kpis/1  提示  指标未报送  kpi/reported',
        '',
        '✖ 共 3 个问题(1 个错误,1 个警告,1 个提示)',
        '',
      ].join('\n'),
    )
  })

  it('places a finding with a line but no column at the line alone', () => {
    const wholeLine = diagnostic({ location: { file: 'plan.txt', line: 34 } })
    expect(formatDiagnostics([wholeLine])).toMatch(/^plan\.txt\n {2}34 {2}/)
  })

  it('speaks English, colours only when asked, and says so when all is well', () => {
    const english = formatDiagnostics(findings, { locale: 'en' })
    expect(english).toContain('  4:11  error    ')
    expect(english).toMatch(/✖ 3 problems \(1 error, 1 warning, 1 info\)\n$/)
    expect(english).not.toContain('\u001b[')
    expect(formatDiagnostics(findings, { color: true })).toContain('\u001b[31m错误\u001b[0m')
    expect(formatDiagnostics([], { locale: 'en' })).toBe('✔ No problems\n')
  })
})

describe('json', () => {
  it('is versioned and keeps every field', () => {
    const parsed = JSON.parse(formatDiagnostics(findings, { format: 'json' }))
    expect(parsed.schema).toBe('reformkit/diagnostics@1')
    expect(parsed.summary).toEqual({ errors: 1, warnings: 1, infos: 1 })
    expect(parsed.diagnostics).toEqual(findings)
  })
})

describe('sarif', () => {
  const schema = JSON.parse(
    readFileSync(new URL('../../test/vendor/sarif-2.1.0.schema.json', import.meta.url), 'utf8'),
  )
  const validate = new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    unicodeRegExp: false,
  }).compile(schema)

  it('is valid SARIF 2.1.0 with every rule described in tool.driver.rules', () => {
    const { diagnostics } = checkLedger({
      plan,
      entries: [entry({ unit: '发改委', date: '2018-03-01' }), entry({ item: 'i9' })],
      asOf: '2017-12-31',
    })
    expect(diagnostics.length).toBeGreaterThan(2)
    const log = JSON.parse(
      formatDiagnostics([...diagnostics, ...findings], {
        format: 'sarif',
        rules,
        toolVersion: '1.2.3',
        helpUri: 'https://example.org/rules/{id}.md',
      }),
    )
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    const run = log.runs[0]
    expect(run.tool.driver.rules.length).toBe(rules.length)
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: rules[0]?.id,
      shortDescription: { text: rules[0]?.meta.docs.zh },
      helpUri: `https://example.org/rules/${rules[0]?.id.replace('/', '-')}.md`,
    })
    for (const result of run.results)
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    const located = run.results.find(
      (r: { locations?: Array<{ physicalLocation?: unknown }> }) =>
        r.locations?.[0]?.physicalLocation,
    )
    expect(located.properties).toEqual({ suggestions: ['是否应为“fgj”(发改局)?'] })
    expect(located.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'ledger/fgj.yaml' },
        region: { startLine: 4, startColumn: 11 },
      },
    })
    const note = run.results.find(
      (r: { message: { text: string } }) => r.message.text === '指标未报送',
    )
    expect(note).toMatchObject({
      level: 'note',
      locations: [{ logicalLocations: [{ fullyQualifiedName: '/items/0/kpis/1' }] }],
    })
  })

  it('rejects what is not SARIF (the validator is not a rubber stamp)', () => {
    const log = JSON.parse(formatDiagnostics(findings, { format: 'sarif' }))
    log.runs[0].results[0].level = 'fatal'
    expect(validate(log)).toBe(false)
  })
})

describe('stylish at province scale', () => {
  it('aligns 200,000 findings of one file without overflowing the stack', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: 'ledger/normalized',
      severity: 'info' as const,
      message: `条目 ${i}`,
      messageId: 'ledger/normalized',
      data: {},
      location: { file: 'ledger/a.yaml', line: i + 1, column: 3 },
    }))
    const text = formatDiagnostics(many, { format: 'stylish' })
    expect(text.split('\n')).toHaveLength(200_000 + 4)
  })
})

describe('stylish output is safe for a terminal (issue 14, item 7)', () => {
  it('shows control characters and bidi overrides escaped, never raw', () => {
    const hostile = {
      ruleId: 'ledger/normalized',
      severity: 'error' as const,
      message: '标题\u001b[2J\u001b]8;;http://x\u0007链接\u001b]8;;\u0007\u202e',
      messageId: 'x',
      data: {},
      location: { file: 'ledger/a.yaml\nledger/b.yaml:1:1 error forged', line: 1, column: 1 },
      suggestions: [{ message: 'files/x\r\n  1:1  error  forged' }],
    }
    const text = formatDiagnostics([hostile], { format: 'stylish' })
    const raw = [...text].filter((c) => {
      const code = c.charCodeAt(0)
      return (code < 0x20 && c !== '\n') || code === 0x7f || code === 0x202e
    })
    expect(raw).toEqual([])
    expect(text).toContain('\\x1b[2J')
    expect(text).toContain('\\u202e')
    expect(text).toContain('ledger/a.yaml\\nledger/b.yaml')
    // One file heading, one finding, one suggestion, the blank line and the summary.
    expect(text.trimEnd().split('\n')).toHaveLength(5)
  })
})

describe('output in pieces, for a province', () => {
  const { diagnostics } = checkLedger({
    plan,
    entries: [entry({ date: '2018-02-01' }), entry({ item: 'nope' })],
    asOf: '2017-12-31',
  })

  it.each([
    ['with findings', diagnostics],
    ['without', []],
  ])('JSON in pieces is the same data as JSON.stringify, a finding a line (%s)', (_, found) => {
    const pieces = [...formatDiagnosticsChunks(found, { format: 'json' })]
    const summary = {
      errors: found.filter((d) => d.severity === 'error').length,
      warnings: found.filter((d) => d.severity === 'warning').length,
      infos: found.filter((d) => d.severity === 'info').length,
    }
    expect(JSON.parse(pieces.join(''))).toEqual({
      schema: 'reformkit/diagnostics@1',
      summary,
      diagnostics: JSON.parse(JSON.stringify(found)),
    })
    // Each finding on a line of its own.
    for (const d of found) expect(pieces.join('')).toContain(`    ${JSON.stringify(d)}`)
    expect(pieces.length).toBe(found.length === 0 ? 1 : found.length + 2)
  })

  it.each([
    ['with findings', diagnostics],
    ['without', []],
  ])('SARIF in pieces is JSON.stringify(log, null, 2), a result a piece (%s)', (_, found) => {
    const options = { format: 'sarif' as const, rules, toolVersion: '1.2.3' }
    // The reading findings (no rule object, a suggestion, no file) along with the rules'.
    const all = found.length === 0 ? [] : [...found, ...findings]
    const pieces = [...formatDiagnosticsChunks(all, options)]
    const text = pieces.join('')
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    expect(text).toBe(formatDiagnostics(all, options))
    expect(JSON.parse(text).runs[0].results).toHaveLength(all.length)
    expect(pieces.length).toBe(all.length === 0 ? 1 : all.length + 2)
  })

  it("SARIF of 100,000 findings is never one string (a province's log is longer than a string may be)", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({
      ruleId: 'attachment/required',
      severity: 'warning' as const,
      message: `条目“e${i}”没有附材料文件`,
      messageId: 'none',
      data: {},
      location: { file: 'ledger/a.json', line: 1, column: i + 1, path: `/entries/${i}` },
    }))
    let longest = 0
    let count = 0
    for (const piece of formatDiagnosticsChunks(many, { format: 'sarif', rules })) {
      longest = Math.max(longest, piece.length)
      count++
    }
    expect(count).toBe(100_002)
    expect(longest).toBeLessThan(64 * 1024)
  })

  it('stylish in pieces is the same text, a file at a time', () => {
    const pieces = [...formatDiagnosticsChunks(diagnostics, { format: 'stylish' })]
    expect(pieces.join('')).toBe(formatDiagnostics(diagnostics, { format: 'stylish' }))
    expect(pieces.length).toBeGreaterThan(1)
  })
})
