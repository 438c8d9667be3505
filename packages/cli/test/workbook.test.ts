// reformkit template / import / extract on a task table, end to end through the built CLI.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { example, run, tempBase } from './fixtures.js'

const base = tempBase('reformkit-wb-')

async function edit(file: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('台账')
  if (!sheet) throw new Error('the template has a 台账 sheet')
  change(sheet)
  writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()))
}

describe('reformkit template and import', () => {
  const dir = join(base, 'project')
  cpSync(example, dir, { recursive: true })
  const xlsx = join(base, '发改局.xlsx')

  it('writes a unit’s template with its entries, never over a file without --force', () => {
    const made = run(['template', dir, '--unit', '发改局', '--out', xlsx])
    expect(made.code, made.stderr).toBe(0)
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')
    expect(run(['template', dir, '--unit', 'fgj', '--out', xlsx]).code).toBe(2)
    const unknown = run(['template', dir, '--unit', '发改委', '--out', join(base, 'x.xlsx')])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('fgj 发改局')
  })

  it('imports it back unchanged, then shows an edit and writes it only with --force', async () => {
    const same = run(['import', xlsx, '--into', join(dir, 'ledger')])
    expect(same.code, same.stderr).toBe(0)
    expect(same.stderr).toMatch(/fgj\.yaml:新增 0,修改 0,删除 0,未变 35/)
    const before = readFileSync(join(dir, 'ledger', 'fgj.yaml'), 'utf8')

    await edit(xlsx, (sheet) => {
      sheet.getCell('F3').value = '改过的材料标题'
      const row = sheet.getRow(3 + 35)
      row.getCell(2).value = '（一）'
      row.getCell(4).value = '调研'
      row.getCell(5).value = '2017年10月9日'
      row.getCell(6).value = '新增的调研报告'
    })
    const refused = run(['import', xlsx, '--into', dir])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/新增 1 \(fgj-\w+\),修改 1 \(fgj-01-research\),删除 0,未变 34/)
    expect(readFileSync(join(dir, 'ledger', 'fgj.yaml'), 'utf8')).toBe(before)

    const forced = run(['import', xlsx, '--into', dir, '--force'])
    expect(forced.code, forced.stderr).toBe(0)
    const after = readFileSync(join(dir, 'ledger', 'fgj.yaml'), 'utf8')
    expect(after).toContain('改过的材料标题')
    expect(after).toContain('新增的调研报告')
    const validate = run(['validate', dir, '--as-of', '2017-12-31', '--format', 'json'])
    // The written file reads cleanly: no slip to note, no entry set aside.
    const fgj = (
      JSON.parse(validate.stdout) as {
        diagnostics: Array<{ ruleId: string; location: { file?: string } }>
      }
    ).diagnostics.filter((d) => d.location.file === 'ledger/fgj.yaml')
    expect(fgj.filter((d) => /^(ledger\/normalized|schema\/|source\/)/.test(d.ruleId))).toEqual([])
    const again = run(['import', xlsx, '--into', dir])
    expect(again.stderr).toMatch(/新增 0,修改 0,删除 0,未变 36/)
  })

  it('writes nothing when the workbook has errors, each shown at its cell', async () => {
    await edit(xlsx, (sheet) => {
      sheet.getCell('D4').value = '调妍'
    })
    const before = readFileSync(join(dir, 'ledger', 'fgj.yaml'), 'utf8')
    const result = run(['import', xlsx, '--into', dir, '--force'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/台账!D4\s/)
    expect(result.stderr).toContain('未写入任何台账文件')
    expect(readFileSync(join(dir, 'ledger', 'fgj.yaml'), 'utf8')).toBe(before)
  })

  it('extract reads a task table', () => {
    const csv = join(base, '任务分解表.csv')
    writeFileSync(
      csv,
      '序号,重点任务,牵头单位,配合单位,完成时限\n1,推进政务服务改革,区政务服务局,区发改委,2025年6月底前\n',
    )
    const out = join(base, 'plan.yaml')
    const result = run(['extract', csv, '--out', out])
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('推进政务服务改革')
  })
})
