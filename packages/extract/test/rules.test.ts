// The general rules, each on the shapes published plans use.
import { parsePlan } from '@reformkit/model'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractPlan, findDeadlines, findTargets, parseLabelled, splitNames } from '../src/index.js'

type Draft = Awaited<ReturnType<typeof extractPlan>>['plan']

/** A unit's or unit group's name in a draft plan, by id. */
const unitName = (plan: Draft) => (id: string) =>
  plan.units.find((u) => u.id === id)?.name ?? plan.unitGroups?.find((g) => g.id === id)?.name

describe('units', () => {
  it('split lists on 、，；和/及 between offices, dropping 等; keep 各区、县级市 whole', () => {
    expect(splitNames('发改局、经信局,招商局等')).toEqual(['发改局', '经信局', '招商局'])
    expect(splitNames('市财政局和市税务局')).toEqual(['市财政局', '市税务局'])
    expect(splitNames('通用航空及卫星产业园管理办公室')).toEqual(['通用航空及卫星产业园管理办公室'])
    expect(splitNames('各区、县级市人民政府、市人社局')).toEqual([
      '各区、县级市人民政府',
      '市人社局',
    ])
    expect(splitNames('市发改委、各区、县级市')).toEqual(['市发改委', '各区、县级市'])
  })

  it('read roles: 牵头 leads; 配合/协办 support; 责任 supports beside a 牵头, else is plain', () => {
    expect(parseLabelled('牵头单位:市教育局;责任单位:市人社局')).toEqual([
      { role: 'lead', names: ['市教育局'] },
      { role: 'support', names: ['市人社局'] },
    ])
    expect(parseLabelled('牵头单位:市人社局,配合单位:市科技局、各区')).toEqual([
      { role: 'lead', names: ['市人社局'] },
      { role: 'support', names: ['市科技局', '各区'] },
    ])
    expect(parseLabelled('责任单位:市园林林业局')).toEqual([
      { role: 'responsible', names: ['市园林林业局'] },
    ])
    // 牵头领导 names people, not units.
    expect(parseLabelled('牵头领导:张三;牵头单位:区发改局')).toEqual([
      { role: 'lead', names: ['区发改局'] },
    ])
    // A closing 按职责分工负责 is a verb; a remark after 。 names no unit.
    expect(
      parseLabelled(
        '责任单位:省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府',
      ),
    ).toEqual([{ role: 'responsible', names: ['省发展改革委', '商务厅'] }])
  })

  it('annotations in 〔〕 and the verb form (X牵头,Y配合) at an item’s end', async () => {
    const { plan } = await extractPlan(
      [
        '某区稳增长若干措施',
        '一、提高审批效率',
        '1.精简审批手续。建立中介超市。(区政务服务局牵头,区发改局、区住建局等部门,区国投公司配合)',
        '2.优化准入环境。持续推进一网通办。〔责任单位:区市场监管局、区数据局按职责分工负责。各街道不再分工,下同。〕',
        '3.完善监管。加强事中事后监管。(各街道按职责分工负责)',
        '4.开展专项行动。2023年底前完成。(2023年底前完成)',
      ].join('\n'),
    )
    const name = unitName(plan)
    const roles = plan.items.map((i) => [
      i.title,
      (i.lead ?? []).map(name),
      (i.support ?? []).map(name),
      i.responsible?.map(name),
    ])
    expect(roles).toEqual([
      [
        '精简审批手续',
        ['区政务服务局'],
        ['区发改局', '区住建局', '区国投公司'],
        ['区政务服务局', '区发改局', '区住建局', '区国投公司'],
      ],
      ['优化准入环境', [], [], ['区市场监管局', '区数据局']],
      ['完善监管', [], [], ['各街道']],
      // A bracket of time is no annotation: the item has no unit (a warning).
      ['开展专项行动', [], [], []],
    ])
  })

  it('a 责任单位 line after a 牵头单位 line supports it', async () => {
    const { plan } = await extractPlan(
      [
        '某区2023年重点工作分工方案',
        '1.地区生产总值增长6%左右。',
        '牵头单位:区发改局',
        '责任单位:各街道,区统计局',
      ].join('\n'),
    )
    const name = unitName(plan)
    expect(plan.items[0]?.lead?.map(name)).toEqual(['区发改局'])
    expect(plan.items[0]?.support?.map(name)).toEqual(['各街道', '区统计局'])
  })
})

describe('targets', () => {
  const read = (text: string) =>
    findTargets(text).map((t) => [
      t.measure,
      t.comparator,
      t.value,
      t.upper,
      t.unit,
      t.approximate,
      t.per,
    ])

  it('comparators: 以上/不少于/超过/突破 at least, 以内/不超过 at most, 左右 approximate, X到Y a range', () => {
    expect(read('新增高新技术企业25家以上')).toEqual([
      ['新增高新技术企业', 'atLeast', 25, undefined, '家', false, 'period'],
    ])
    expect(read('培训人数不少于500人次')).toEqual([
      ['培训人数', 'atLeast', 500, undefined, '人次', false, 'period'],
    ])
    expect(read('引进高层次人才2000名左右')).toEqual([
      ['引进高层次人才', 'exactly', 2000, undefined, '名', true, 'period'],
    ])
    expect(read('建设10到20个示范点')).toEqual([['示范点', 'range', 10, 20, '个', false, 'period']])
    expect(read('新增债务控制在5亿元以内')).toEqual([
      ['新增债务', 'atMost', 500000000, undefined, '亿元', false, 'period'],
    ])
  })

  it('magnitudes 万/亿 kept as written, the value normalised; 每年 a target per year', () => {
    const [t] = findTargets('每年新增就业320万名')
    expect(t).toMatchObject({ value: 3200000, unit: '万名', written: '320万名', per: 'year' })
  })

  it('growth rates: 增长6.5%左右, 增长6%以上', () => {
    expect(read('地区生产总值增长6.5%左右')).toEqual([
      ['地区生产总值增长', 'exactly', 6.5, undefined, '%', true, 'period'],
    ])
    expect(findTargets('规上工业增加值增长9%以上')[0]).toMatchObject({
      kind: 'growth',
      comparator: 'atLeast',
    })
  })

  it('time limits: N个工作日内, N天内 are at most N', () => {
    expect(read('环评报告书14个工作日内、登记表3天内完成审批')).toEqual([
      ['环评报告书', 'atMost', 14, undefined, '工作日', false, 'period'],
      ['登记表', 'atMost', 3, undefined, '天', false, 'period'],
    ])
  })

  it('scope, clarifications and means are not targets: 6亩以下的土地, (不含6亩), 安排4000万元', () => {
    expect(findTargets('辖区范围内6亩以下(不含6亩)的土地使用转让手续由区政府审查')).toEqual([])
    expect(findTargets('区级财政安排4000万元重大项目前期费')).toEqual([])
    // A share is judged by its own rule (its measure before the number), not by this one.
    expect(findTargets('研发机构覆盖率达到90%的规上企业').map((t) => t.value)).toEqual([90])
  })

  it('names and descriptions are not targets: 5G, 工业4.0, 世界500强, 1公里生活圈', () => {
    expect(
      findTargets('推进5G智能终端研发,领跑工业4.0,支持世界500强企业,打造创谷1公里生活圈'),
    ).toEqual([])
  })

  it('deadlines: X年X月底前, X年底前, 年内', () => {
    expect(
      findDeadlines('2025年6月底前完成,2025年底前建成,年内出台', 2025).map((d) => d.due),
    ).toEqual(['2025-06-30', '2025-12-31', '2025-12-31'])
  })
})

const fiveYear = `关于印发《某市人才发展五年行动计划(2021—2025年)》的通知
某市人民政府办公室
2021年3月1日
某市人才发展五年行动计划(2021—2025年)
一、集聚高层次人才
(一)实施顶尖人才引进计划。每年引进高层次人才200名左右,2021年6月底前出台实施细则。(牵头单位:市人社局;配合单位:市科技局、各区、县级市)
(二)建设人才公寓。新建人才公寓2000套以上。
牵头单位:市住建局
配合单位:市人社局
二、培养青年人才
(一)实施青年英才计划。(牵头单位:市人力资源和社会保障局,配合单位:市教育局)
(二)营造尊重人才的社会氛围。
四、保障措施
(一)加强组织领导。建立联席会议制度。
`

describe('a five-year plan of another shape', async () => {
  const { plan, diagnostics } = await extractPlan(fiveYear, { filename: 'talent.txt' })

  it('period from the title, nested headings, 牵头/配合 inline and on their own lines', () => {
    expect(plan.period).toEqual({ start: '2021-01-01', end: '2025-12-31' })
    expect(plan.issuer).toBe('某市人民政府办公室')
    expect(plan.categories.map((c) => c.label)).toEqual(['集聚高层次人才', '培养青年人才'])
    expect(plan.items.map((i) => i.title)).toEqual([
      '实施顶尖人才引进计划',
      '建设人才公寓',
      '实施青年英才计划',
      '营造尊重人才的社会氛围',
    ])
    const names = (ids: string[] = []) =>
      ids.map((id) => [...plan.units, ...(plan.unitGroups ?? [])].find((u) => u.id === id)?.name)
    expect(names(plan.items[0]?.lead)).toEqual(['市人社局'])
    expect(names(plan.items[0]?.support)).toEqual(['市科技局', '各区、县级市'])
    expect(names(plan.items[1]?.lead)).toEqual(['市住建局'])
    // 市人力资源和社会保障局 stays one unit (和 inside a name).
    expect(names(plan.items[2]?.lead)).toEqual(['市人力资源和社会保障局'])
  })

  it('an item that names no unit is kept, with a warning; 保障措施 are no items', () => {
    expect(plan.items).toHaveLength(4)
    expect(plan.items[3]?.responsible).toEqual([])
    expect(
      diagnostics.filter((d) => d.ruleId === 'extract/no-unit').map((d) => d.location.line),
    ).toEqual([12])
  })

  it('targets per year and deadlines as milestones; the draft passes parsePlan', () => {
    expect(plan.items[0]?.kpis?.[0]).toMatchObject({
      unit: '名',
      target: { value: 200, approximate: true, per: 'year' },
    })
    expect(plan.items[0]?.milestones?.[0]).toMatchObject({ due: '2021-06-30' })
    expect(plan.items[1]?.kpis?.[0]?.target).toMatchObject({ comparator: 'atLeast', value: 2000 })
    const parsed = parsePlan(JSON.stringify(plan))
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})

describe('never throws', () => {
  it('on any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '一、总则',
              '(一)事项。(牵头单位:甲局)',
              '1.任务',
              '牵头单位:',
              '(共3项)',
              '增长6%左右',
              '2025年13月底前',
            ),
          ),
          { maxLength: 30 },
        ),
        async (parts) => {
          const result = await extractPlan(parts.join('\n'))
          expect(result.plan.schema).toBe('reformkit/plan@1')
        },
      ),
      { numRuns: 150 },
    )
  })
})

const tableShape = `某市人民政府关于2025年重点工作及责任分解的通知
2025年重点工作任务分解表
序号 | 目标与任务 | 牵头责任单位 | 责任单位 | 完成时限 |
一、主要预期目标 | | | | |
(1) | 地区生产总值增长6%以上。 | 市发展改革委 | 各县市区政府 | 2025年12月底前 |
(2) | 固定资产投资增长6%左右。 | 市发展改革委 | 各县市区政府 | |
二、重点工作 | | | | |
(一)提振消费 | | | | |
1 | 大力提振消费。 | | | |
(3) | 统筹消费券发放与以旧换新。 | 市商务局 | 市财政局 市工业和信息化局 | 2025年6月底前 |
(4) | 设立消费促进基金。 | 市发展改革委 市商务局 | 市财政局 | |
`

describe('a task table (序号 | 任务 | 牵头单位 | 责任单位 | 时限)', async () => {
  const { plan } = await extractPlan(tableShape)
  const names = (ids: string[] = []) =>
    ids.map((id) => [...plan.units, ...(plan.unitGroups ?? [])].find((u) => u.id === id)?.name)

  it('rows with units are items, rows without are headings, nested', () => {
    expect(plan.items.map((i) => i.title)).toEqual([
      '地区生产总值增长6%以上',
      '固定资产投资增长6%左右',
      '统筹消费券发放与以旧换新',
      '设立消费促进基金',
    ])
    expect(plan.categories.map((c) => [c.label, c.parent ?? '-'])).toEqual([
      ['主要预期目标', '-'],
      ['重点工作', '-'],
      ['提振消费', plan.categories[1]?.id],
      ['大力提振消费', plan.categories[2]?.id],
    ])
  })

  it('the 牵头 column leads, the 责任 column supports; names split on spaces too', () => {
    expect(names(plan.items[2]?.lead)).toEqual(['市商务局'])
    expect(names(plan.items[2]?.support)).toEqual(['市财政局', '市工业和信息化局'])
    expect(names(plan.items[3]?.lead)).toEqual(['市发展改革委', '市商务局'])
    expect(names(plan.items[0]?.support)).toEqual(['各县市区政府'])
  })

  it('growth targets and the 时限 column as milestones', () => {
    expect(plan.items[1]?.kpis?.[0]).toMatchObject({
      kind: 'growth',
      target: { value: 6, approximate: true, written: '增长6%左右' },
    })
    expect(plan.items[2]?.milestones?.[0]?.due).toBe('2025-06-30')
    expect(
      parsePlan(JSON.stringify(plan)).diagnostics.filter((d) => d.severity === 'error'),
    ).toEqual([])
  })
})

describe('collective names', () => {
  it('become unit groups, with a warning to list their members', async () => {
    const { plan, diagnostics } = await extractPlan(fiveYear)
    expect(plan.unitGroups?.map((g) => g.name)).toEqual(['各区、县级市'])
    expect(
      diagnostics.filter((d) => d.ruleId === 'extract/group-members').map((d) => d.location.line),
    ).toEqual([6])
  })
})

describe('a tab-separated task table (as copied from a spreadsheet)', () => {
  it('reads its rows, an empty 序号 cell included', async () => {
    const text = [
      '某区2025年重点任务分解表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t推进政务服务改革\t区政务服务局\t区发改委、区司法局\t2025年6月底前',
      '\t深化企业开办改革\t区市场监管局\t\t2025年9月底前',
    ].join('\n')
    const { plan } = await extractPlan(text)
    expect(plan.items?.map((i) => i.title)).toEqual(['推进政务服务改革', '深化企业开办改革'])
    expect(plan.items?.map((i) => i.milestones?.[0]?.due)).toEqual(['2025-06-30', '2025-09-30'])
  })
})
