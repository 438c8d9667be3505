import { describe, expect, it } from 'vitest'
import { decodeSource } from './decode.js'

const utf8 = (text: string) => new TextEncoder().encode(text)
// "unit: 发改局\n" as saved by WPS on Chinese Windows (GBK ⊂ GB18030).
const gbk = Uint8Array.from(Buffer.from('756e69743a20b7a2b8c4bed60a', 'hex'))

describe('decodeSource', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeSource(utf8('unit: 发改局\n'))).toEqual({
      text: 'unit: 发改局\n',
      encoding: 'utf-8',
      diagnostics: [],
    })
    const withBom = decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a: 1')]))
    expect(withBom.text).toBe('a: 1')
  })

  it('reads UTF-16 files that carry a byte-order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from('局: 1', 'utf16le')])
    expect(decodeSource(le)).toMatchObject({ text: '局: 1', encoding: 'utf-16le' })
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from('局: 1', 'utf16le').swap16()])
    expect(decodeSource(be)).toMatchObject({ text: '局: 1', encoding: 'utf-16be' })
  })

  it('reads GB18030 with an info diagnostic that names the file', () => {
    const result = decodeSource(gbk, { filename: 'ledger/fgj.yaml' })
    expect(result.text).toBe('unit: 发改局\n')
    expect(result.encoding).toBe('gb18030')
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'source/encoding',
        severity: 'info',
        message: '文件不是 UTF-8 编码,已按 GB18030 读取;建议另存为 UTF-8',
        location: { file: 'ledger/fgj.yaml' },
      }),
    ])
  })

  it('refuses binary files with one clear error', () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    const result = decodeSource(xlsx, { locale: 'en' })
    expect(result.text).toBeUndefined()
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['source/binary', 'error'],
    ])
    expect(result.diagnostics[0]?.message).toMatch(/not a text file/)
  })
})

describe('one invalid byte in a UTF-8 file (issue 14, item 6)', () => {
  it('stays UTF-8, locates the byte as an error, and keeps every Chinese character', () => {
    const text = `schema: reformkit/ledger@1\nentries:\n  - { id: a, title: 车都升级版调研 }\n  - { id: b, title: 讨论稿 }\n`
    const bytes = utf8(text)
    const at = text.indexOf('讨论稿')
    const broken = Uint8Array.from([
      ...bytes.subarray(0, utf8(text.slice(0, at)).length),
      0xff,
      ...bytes.subarray(utf8(text.slice(0, at)).length),
    ])
    const result = decodeSource(broken, { filename: 'ledger/a.yaml', locale: 'en' })
    expect(result.encoding).toBe('utf-8')
    expect(result.text).toContain('车都升级版调研')
    expect(result.text).toContain('\uFFFD讨论稿')
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'source/invalid-utf8',
      severity: 'error',
      location: { file: 'ledger/a.yaml', line: 4, column: 21 },
    })
  })

  it('still reads a GB18030 file as GB18030', () => {
    const longer = Uint8Array.from(Buffer.from('756e69743a20b7a2b8c4bed60a'.repeat(20), 'hex'))
    expect(decodeSource(longer).encoding).toBe('gb18030')
  })
})
