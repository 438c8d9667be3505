import { readFileSync } from 'node:fs'
import { parsePlan } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { formatDiagnostic, summarizePlan } from './summary.js'

const example = readFileSync(
  new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url),
  'utf8',
)

describe('plan summary', () => {
  const plan = parsePlan(example).plan
  if (!plan) throw new Error('example does not parse')

  it('lists categories, items with ordinals and units, and the KPIs', () => {
    const text = summarizePlan(plan)
    expect(text).toContain('一、牵头负责市级改革事项(1 项)')
    expect(text).toContain('二、重点参与市级改革事项(11 项)')
    expect(text).toContain('三、特色改革事项(3 项)')
    expect(text).toContain('（一）实施车都升级版计划')
    expect(text).toContain(
      '责任单位: 发改局、发展研究中心、经信局、招商局、各园区 (单位组展开后共 9 个单位)',
    )
    expect(text).toContain('（九）实施标准化战略\n      责任单位: 市场监督局\n')
    expect(text).toContain('量化目标: 新增高新技术企业 不少于 25 家')
    expect(text).toContain('量化目标: 重大产业技术创新平台 3 个')
    expect(text.match(/量化目标/g)).toHaveLength(5)
  })

  it('speaks English on request', () => {
    expect(summarizePlan(plan, 'en')).toContain('Targets: 新增企业研发机构 at least 10 家')
  })

  it('formats diagnostics as file:line:column', () => {
    const { diagnostics } = parsePlan('schema: reformkit/plan@1\nid: 1\n', { filename: 'p.yaml' })
    const d = diagnostics.find((x) => x.location.path === '/id')
    expect(d && formatDiagnostic(d)).toMatch(/^p\.yaml:2:5 error /)
  })
})
