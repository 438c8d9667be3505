// Golden test: the Wuhan ETDZ 2017 plan as data (examples/wuhan-etdz-2017/plan.yaml)
// against the published text (shared/seed/wuhan-etdz-2017.txt, where present).
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  expandResponsible,
  formatOrdinal,
  itemLabel,
  type Plan,
  parsePlan,
  responsibleUnits,
} from '../src/index.js'

const planPath = new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url)
const seedPath = new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url)

const result = parsePlan(readFileSync(planPath, 'utf8'), {
  filename: 'examples/wuhan-etdz-2017/plan.yaml',
})
const plan = result.plan as Plan
const unitNames = (ids: string[]) =>
  ids.map((id) => [...plan.units, ...plan.unitGroups].find((u) => u.id === id)?.name)

describe('examples/wuhan-etdz-2017/plan.yaml', () => {
  it('parses with no diagnostics', () => {
    expect(result.diagnostics).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('carries the plan header', () => {
    expect(plan).toMatchObject({
      schema: 'reformkit/plan@1',
      title: '武汉经济技术开发区(汉南区)2017年系统推进全面创新改革试验工作方案',
      issuer: '武汉开发区(汉南区)党政办公室',
      issued: '2017-08-17',
      period: { start: '2017-01-01', end: '2017-12-31' },
    })
    expect(plan.basis[0]?.title).toContain('关于系统推进全面创新改革试验2017年工作的实施意见')
    expect(plan.bodies.leadingGroup?.shortName).toBe('区创改组')
    expect(plan.bodies.office?.shortName).toBe('区创新办')
    expect(plan.bodies.superior?.name).toBe('市创新办')
  })

  it('has the 1-2-3-4-5 framework of 总体要求', () => {
    expect(plan.framework?.lists.map((list) => [list.label, list.entries.length])).toEqual([
      ['一个目标', 1],
      ['两条主线', 2],
      ['三个国家级示范区', 3],
      ['四大领域', 4],
      ['五链统筹', 5],
    ])
  })

  it('names 17 units and the group 各园区 of the parks', () => {
    expect(plan.units).toHaveLength(17)
    expect(new Set(plan.units.map((u) => u.name)).size).toBe(17)
    expect(plan.unitGroups).toEqual([
      {
        id: 'parks',
        name: '各园区',
        aliases: [],
        members: ['xjzz', 'zhstc', 'thwx', 'swc', 'ckjg'],
      },
    ])
    const parks = plan.units.filter((u) => u.kind === 'park').map((u) => u.id)
    expect(parks).toEqual(plan.unitGroups[0]?.members)
  })

  it('has three categories of 1 / 11 / 3 items', () => {
    expect(plan.categories.map((c) => [c.label, c.kind, c.count])).toEqual([
      ['牵头负责市级改革事项', 'cityLead', 1],
      ['重点参与市级改革事项', 'cityParticipate', 11],
      ['特色改革事项', 'local', 3],
    ])
    const counts = plan.categories.map((c) => plan.items.filter((i) => i.category === c.id).length)
    expect(counts).toEqual([1, 11, 3])
  })

  it('has all 15 items with their responsible units in the plan order', () => {
    expect(
      plan.items.map((item) => [
        itemLabel(item),
        item.title,
        unitNames(item.responsible).join('、'),
      ]),
    ).toEqual([
      ['（一）', '实施车都升级版计划', '发改局、发展研究中心、经信局、招商局、各园区'],
      [
        '（二）',
        '推进智能制造产业发展',
        '发改局、经信局、招商局、先进制造产业区管理办公室、智慧生态城管理办公室、通用航空及卫星产业园管理办公室',
      ],
      ['（三）', '推进信息技术产业发展', '经信局、招商局'],
      [
        '（四）',
        '推进生命健康产业发展',
        '经信局、招商局、卫计局、商务城管理办公室、先进制造产业区管理办公室、智慧生态城管理办公室',
      ],
      ['（五）', '实施传统产业转型升级计划', '发改局、经信局、先进制造产业区管理办公室'],
      ['（六）', '推进企业主导的产业技术创新机制建设', '发改局、经信局、招商局'],
      ['（七）', '推进全球创新网络重要节点城市建设', '招商局、经信局、发改局'],
      ['（八）', '大力推进科技成果转化', '经信局、知识产权工作中心'],
      ['（九）', '实施标准化战略', '市场监督局'],
      ['（十）', '扩大风险投资规模', '财政局、经信局、发改局'],
      ['（十一）', '加快南太子湖创新谷建设', '商务城管理办公室、招商局、发改局'],
      ['（十二）', '推进产业创新发展', '经信局、招商局、发改局'],
      ['（十三）', '推动开发区向开放创新综合试验区转型升级', '出口加工区管理办公室、开发区海关'],
      ['（十四）', '优化产业创新政务环境的体制机制', '行政审批局、经信局、发改局'],
      ['（十五）', '认真落实城市合伙人计划工作', '组织部、经信局'],
    ])
    expect(plan.items.map((item) => item.number)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    )
  })

  it('expands 各园区 to the parks for item (一)', () => {
    const item1 = plan.items[0]
    expect(item1 && expandResponsible(plan, item1).map((u) => u.id)).toEqual([
      'fgj',
      'fzyjzx',
      'jxj',
      'zsj',
      'xjzz',
      'zhstc',
      'thwx',
      'swc',
      'ckjg',
    ])
    // The lookup made once for many items gives the same units for every item.
    const unitsOf = responsibleUnits(plan)
    for (const item of plan.items) expect(unitsOf(item)).toEqual(expandResponsible(plan, item))
  })

  it('has the five numeric targets of item (一) and no others', () => {
    expect(
      plan.items[0]?.kpis.map((k) => [
        k.measure,
        k.unit,
        k.target.comparator,
        k.target.value,
        k.accumulation,
      ]),
    ).toEqual([
      ['重大产业技术创新平台', '个', 'exactly', 3, 'latest'],
      ['重大产业项目', '个', 'exactly', 10, 'latest'],
      ['南太子湖创新谷新培育引进企业(机构)', '家', 'exactly', 30, 'sum'],
      ['新增高新技术企业', '家', 'atLeast', 25, 'sum'],
      ['新增企业研发机构', '家', 'atLeast', 10, 'sum'],
    ])
    expect(plan.items.slice(1).every((item) => item.kpis.length === 0)).toBe(true)
  })

  it('invents nothing the plan does not say: no major items, no milestones', () => {
    expect(plan.items.some((item) => item.major)).toBe(false)
    expect(plan.items.some((item) => item.milestones.length > 0)).toBe(false)
  })

  it.runIf(existsSync(seedPath))(
    'copies every title, text and unit list from the published plan',
    () => {
      const seed = readFileSync(seedPath, 'utf8')
      for (const item of plan.items) {
        const ordinal = formatOrdinal(item.number, 'plain')
        const line = seed.split('\n').find((l) => l.startsWith(`(${ordinal})`))
        expect(line, `item ${ordinal}`).toBeDefined()
        expect(line).toContain(`(${ordinal})${item.title}。${item.text ?? ''}`)
        expect(line).toContain(`责任单位:${unitNames(item.responsible).join('、')})`)
      }
    },
  )
})
