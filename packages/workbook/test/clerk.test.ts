// A clerk fills the unit's template in Excel, as clerks do: picks from the dropdowns, types
// full-width digits and Chinese dates, pastes a serial number, leaves a title out, writes a
// kind wrong, repeats the header after a blank row. The import reads what was meant and
// locates every finding by cell — and so do the ledger's checks on the imported entries.
import { checkLedger, formatDiagnostics } from '@reformkit/ledger'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createTemplate, importWorkbook } from '../src/index.js'
import { loadExample } from './example.js'

const { plan } = await loadExample()
const where = (d: { ruleId: string; location: { sheet?: string; cell?: string } }) =>
  `${d.ruleId} ${d.location.sheet}!${d.location.cell}`

async function filledByClerk(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await createTemplate({ plan, unit: 'fgj' })) as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('台账')
  if (!sheet) throw new Error('the template has a 台账 sheet')
  const item13 = '（十三）推动开发区向开放创新综合试验区转型升级'
  const rows: unknown[][] = [
    // 编号, 改革事项, 填报单位, 材料类型, 日期, 材料标题, …
    [null, item13, null, '调研', new Date(Date.UTC(2017, 8, 18)), '转型升级调研报告'],
    [null, '（十三）', '发改局', '调研报告', '2017年9月30日', '征求意见稿讨论记录'],
    ['fgj-x', 13, '发改局', '上会研究', 42_986, '区创改组研究转型升级方案'],
    [null, item13, null, '调妍', '2017.10.20', '错别字的材料类型'],
    [null, item13, null, '正式方案', '2017-10-25', null],
    [],
    ['编号', '改革事项', '填报单位', '材料类型', '日期', '材料标题'],
    [null, item13, '发改委', '督办情况', '２０１７年１１月２６日', '第四季度督办情况'],
  ]
  rows.forEach((values, i) => {
    const row = sheet.getRow(3 + i)
    values.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value as ExcelJS.CellValue
    })
  })
  const kpis = book.getWorksheet('指标')
  const first = kpis?.getRow(3)
  if (!first) throw new Error('the template lists the unit’s KPIs')
  first.getCell(6).value = '２０'
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('a template filled by a clerk', () => {
  it('imports to the entries meant, every slip located by cell', async () => {
    const read = importWorkbook(await filledByClerk(), { plan, filename: 'fgj.xlsx' })
    const byTitle = new Map(read.entries.map((e) => [e.title, e]))
    expect(byTitle.get('转型升级调研报告')).toMatchObject({
      item: 'item-13',
      unit: 'fgj',
      kind: 'research',
      date: '2017-09-18',
    })
    expect(byTitle.get('征求意见稿讨论记录')).toMatchObject({
      item: 'item-13',
      kind: 'research',
      date: '2017-09-30',
    })
    expect(byTitle.get('区创改组研究转型升级方案')).toMatchObject({
      id: 'fgj-x',
      item: 'item-13',
      kind: 'meetingDecision',
      date: '2017-09-08',
    })
    expect(byTitle.get('第四季度督办情况')).toMatchObject({ unit: '发改委', date: '2017-11-26' })
    const kpi = read.entries.find((e) => e.kind === 'kpiReport')
    expect(kpi?.kpi).toMatchObject({ value: 20 })
    expect(kpi?.source).toMatchObject({ file: 'fgj.xlsx', sheet: '指标' })

    const found = read.diagnostics.map(where)
    expect(found).toEqual(
      expect.arrayContaining([
        'workbook/generated-ids 台账!A3',
        'ledger/normalized 台账!B4', // （十三） → item-13
        'ledger/normalized 台账!D4', // 调研报告 → research
        'ledger/normalized 台账!E4', // 2017年9月30日
        'ledger/normalized 台账!B5', // 13
        'schema/invalid-value 台账!D6', // 调妍
        'ledger/normalized 台账!E6',
        'schema/required 台账!F7', // no title
        'ledger/normalized 台账!E10', // full-width digits
        'ledger/normalized 指标!F3', // ２０
        'workbook/generated-ids 指标!A3',
      ]),
    )
    // 42986 typed into a date cell is shown by Excel as a date, and read as one.
    expect(found).not.toContain('ledger/normalized 台账!E5')
    // The header repeated after the blank row is not an entry.
    expect(found.filter((f) => f.endsWith('!A9') || f.endsWith('!D9'))).toEqual([])
    expect(read.rejected).toBe(2)
    expect(read.entries).toHaveLength(5)

    // The ledger's checks name cells too: 发改委 is no unit of the plan.
    const checked = checkLedger({ plan, entries: read.entries, asOf: '2017-12-31' })
    const unknown = checked.diagnostics.find((d) => d.ruleId === 'ref/unknown-unit')
    expect(unknown && where(unknown)).toBe('ref/unknown-unit 台账!C10')
    const shown = formatDiagnostics([...read.diagnostics, ...checked.diagnostics], {
      format: 'stylish',
    })
    expect(shown).toContain('fgj.xlsx')
    expect(shown).toMatch(/台账!C10\s/)
  })
})
