// The golden test of the sample ledger: exactly these findings, no more, no fewer. Each is
// a gap put there on purpose (examples/wuhan-etdz-2017/README.md lists them).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compareDiagnostics, parsePlan } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { checkLedger } from '../src/engine/check-ledger.js'
import { loadLedger } from '../src/node/load-ledger.js'

const root = fileURLToPath(new URL('../../../examples/wuhan-etdz-2017/', import.meta.url))
const planResult = parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'), { filename: 'plan.yaml' })

async function check(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { plan, locate } = planResult
  if (!plan || !locate) throw new Error('the example plan must parse')
  const loaded = await loadLedger('ledger', { root, plan, locale })
  const checked = checkLedger({
    plan,
    entries: loaded.entries,
    asOf: '2017-12-31',
    locale,
    locatePlan: locate,
    attachments: loaded.attachments,
    // As the example's reformkit.config.yaml says.
    config: { requirements: { profile: 'wuhan-etdz-2017' } },
  })
  return {
    loaded,
    checked,
    all: [...loaded.diagnostics, ...checked.diagnostics].sort(compareDiagnostics),
  }
}

describe('examples/wuhan-etdz-2017/ledger', () => {
  it('produces exactly the golden findings on 2017-12-31', async () => {
    const { all } = await check()
    expect(
      all.map(
        (d) =>
          `${d.location.file}:${d.location.line}:${d.location.column} ${d.severity} ${d.ruleId} ${d.message}`,
      ),
    ).toEqual([
      'ledger/ckjg.yaml:29:5 error outcome/minutes-and-formal-plan 事项（十三）推动开发区向开放创新综合试验区转型升级已上会研究(2017-10-12),但缺少成果材料:纪要',
      'ledger/czj.yaml:54:11 info ledger/normalized “entries[6].item”写作“（十）”,已按“item-10”读取',
      'ledger/czj.yaml:55:11 info ledger/normalized “entries[6].kind”写作“改革推进成效资料”,已按“progress”读取',
      'ledger/czj.yaml:56:11 info ledger/normalized “entries[6].date”写作“2017年12月11日”,已按“2017-12-11”读取',
      'ledger/fgj.yaml:215:9 error attachment/hash-mismatch 条目“fgj-06-formalPlan”的附件“files/fgj/fgj-06-formalPlan.txt”内容与登记不符(SHA-256 应为 92dae309d544,实为 4c5c293978a7)',
      'ledger/jxj.yaml:36:9 error attachment/missing 条目“jxj-02-progress”的附件“files/jxj/智能制造项目清单.xlsx”不存在',
      'ledger/xzsp.yaml:8:5 error plan/approved-before-implementation 事项（十四）优化产业创新政务环境的体制机制在 2017-09-10 已有推进材料,但此前没有区创改组的上会研究记录',
      'ledger/xzsp.yaml:8:5 error plan/approved-before-implementation 事项（十四）优化产业创新政务环境的体制机制在 2017-09-10 已有推进材料,但此前没有正式实施方案',
      'ledger/zsj.yaml:108:18 error bonus/proof-attached 加分条目“zsj-07-bonus”没有附证明材料',
      'ledger/zzb.yaml:8:5 error ref/unit-not-responsible 组织部 不是事项（一）的责任单位(责任单位:发改局、发展研究中心、经信局、招商局、各园区)',
      'plan.yaml:131:9 warning kpi/attainment 指标“新增高新技术企业”(事项（一）实施车都升级版计划)期末实际 18 家,未达到目标 ≥ 25',
      'plan.yaml:136:9 warning kpi/reported 事项（一）实施车都升级版计划的指标“新增企业研发机构”(目标 ≥ 10 家)尚无数据报送',
      'plan.yaml:206:5 error decision/procedure-complete 事项（九）实施标准化战略缺少决策程序资料:讨论',
      'plan.yaml:233:5 warning supervision/cadence 事项（十二）推进产业创新发展在 2017Q4(2017-10-12 至 2017-12-31)没有督办记录',
    ])
  })

  it('covers all 15 items and all 16 responsible units, and every attachment but the gaps exists', async () => {
    const { loaded, checked } = await check()
    expect(new Set(loaded.entries.map((e) => e.item)).size).toBe(15)
    expect(new Set(loaded.entries.map((e) => e.unit)).size).toBe(16)
    expect(loaded.files).toHaveLength(16)
    const missing = [...loaded.attachments.values()].filter((a) => !a.exists).map((a) => a.path)
    expect(missing).toEqual(['files/jxj/智能制造项目清单.xlsx'])
    expect(checked.stats).toMatchObject({
      entries: loaded.entries.length,
      rulesRun: 26,
      errors: 8,
      warnings: 3,
    })
  })

  it('marks every file as illustrative sample data', () => {
    for (const file of ['fgj', 'jxj', 'zzb'])
      expect(readFileSync(`${root}ledger/${file}.yaml`, 'utf8')).toMatch(
        /^# 示例数据\(虚构\)[^\n]*\n# Illustrative sample data/,
      )
  })

  it('says the same in English', async () => {
    const { all } = await check('en')
    expect(all.find((d) => d.ruleId === 'decision/procedure-complete')?.message).toBe(
      'Item (9) 实施标准化战略 lacks decision-procedure materials: discussion',
    )
  })
})
