// A title with characters XML forbids (U+FFFE, U+FFFF, C0 controls, a lone surrogate) once
// gave XLSX and DOCX files whose XML was not well-formed (issue 14, item 9): they become
// U+FFFD now, and the files open.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderReport } from '../src/render/render.js'
import { xmlSafeModel, xmlText } from '../src/render/xml-safe.js'
import { buildReport } from '../src/reports/build.js'
import { loadExample } from './example.js'

const example = await loadExample()
const hostile = '调研\uFFFE报告\u0001\uFFFF\uD800结束'
const entries = example.entries.map((e, i) => (i === 0 ? { ...e, title: hostile } : e))
const model = buildReport({ ...example, entries, kind: 'ledger-index' })
// Forbidden in XML 1.0 text (tab, newline and carriage return are allowed).
const forbidden = (xml: string) =>
  [...xml].filter((c) => {
    const code = c.codePointAt(0) ?? 0
    return (
      (code < 0x20 && ![9, 10, 13].includes(code)) ||
      code === 0xfffe ||
      code === 0xffff ||
      (code >= 0xd800 && code <= 0xdfff)
    )
  })

describe('characters XML forbids', () => {
  it('are replaced, and nothing else is touched', () => {
    expect(xmlText(hostile)).toBe('调研\uFFFD报告\uFFFD\uFFFD\uFFFD结束')
    expect(xmlText('甲\t乙\n丙 😀')).toBe('甲\t乙\n丙 😀')
  })

  it.each(['xlsx', 'docx'] as const)('never reach the XML of a %s file', async (format) => {
    const bytes = (await renderReport(model, { format })) as Uint8Array
    const parts = unzipSync(bytes)
    for (const [name, data] of Object.entries(parts))
      if (name.endsWith('.xml')) expect(forbidden(strFromU8(data)), name).toEqual([])
    const text = Object.values(parts)
      .map((data) => strFromU8(data))
      .join('')
    expect(text).toContain('调研\uFFFD报告')
  })

  it('the XLSX reads back with the title intact but for them', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await renderReport(model, { format: 'xlsx' })) as unknown as ArrayBuffer,
    )
    const cells: string[] = []
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') cells.push(cell.value)
        }),
      )
    expect(cells).toContain('调研\uFFFD报告\uFFFD\uFFFD\uFFFD结束')
  })
})

describe('xmlSafeModel', () => {
  it('returns the model itself when no string needs cleaning, else a cleaned copy (property)', () => {
    // Strings of characters around the edges: controls, surrogates (paired and alone),
    // U+FFFE/U+FFFF, tab and newline, a character of CJK extension B.
    const char = fc.constantFrom('a', '改', '\t', '\n', '\u0001', '\u001f', '\uFFFE', '\uFFFF')
    const text = fc
      .array(fc.oneof(char, fc.constantFrom('\uD800', '\uDC00', '😀', '𠀀')), { maxLength: 5 })
      .map((parts) => parts.join(''))
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('title', 'rows', 'cells'), tie('node'), { maxKeys: 3 }),
      ),
    })).node
    fc.assert(
      fc.property(value, (model) => {
        const strings: string[] = []
        const walk = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v)
          else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk)
        }
        walk(model)
        const dirty = strings.some((s) => xmlText(s) !== s)
        const safe = xmlSafeModel(model)
        expect(safe === model).toBe(!dirty)
        expect(safe).toEqual(
          JSON.parse(JSON.stringify(model, (_, v) => (typeof v === 'string' ? xmlText(v) : v))),
        )
      }),
      { numRuns: 1000 },
    )
  })
})
