// The golden test of the second example, a plan of another shape (examples/wuhu-2025):
// exactly these findings under its generic profile; none with an empty ledger.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compareDiagnostics, parsePlan } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { checkLedger } from '../src/engine/check-ledger.js'
import { parseConfig } from '../src/engine/config.js'
import { loadLedger } from '../src/node/load-ledger.js'
import { rules } from '../src/rules/index.js'

const root = fileURLToPath(new URL('../../../examples/wuhu-2025/', import.meta.url))
const planResult = parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'), { filename: 'plan.yaml' })
const config = parseConfig(readFileSync(`${root}reformkit.config.yaml`, 'utf8'), rules).config

describe('examples/wuhu-2025', () => {
  const { plan, locate } = planResult
  if (!plan || !locate || !config) throw new Error('the example plan and config must parse')

  it('parses with no finding: nested categories, lead and support, 左右 and growth targets', () => {
    expect(planResult.diagnostics).toEqual([])
    expect(plan.categories.map((c) => c.parent ?? '-')).toEqual(['-', '-', 'tasks', 'economy'])
    expect(plan.items[8]).toMatchObject({ lead: ['fgw', 'swj'], support: ['czj', 'xsq'] })
    expect(plan.items[1]?.kpis[0]).toMatchObject({
      kind: 'growth',
      target: { comparator: 'exactly', value: 6, approximate: true, written: '增长6%左右' },
    })
  })

  it('under generic, an empty ledger gives no error', () => {
    const checked = checkLedger({ plan, entries: [], asOf: '2025-12-31', config })
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    // Only that the targets are not reported yet.
    expect(new Set(checked.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['kpi/reported']))
  })

  it('with its ledger: exactly the golden findings on 2025-12-31, one entry rejected', async () => {
    const loaded = await loadLedger('ledger', { root, plan })
    const checked = checkLedger({
      plan,
      entries: loaded.entries,
      asOf: '2025-12-31',
      config,
      locatePlan: locate,
      attachments: loaded.attachments,
    })
    const all = [...loaded.diagnostics, ...checked.diagnostics].sort(compareDiagnostics)
    expect(loaded.rejected).toBe(1)
    expect(
      all.map(
        (d) => `${d.location.file}:${d.location.line} ${d.severity} ${d.ruleId} ${d.message}`,
      ),
    ).toEqual([
      'ledger/czj.yaml:20 error schema/invalid-value “kind”的取值“汇报材料”无效,可选:research, discussion, publicParticipation, expertReview, riskAssessment, legalityReview, meetingDecision, minutes, formalPlan, supervision, progress, kpiReport, bonusProof',
      'ledger/fgw.yaml:37 info ledger/normalized “entries[9].kind”写作“推进材料”,已按“progress”读取',
      'ledger/fgw.yaml:38 info ledger/normalized “entries[9].date”写作“2025年9月30日”,已按“2025-09-30”读取',
      'ledger/sthj.yaml:12 error ref/unit-not-responsible 市生态环境局 不是事项（三）的责任单位(责任单位:市工业和信息化局、各县市区政府、开发区管委会)',
      'ledger/swj.yaml:4 info ledger/normalized “unit”写作“市商务局”,已按“swj”读取',
      'ledger/swj.yaml:25 error attachment/missing 条目“swj-08-auto”的附件“files/swj/汽车消费统计表.xlsx”不存在',
      'plan.yaml:88 warning kpi/attainment 指标“固定资产投资增速”(事项（二）固定资产投资增长6%左右)期末实际 4.1 %,未达到目标 增长6%左右',
      'plan.yaml:127 warning kpi/reported 事项（五）一般公共预算收入增长3%左右的指标“一般公共预算收入增速”(目标 增长3%左右)尚无数据报送',
    ])
  })
})
