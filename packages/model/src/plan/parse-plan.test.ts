import { describe, expect, it } from 'vitest'
import { parsePlan } from './parse-plan.js'

/** A small valid plan; line numbers below are counted in this text. */
const minimal = `schema: reformkit/plan@1
id: demo
title: 示例工作方案
period: { start: 2017-01-01, end: 2017-12-31 }
units:
  - { id: fgj, name: 发改局, aliases: [发展和改革局] }
  - { id: jxj, name: 经信局 }
  - { id: park-a, name: 甲园区, kind: park }
unitGroups:
  - { id: parks, name: 各园区, members: [park-a] }
categories:
  - { id: local, label: 特色改革事项, kind: local, count: 2 }
items:
  - id: i1
    number: 1
    category: local
    title: 第一项
    responsible: [fgj, parks]
    kpis:
      - id: k1
        measure: 新增企业
        unit: 家
        target: { comparator: atLeast, value: 25 }
  - id: i2
    number: 2
    category: local
    title: 第二项
    responsible: [jxj]
`

const lines = minimal.split('\n')
/** Replace line `n` (1-based) of the minimal plan. */
const withLine = (n: number, text: string) =>
  lines.map((line, i) => (i === n - 1 ? text : line)).join('\n')
const ids = (source: string) =>
  parsePlan(source, { filename: 'plan.yaml' }).diagnostics.map((d) => d.ruleId)

describe('parsePlan on a valid plan', () => {
  it('returns the plan with defaults applied', () => {
    const result = parsePlan(minimal)
    expect(result.diagnostics).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.plan?.items[1]).toMatchObject({ major: false, kpis: [], milestones: [] })
    expect(result.plan?.items[0]?.kpis[0]?.accumulation).toBe('sum')
    expect(result.plan?.units[1]?.kind).toBe('department')
  })

  it('reads the same plan as JSON', () => {
    const data = parsePlan(minimal).plan
    const result = parsePlan(JSON.stringify(data, null, 2), { filename: 'plan.json' })
    expect(result.ok).toBe(true)
    expect(result.plan).toEqual(data)
  })

  it('accepts a UTF-8 byte order mark and a minor version', () => {
    expect(parsePlan(`\ufeff${minimal.replace('plan@1', 'plan@1.3')}`).ok).toBe(true)
  })
})

describe('parsePlan locates schema problems', () => {
  it('a wrong type on line 12 is reported at line 12', () => {
    const result = parsePlan(
      withLine(12, '  - { id: local, label: 特色改革事项, kind: local, count: many }'),
      {
        filename: 'plan.yaml',
      },
    )
    expect(result.ok).toBe(false)
    expect(result.plan).toBeUndefined()
    const [d] = result.diagnostics
    expect(d).toMatchObject({
      ruleId: 'schema/invalid-type',
      severity: 'error',
      location: { file: 'plan.yaml', line: 12, column: 53, path: '/categories/0/count' },
    })
    expect(d?.message).toBe('“categories[0].count”应为数字,实为文本')
  })

  it('writes messages in English on request', () => {
    const result = parsePlan(
      withLine(12, '  - { id: local, label: 特色改革事项, kind: local, count: many }'),
      {
        locale: 'en',
      },
    )
    expect(result.diagnostics[0]?.message).toBe('"categories[0].count" must be a number, not text')
  })

  it('a missing required field points at its parent', () => {
    const result = parsePlan(withLine(27, '    titel: 第二项'), { filename: 'plan.yaml' })
    const byRule = Object.fromEntries(result.diagnostics.map((d) => [d.ruleId, d]))
    expect(byRule['schema/required']).toMatchObject({
      location: { line: 24, path: '/items/1/title' },
    })
    expect(byRule['schema/unknown-key']).toMatchObject({
      message: '未知字段“titel”,是否应为“title”?',
      location: { line: 27, column: 5, path: '/items/1/titel' },
      suggestions: [{ replacement: 'title' }],
    })
  })

  it('an impossible date', () => {
    const result = parsePlan(withLine(4, 'period: { start: 2017-02-30, end: 2017-12-31 }'), {
      filename: 'plan.yaml',
    })
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'schema/invalid-date', location: { line: 4, column: 18, path: '/period/start' } },
    ])
  })

  it('a date in Chinese writing is a format problem with a hint', () => {
    const result = parsePlan(withLine(4, 'period: { start: 2017年1月1日, end: 2017-12-31 }'))
    expect(result.diagnostics[0]?.ruleId).toBe('schema/invalid-format')
    expect(result.diagnostics[0]?.message).toContain('YYYY-MM-DD')
  })

  it('an unknown enum value lists the choices', () => {
    const result = parsePlan(withLine(23, '        target: { comparator: moreThan, value: 25 }'))
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'schema/invalid-value',
      location: { line: 23 },
    })
    expect(result.diagnostics[0]?.message).toContain('atLeast, exactly, atMost, range')
  })
})

describe('parsePlan checks references', () => {
  it('reports an unknown unit id with its line, suggesting the id of a unit name', () => {
    const result = parsePlan(withLine(18, '    responsible: [发展和改革局, parks, fgk, nobody]'), {
      filename: 'plan.yaml',
    })
    expect(result.ok).toBe(false)
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'plan/unknown-unit',
        message: '事项（一）的“responsible”引用了不存在的单位“发展和改革局”;是否应为“fgj”(发改局)?',
        location: { file: 'plan.yaml', line: 18, column: 19, path: '/items/0/responsible/0' },
        suggestions: [{ replacement: 'fgj' }],
      },
      {
        ruleId: 'plan/unknown-unit',
        location: { line: 18, column: 34, path: '/items/0/responsible/2' },
        suggestions: [{ replacement: 'fgj' }],
      },
      {
        ruleId: 'plan/unknown-unit',
        message: '事项（一）的“responsible”引用了不存在的单位或单位组“nobody”',
        location: { line: 18, column: 39, path: '/items/0/responsible/3' },
      },
    ])
    expect(result.diagnostics[2]?.suggestions).toBeUndefined()
  })

  it('duplicate ids, across units and groups too', () => {
    const result = parsePlan(
      withLine(10, '  - { id: fgj, name: 各园区, members: [park-a] }').replace(
        '[fgj, parks]',
        '[fgj]',
      ),
    )
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'plan/duplicate-id', location: { line: 10 }, data: { id: 'fgj', firstLine: 6 } },
    ])
    expect(ids(withLine(24, '  - id: i1'))).toEqual(['plan/duplicate-id'])
  })

  it('unknown group member, unknown category', () => {
    expect(ids(withLine(10, '  - { id: parks, name: 各园区, members: [park-b] }'))).toEqual([
      'plan/unknown-group-member',
    ])
    const result = parsePlan(withLine(16, '    category: locl'))
    expect(result.diagnostics).toMatchObject([
      { ruleId: 'plan/category-count', severity: 'warning', location: { line: 12 } },
      {
        ruleId: 'plan/unknown-category',
        location: { line: 16 },
        suggestions: [{ replacement: 'local' }],
      },
    ])
  })

  it('item numbers must run 1..n in order', () => {
    const result = parsePlan(withLine(25, '    number: 3'))
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'plan/item-number-sequence',
        location: { line: 25, path: '/items/1/number' },
        data: { expected: 2, actual: 3 },
      },
    ])
  })

  it('a range needs an upper bound above its value', () => {
    expect(ids(withLine(23, '        target: { comparator: range, value: 25 }'))).toEqual([
      'plan/range-without-upper',
    ])
    expect(
      ids(withLine(23, '        target: { comparator: range, value: 25, upper: 20 }')),
    ).toEqual(['plan/range-reversed'])
    const warning = parsePlan(
      withLine(23, '        target: { comparator: atLeast, value: 25, upper: 30 }'),
    )
    expect(warning.ok).toBe(true)
    expect(warning.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['plan/upper-without-range', 'warning'],
    ])
  })

  it('milestones are due inside the period and owned by known units', () => {
    const source = `${minimal}    milestones:
      - { id: m1, title: 出台方案, due: 2018-03-01, ownerUnit: jxj }
      - { id: m2, title: 试点, due: 2017-06-30, ownerPerson: 张三, ownerUnit: zzz }
`
    const result = parsePlan(source, { filename: 'plan.yaml' })
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'plan/milestone-outside-period',
        location: { line: 30, path: '/items/1/milestones/0/due' },
      },
      {
        ruleId: 'plan/unknown-owner-unit',
        location: { line: 31, path: '/items/1/milestones/1/ownerUnit' },
      },
    ])
  })

  it('lead units must be responsible', () => {
    expect(ids(withLine(28, '    responsible: [jxj]\n    lead: [fgj]'))).toEqual([
      'plan/lead-not-responsible',
    ])
  })

  it('a declared category count is checked', () => {
    expect(
      ids(withLine(12, '  - { id: local, label: 特色改革事项, kind: local, count: 3 }')),
    ).toEqual(['plan/category-count'])
  })

  it('a reversed period', () => {
    expect(ids(withLine(4, 'period: { start: 2017-12-31, end: 2017-01-01 }'))).toEqual([
      'plan/period-reversed',
    ])
  })
})

describe('parsePlan refuses files it cannot read', () => {
  it.each([
    ['', 'source/empty'],
    ['# only a comment\n', 'source/empty'],
    ['- a\n- b\n', 'source/not-mapping'],
    ['just text', 'source/not-mapping'],
    ['id: x\n', 'schema/missing-tag'],
    ['schema: reformkit/plan@2\nid: x\n', 'schema/unsupported-version'],
    ['schema: reformkit/ledger@1\n', 'schema/wrong-tag'],
    ['a: [1, 2\n', 'source/syntax'],
    ['a: 1\na: 2\n', 'source/duplicate-key'],
    ['a:\n\t- b\n', 'source/tab-indent'],
  ])('%j → %s', (source, ruleId) => {
    const result = parsePlan(source, { filename: 'plan.yaml' })
    expect(result.ok).toBe(false)
    expect(result.diagnostics[0]?.ruleId).toBe(ruleId)
    expect(result.diagnostics[0]?.location.file).toBe('plan.yaml')
  })

  it('locates syntax errors', () => {
    const result = parsePlan(withLine(7, '  - { id: jxj, name: 经信局'), { filename: 'plan.yaml' })
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'source/syntax',
      location: { file: 'plan.yaml', line: 8 },
    })
  })
})

/** A plan of another shape: five years, 一、 over （一）, numbering per category, 左右 and 每年. */
const talent = `schema: reformkit/plan@1
id: talent
title: 人才发展五年行动计划
period: { start: 2021-01-01, end: 2025-12-31 }
units:
  - { id: rsj, name: 市人社局 }
  - { id: kjj, name: 市科技局 }
  - { id: qx, name: 某区 }
unitGroups:
  - { id: districts, name: 各区、县级市, members: [qx] }
categories:
  - { id: c1, label: 一、集聚人才, count: 3 }
  - { id: c1-1, label: （一）引进高层次人才, parent: c1 }
  - { id: c1-2, label: （二）培养青年人才, parent: c1 }
numbering: perCategory
items:
  - id: i1
    number: 1
    category: c1-1
    title: 引进高层次人才
    lead: [rsj]
    support: [kjj, districts]
    kpis:
      - id: k-talent
        measure: 引进高层次人才
        unit: 名
        target: { comparator: exactly, value: 2000, approximate: true, written: 2000名左右 }
      - id: k-growth
        measure: 人才总量增长
        unit: '%'
        kind: growth
        baselineYear: 2020
        target: { comparator: exactly, value: 6.5, approximate: true, written: 增长6.5%左右 }
  - id: i2
    number: 2
    category: c1-1
    title: 每年新增博士后
    responsible: [rsj]
    kpis:
      - id: k-postdoc
        measure: 新增博士后
        unit: 万名
        target: { comparator: atLeast, value: 3200000, per: year, written: 320万名 }
  - id: i3
    number: 1
    category: c1-2
    title: 营造尊重人才的社会氛围
`

describe('plans of other shapes', () => {
  it('five years, nested categories, numbering per category, 左右 and 每年 targets', () => {
    const result = parsePlan(talent, { filename: 'plan.yaml' })
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.location.line])).toEqual([
      ['plan/no-unit', 'info', 44],
    ])
    const plan = result.plan
    // Lead then support become the responsible units when the plan writes only those.
    expect(plan?.items[0]?.responsible).toEqual(['rsj', 'kjj', 'districts'])
    expect(plan?.items[0]?.kpis[0]?.target).toMatchObject({ approximate: true, per: 'period' })
    expect(plan?.items[0]?.kpis[1]).toMatchObject({ kind: 'growth', baselineYear: 2020 })
    expect(plan?.items[1]?.kpis[0]?.target).toMatchObject({ per: 'year', written: '320万名' })
    expect(plan?.items[2]?.responsible).toEqual([])
    expect(plan?.categories[0]?.kind).toBe('custom')
  })

  it('numbering per category restarts in each category, and is checked so', () => {
    expect(
      ids(talent.replace('    number: 1\n    category: c1-2', '    number: 3\n    category: c1-2')),
    ).toContain('plan/item-number-restart')
    // The same plan numbered continuously is wrong at its third item.
    expect(ids(talent.replace('numbering: perCategory\n', ''))).toContain(
      'plan/item-number-sequence',
    )
  })

  it('a declared count covers the categories beneath', () => {
    expect(ids(talent.replace('count: 3', 'count: 2'))).toContain('plan/category-count')
  })

  it('an unknown parent and a loop of parents are errors', () => {
    expect(ids(talent.replace('parent: c1 }', 'parent: c9 }'))).toContain('plan/unknown-parent')
    const loop = talent.replace(
      'label: 一、集聚人才, count: 3',
      'label: 一、集聚人才, parent: c1-1',
    )
    expect(ids(loop)).toContain('plan/category-cycle')
  })
})
