import { type Plan, parsePlan } from '@reformkit/model'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportPlanTable, importPlanTable } from '../src/index.js'
import { loadExample } from './example.js'

/**
 * An item as a task table holds it: its title, its units by name per role as the cell
 * writes them (a group named 各县市区政府、开发区管委会 may come back as the two bodies its
 * name lists), its due days.
 */
function shape(plan: Plan) {
  const names = (ids: readonly string[] = []) =>
    ids
      .map(
        (id) =>
          plan.units.find((u) => u.id === id)?.name ??
          plan.unitGroups.find((g) => g.id === id)?.name,
      )
      .join('、')
  return plan.items.map((item) => ({
    title: item.title,
    lead: names(item.lead),
    support: names(item.support),
    responsible: names(item.responsible),
    due: item.milestones.map((m) => m.due),
  }))
}

describe('the plan’s 任务分解表', () => {
  it.each(['wuhan-etdz-2017', 'wuhu-2025'])(
    '%s: plan → table → plan keeps items, units and deadlines',
    async (name) => {
      const { plan } = await loadExample(name)
      const bytes = await exportPlanTable(plan)
      const draft = await importPlanTable(bytes, { filename: `${name}.xlsx` })
      const parsed = parsePlan(JSON.stringify(draft.plan))
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      if (!parsed.plan) throw new Error('the draft parses')
      expect(shape(parsed.plan)).toEqual(shape(plan))
      expect(parsed.plan.title).toBe(plan.title)
    },
  )

  it('reads an office’s own table: renamed columns named in the mapping, headings, merged rows', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('分解表')
    sheet.addRow(['某区2025年深化改革重点任务分解表'])
    sheet.addRow(['编号', '改革内容', '主办单位', '协办单位', '完成时间'])
    sheet.addRow(['一、优化营商环境'])
    sheet.mergeCells('A3:E3')
    sheet.addRow([
      1,
      '推进“高效办成一件事”,新增集成办事项10项以上',
      '区政务服务局',
      '区发改委、区司法局',
      '2025年6月底前',
    ])
    sheet.addRow([2, '深化企业开办改革', '区市场监管局', null, '2025年9月底前'])
    sheet.addRow(['二、扩大对外开放'])
    sheet.mergeCells('A6:E6')
    sheet.addRow([3, '培育外贸新业态', '区商务局', '各街道', '年内'])
    const draft = await importPlanTable(new Uint8Array(await book.xlsx.writeBuffer()), {
      filename: 'own.xlsx',
      columns: { task: '改革内容', lead: '主办单位' },
    })
    const { plan } = draft
    expect(plan.title).toBe('某区2025年深化改革重点任务分解表')
    expect(plan.items?.map((i) => i.title)).toEqual([
      '推进“高效办成一件事”,新增集成办事项10项以上',
      '深化企业开办改革',
      '培育外贸新业态',
    ])
    expect(plan.categories?.map((c) => c.label)).toEqual(['优化营商环境', '扩大对外开放'])
    const names = new Map(plan.units?.map((u) => [u.id, u.name]))
    expect(plan.items?.[0]?.lead?.map((id) => names.get(id))).toEqual(['区政务服务局'])
    expect(plan.items?.[0]?.support?.map((id) => names.get(id))).toEqual(['区发改委', '区司法局'])
    expect(plan.items?.[0]?.kpis?.[0]?.target).toMatchObject({ comparator: 'atLeast', value: 10 })
    expect(plan.items?.[0]?.milestones?.[0]?.due).toBe('2025-06-30')
    // 各街道 is a group: its finding points at its row's task cell.
    const group = draft.diagnostics.find((d) => d.ruleId === 'extract/group-members')
    expect(group?.location).toEqual({ file: 'own.xlsx', sheet: '分解表', cell: 'B7' })
  })

  it('a workbook without a task table says so', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('x').addRow(['姓名', '电话'])
    const draft = await importPlanTable(new Uint8Array(await book.xlsx.writeBuffer()))
    expect(draft.diagnostics.map((d) => d.ruleId)).toEqual(['workbook/no-plan-table'])
  })
})
