// What people and programs hand over besides a filled template: CSV and TSV in the
// encodings WPS and Excel save, tables of their own (columns renamed, reordered, merged
// cells, a title above the header), and files that are not what they seem.
import ExcelJS from 'exceljs'
import { Deflate, strToU8, unzipSync, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { importWorkbook } from '../src/index.js'
import { loadExample } from './example.js'

const { plan } = await loadExample()
const rules = (r: { diagnostics: Array<{ ruleId: string }> }) => r.diagnostics.map((d) => d.ruleId)

const CSV = [
  '改革事项,单位,类型,日期,标题,附件',
  '（十三）,发改局,调研,2017/9/18,"调研报告, 第一稿",files/fgj/a.pdf',
  '13,发改局,讨论,2017年9月30日,"讨论记录 ""定稿""",',
].join('\r\n')

describe('CSV and TSV', () => {
  const expected = [
    {
      item: 'item-13',
      unit: 'fgj',
      kind: 'research',
      date: '2017-09-18',
      title: '调研报告, 第一稿',
    },
    {
      item: 'item-13',
      unit: 'fgj',
      kind: 'discussion',
      date: '2017-09-30',
      title: '讨论记录 "定稿"',
    },
  ]
  it.each([
    ['UTF-8', new TextEncoder().encode(CSV)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)])],
    ['GB18030', new Uint8Array(iconv.encode(CSV, 'gb18030'))],
    // WPS's "Unicode text": UTF-16 little-endian with a BOM, tab-separated.
    [
      'UTF-16 TSV',
      new Uint8Array(
        iconv.encode(`\ufeff${CSV.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')}`, 'utf-16le'),
      ),
    ],
  ])('%s', (_, bytes) => {
    const read = importWorkbook(bytes, { plan, filename: 'ledger/fgj.csv' })
    expect(read.entries).toMatchObject(expected)
    expect(read.entries[0]?.attachments).toEqual([{ path: 'files/fgj/a.pdf' }])
    expect(read.entries[0]?.source).toMatchObject({ file: 'ledger/fgj.csv', sheet: 'fgj', line: 2 })
    expect(rules(read).filter((r) => r.startsWith('schema/'))).toEqual([])
  })

  it('says which encoding it read a GB18030 file in', () => {
    const read = importWorkbook(new Uint8Array(iconv.encode(CSV, 'gb18030')), {
      plan,
      filename: 'a.csv',
    })
    expect(rules(read)).toContain('source/encoding')
  })
})

describe('a table of the office’s own', () => {
  it('reads renamed and reordered columns under a title, merged cells and a blank row', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('2017年台账')
    sheet.addRow(['发改局2017年改革台账'])
    sheet.addRow([])
    sheet.addRow(['材料名称', '备注', '* 日 期', '改革任务', '材料类别', '责任单位', '经办人'])
    sheet.addRow([
      '调研报告',
      null,
      new Date(Date.UTC(2017, 8, 18)),
      '（十三）推动开发区向开放创新综合试验区转型升级',
      '调研',
      '发改局',
      '张三',
    ])
    sheet.addRow([
      '讨论记录',
      '第二次',
      new Date(Date.UTC(2017, 8, 30)),
      null,
      '讨论',
      null,
      '张三',
    ])
    sheet.addRow([])
    sheet.addRow(['纪要', null, '2017-10-12', null, '纪要', null, '李四'])
    sheet.getColumn(3).numFmt = 'yyyy"年"m"月"d"日"'
    sheet.mergeCells('D4:D7')
    sheet.mergeCells('F4:F7')
    const read = importWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), {
      plan,
      filename: 'own.xlsx',
    })
    expect(read.entries).toMatchObject([
      { title: '调研报告', item: 'item-13', unit: 'fgj', date: '2017-09-18', kind: 'research' },
      { title: '讨论记录', note: '第二次', item: 'item-13', unit: 'fgj', date: '2017-09-30' },
      { title: '纪要', item: 'item-13', unit: 'fgj', kind: 'minutes', date: '2017-10-12' },
    ])
    expect(read.diagnostics.map((d) => `${d.ruleId} ${d.location.cell}`)).toContain(
      'workbook/column-ignored G3',
    )
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('reads a formula’s saved value and says the sheet has formulas', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('台账')
    sheet.addRow(['改革事项', '填报单位', '材料类型', '日期', '材料标题'])
    sheet.addRow([
      '（十三）',
      '发改局',
      '调研',
      { formula: 'DATE(2017,9,18)', result: 42996 },
      '调研',
    ])
    const read = importWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), { plan })
    expect(read.entries[0]?.date).toBe('2017-09-18')
    expect(read.diagnostics.find((d) => d.ruleId === 'workbook/formulas')?.location).toEqual({
      sheet: '台账',
      cell: 'D2',
    })
  })
})

/** A minimal workbook's parts with one sheet, to be changed by each hostile case. */
async function parts(): Promise<Record<string, Uint8Array>> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('台账').addRow(['改革事项', '填报单位', '材料类型', '日期', '材料标题'])
  return unzipSync(new Uint8Array(await book.xlsx.writeBuffer()))
}

describe('files that are not what they seem, each a finding, none a crash', () => {
  it('a zip bomb: a sheet that inflates past the limit is stopped within a piece', async () => {
    const files = await parts()
    // 64 MiB of spaces in the sheet, deflated to some 64 KiB; the limit is 8 MiB.
    const chunks: Uint8Array[] = []
    const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk))
    const spaces = new Uint8Array(1 << 20).fill(0x20)
    for (let i = 0; i < 64; i++) deflate.push(spaces, i === 63)
    const bomb = zipWithDeflated(files, 'xl/worksheets/sheet1.xml', chunks, 64 << 20)
    const read = importWorkbook(bomb, { plan, limits: { maxInflatedBytes: 8 << 20 } })
    expect(rules(read)).toEqual(['workbook/too-large'])
    expect(read.diagnostics[0]?.message).toContain('sheet1.xml')
  })

  it.each([
    ['tags never closed', '<c'.repeat(400_000)],
    ['cells never ended', '<c r="A1">'.repeat(200_000)],
    ['shared strings never ended', '<si><t>'.repeat(200_000)],
  ])('a part of %s is read in one pass, not one per tag', async (_, junk) => {
    const files = await parts()
    const sheet = `<worksheet><sheetData><row r="1">${junk}</row></sheetData></worksheet>`
    const read = importWorkbook(
      zipSync({
        ...files,
        'xl/worksheets/sheet1.xml': strToU8(sheet),
        'xl/sharedStrings.xml': strToU8(`<sst>${junk}</sst>`),
      }),
      { plan },
    )
    // (A reader that rescanned per tag would take minutes here and time the test out.)
    expect(rules(read)).toContain('workbook/no-table')
  })

  it('a file larger than the limit is refused before it is read', () => {
    const read = importWorkbook(new Uint8Array(2048), { plan, limits: { maxBytes: 1024 } })
    expect(rules(read)).toEqual(['workbook/too-large'])
  })

  it('macros and external links are named, the values still read', async () => {
    const files = await parts()
    const read = importWorkbook(
      zipSync({
        ...files,
        'xl/vbaProject.bin': strToU8('macro'),
        'xl/externalLinks/externalLink1.xml': strToU8('<externalLink/>'),
      }),
      { plan, filename: 'x.xlsm' },
    )
    expect(rules(read)).toEqual(['workbook/external-links', 'workbook/macros'])
  })

  it('password-protected workbooks and old .xls files', () => {
    const ole = new Uint8Array(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(rules(importWorkbook(ole, { plan, filename: 'a.xlsx' }))).toEqual(['workbook/encrypted'])
  })

  it.each([
    ['a truncated workbook', async () => (await xlsxBytes()).subarray(0, 600)],
    ['a Word file', async () => zipSync({ 'word/document.xml': strToU8('<w:document/>') })],
    [
      'a broken central directory',
      async () => {
        const bytes = await xlsxBytes()
        bytes.fill(0x41, bytes.length - 300, bytes.length - 30)
        return bytes
      },
    ],
  ])('%s: unreadable, said plainly', async (_, make) => {
    const read = importWorkbook(await make(), { plan, filename: 'x.xlsx', locale: 'en' })
    expect(rules(read)).toEqual(['workbook/unreadable'])
    expect(read.diagnostics[0]?.message).toMatch(
      /^This file cannot be read \((not an Excel workbook|the file is damaged or incomplete)\)/,
    )
  })

  it.each(['a.csv', 'a.xlsx'])(
    'a picture saved as %s: neither a workbook nor text, and what to import instead',
    (name) => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
      const read = importWorkbook(png, { plan, filename: name, locale: 'en' })
      expect(rules(read)).toEqual(['workbook/unreadable'])
      expect(read.diagnostics[0]?.message).toBe(
        'This file cannot be read (neither an Excel workbook nor CSV text); save it as .xlsx or CSV from Excel or WPS and import that',
      )
    },
  )

  it('a workbook with no ledger table says what it looked for', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Sheet1').addRow(['姓名', '电话'])
    const read = importWorkbook(new Uint8Array(await book.xlsx.writeBuffer()), { plan })
    expect(rules(read)).toEqual(['workbook/no-table'])
  })
})

async function xlsxBytes(): Promise<Uint8Array> {
  return zipSync(await parts())
}

/** A zip of `files` with `name` replaced by the raw deflate `chunks` (inflating to `size`). */
function zipWithDeflated(
  files: Record<string, Uint8Array>,
  name: string,
  chunks: Uint8Array[],
  size: number,
): Uint8Array {
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    data.set(c, at)
    at += c.length
  }
  const entries = Object.entries(files).filter(([n]) => n !== name)
  const stored = zipSync(Object.fromEntries(entries))
  // Append the bomb as one more entry by rebuilding the archive by hand.
  const out: number[] = []
  const central: number[] = []
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff)
  const u32 = (a: number[], v: number) => {
    u16(a, v & 0xffff)
    u16(a, (v >>> 16) & 0xffff)
  }
  const all: Array<[string, Uint8Array, number, number]> = [
    ...Object.entries(unzipSync(stored)).map(([n, d]): [string, Uint8Array, number, number] => [
      n,
      d,
      0,
      d.length,
    ]),
    [name, data, 8, size],
  ]
  for (const [n, d, method, inflated] of all) {
    const nameBytes = strToU8(n)
    const offset = out.length
    u32(out, 0x04034b50)
    u16(out, 20)
    u16(out, 0)
    u16(out, method)
    u32(out, 0)
    u32(out, 0) // crc is not checked by the reader
    u32(out, d.length)
    u32(out, inflated)
    u16(out, nameBytes.length)
    u16(out, 0)
    out.push(...nameBytes)
    for (const b of d) out.push(b)
    u32(central, 0x02014b50)
    u16(central, 20)
    u16(central, 20)
    u16(central, 0)
    u16(central, method)
    u32(central, 0)
    u32(central, 0)
    u32(central, d.length)
    u32(central, inflated)
    u16(central, nameBytes.length)
    u16(central, 0)
    u16(central, 0)
    u16(central, 0)
    u16(central, 0)
    u32(central, 0)
    u32(central, offset)
    central.push(...nameBytes)
  }
  const directory = out.length
  out.push(...central)
  u32(out, 0x06054b50)
  u16(out, 0)
  u16(out, 0)
  u16(out, all.length)
  u16(out, all.length)
  u32(out, central.length)
  u32(out, directory)
  u16(out, 0)
  return Uint8Array.from(out)
}
