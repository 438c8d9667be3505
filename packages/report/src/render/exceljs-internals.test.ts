// Fails loudly when exceljs changes what reformkit takes from its internals: every writer
// step exists, the model has the shape the rows are added to, and a workbook written
// through the adapter reads back as exceljs's own writer writes it.
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  internalsOf,
  type RowModel,
  type RowSource,
  WRITER_STEPS,
  workbookFiles,
} from './exceljs-internals.js'
import { officeZip } from './zip.js'

function sample() {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('台账')
  sheet.getRow(1).getCell(1).value = '标题'
  return { workbook, id: sheet.id }
}

describe('the exceljs internals reformkit uses', () => {
  it(`has every writer step (${WRITER_STEPS.length}) and the model's rows`, () => {
    const { writer, model } = internalsOf(sample().workbook)
    for (const step of WRITER_STEPS) expect(typeof writer[step], step).toBe('function')
    expect(model.worksheets).toHaveLength(1)
  })

  it('names what is missing when exceljs changes', () => {
    const { workbook } = sample()
    Object.defineProperty(workbook.xlsx, 'addWorksheets', { value: undefined })
    expect(() => internalsOf(workbook)).toThrow(/addWorksheets.*exceljs 4\.x/)
  })

  it('writes the same parts as exceljs, with the row models added', async () => {
    const ours = sample()
    const style = {}
    const rows = [
      {
        number: 2,
        min: 1,
        max: 2,
        style,
        cells: [
          { address: 'A2', type: ExcelJS.ValueType.String, value: '调研', style },
          { address: 'B2', type: ExcelJS.ValueType.Number, value: 42, style },
        ],
      },
    ]
    const files = await workbookFiles(ours.workbook, new Map([[ours.id, rows]]))
    const theirs = sample()
    theirs.workbook.getWorksheet('台账')?.addRow(['调研', 42])
    const written = unzipSync(new Uint8Array(await theirs.workbook.xlsx.writeBuffer()))
    // exceljs's zip also lists folders ("xl/"); the parts are the same.
    const parts = Object.keys(written).filter((name) => !name.endsWith('/'))
    expect(Object.keys(files).sort()).toEqual(parts.sort())
    // Read back through exceljs's public reader: the same cells.
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(
      (await officeZip(files, new Date('2017-12-31T12:00:00Z'))) as unknown as ArrayBuffer,
    )
    const sheet = back.getWorksheet('台账')
    expect(sheet?.getRow(1).getCell(1).value).toBe('标题')
    expect(sheet?.getRow(2).values).toEqual([undefined, '调研', 42])
  })
})

describe('data rows written by reformkit', () => {
  const { Null, Number: Num, String: Str, Date: Day, Boolean: Bool } = ExcelJS.ValueType
  const plain = {}
  const wrap = { alignment: { vertical: 'top', wrapText: true } } as const
  const percent = { numFmt: '0.0%' }
  const dated = { numFmt: 'yyyy-mm-dd' }
  const rows = (): RowModel[] => [
    {
      number: 2,
      min: 1,
      max: 6,
      style: plain,
      cells: [
        { address: 'A2', type: Str, value: '调研 & <评估> "甲" \'乙\' 𠀀😀', style: wrap },
        { address: 'B2', type: Num, value: 42, style: plain },
        { address: 'C2', type: Num, value: -0.125, style: percent },
        { address: 'D2', type: Day, value: new Date('2017-03-01T00:00:00Z'), style: dated },
        { address: 'E2', type: Null, style: wrap },
        { address: 'F2', type: Null, style: plain },
      ],
    },
    { number: 3, min: 1, max: 2, style: plain, cells: [{ address: 'A3', type: Null, style: {} }] },
    {
      // Text exceljs keeps the white space of, or drops characters from.
      number: 5,
      min: 1,
      max: 7,
      style: plain,
      cells: [
        ' 前有空格',
        '后有空格 ',
        '两行\n文字',
        '\u3000全角空格',
        'a\u0001b\u007fc\u000bd\te\rf',
        '',
        '甲&amp;乙',
      ].map((value, i) => ({ address: `${'ABCDEFG'[i]}5`, type: Str, value, style: plain })),
    },
    {
      number: 4,
      min: 1,
      max: 3,
      style: { font: { bold: true } },
      cells: [
        { address: 'A4', type: Str, value: '调研', style: wrap },
        { address: 'B4', type: Num, value: 1e21, style: plain },
        { address: 'C4', type: Bool as ExcelJS.ValueType, value: 1, style: plain },
      ],
    },
  ]
  const PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']

  /** The same rows through exceljs's own row and cell writers. */
  function theirs(): Record<string, string> {
    const { workbook } = sample()
    const { writer, model } = internalsOf(workbook)
    const sheet = model.worksheets[0] as (typeof model.worksheets)[number]
    for (const row of rows()) {
      sheet.rows.push(row)
      sheet.dimensions.expand(row.number, row.min, row.number, row.max)
    }
    const files: Record<string, string> = {}
    const zip = { append: (data: string, { name }: { name: string }) => (files[name] = data) }
    writer.prepareModel(model, {})
    writer.addWorksheets(zip, model)
    writer.addSharedStrings(zip, model)
    writer.addStyles(zip, model)
    return files
  }

  it('writes rows made one at a time as it writes rows given whole', async () => {
    // Consecutive rows over the same columns, as a report's table gives them.
    const given = rows().map((row, i) => ({
      ...row,
      number: 2 + i,
      min: 1,
      max: 7,
      cells: row.cells.map((cell, c) => ({ ...cell, address: `${'ABCDEFG'[c]}${2 + i}` })),
    }))
    const whole = sample()
    const expected = await workbookFiles(whole.workbook, new Map([[whole.id, given]]))
    const made: number[] = []
    const source: RowSource = {
      first: 2,
      count: given.length,
      min: 1,
      max: 7,
      row: (index) => {
        made.push(index)
        return given[index] as RowModel
      },
    }
    const lazy = sample()
    const files = await workbookFiles(lazy.workbook, new Map([[lazy.id, source]]))
    expect(Object.keys(files)).toEqual(Object.keys(expected))
    for (const part of Object.keys(expected)) expect(files[part], part).toEqual(expected[part])
    // Each row made once, in order.
    expect(made).toEqual(given.map((_, i) => i))
  })

  it('writes the XML exceljs writes, byte for byte', async () => {
    const { workbook, id } = sample()
    const files = await workbookFiles(workbook, new Map([[id, rows()]]))
    const reference = theirs()
    const decoder = new TextDecoder()
    for (const part of PARTS) expect(decoder.decode(files[part]), part).toBe(reference[part])
  })

  it('leaves a sheet with other cell types to exceljs, and reads back the same', async () => {
    const { workbook, id } = sample()
    const other = workbook.addWorksheet('其他')
    const rich = { richText: [{ text: '甲', font: { bold: true } }, { text: '乙' }] }
    const richRow: RowModel = {
      number: 2,
      min: 1,
      max: 1,
      style: plain,
      cells: [
        {
          address: 'A2',
          type: ExcelJS.ValueType.RichText,
          value: rich as unknown as string,
          style: plain,
        },
      ],
    }
    const files = await workbookFiles(
      workbook,
      new Map([
        [id, rows()],
        [other.id, [richRow]],
      ]),
    )
    const back = new ExcelJS.Workbook()
    await back.xlsx.load(
      (await officeZip(files, new Date('2017-12-31T12:00:00Z'))) as unknown as ArrayBuffer,
    )
    const sheet = back.getWorksheet('台账')
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '调研 & <评估> "甲" \'乙\' 𠀀😀',
      42,
      -0.125,
      new Date('2017-03-01T00:00:00Z'),
    ])
    expect(sheet?.getCell('C2').numFmt).toBe('0.0%')
    expect(sheet?.getCell('E2').alignment).toMatchObject({ wrapText: true })
    expect(sheet?.getRow(4).values).toEqual([undefined, '调研', 1e21, true])
    expect(sheet?.getRow(4).font).toMatchObject({ bold: true })
    expect(back.getWorksheet('其他')?.getCell('A2').value).toEqual(rich)
  })
})
