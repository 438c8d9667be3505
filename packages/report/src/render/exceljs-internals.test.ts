// Fails loudly when exceljs changes what reformkit takes from its internals: every writer
// step exists, the model has the shape the rows are added to, and a workbook written
// through the adapter reads back as exceljs's own writer writes it.
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { internalsOf, WRITER_STEPS, workbookFiles } from './exceljs-internals.js'
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
