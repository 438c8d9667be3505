// A small plan and an entry builder shared by the rule tests.
import { type Plan, parsePlan } from '@reformkit/model'
import type { LedgerEntry } from '../src/entry/schema.js'

const planText = `schema: reformkit/plan@1
id: fixture
title: 测试方案
period: { start: 2017-01-01, end: 2017-12-31 }
bodies:
  leadingGroup: { id: qcgz, name: 区创改组 }
  office: { id: qcxb, name: 区创新办 }
units:
  - { id: fgj, name: 发改局, aliases: [发展和改革局] }
  - { id: jxj, name: 经信局 }
  - { id: park-a, name: 甲园区, kind: park }
  - { id: park-b, name: 乙园区, kind: park }
unitGroups:
  - { id: parks, name: 各园区, members: [park-a, park-b] }
categories:
  - { id: local, label: 特色改革事项, kind: local }
items:
  - id: i1
    number: 1
    category: local
    title: 一般事项
    responsible: [fgj, parks]
    kpis:
      - { id: firms, measure: 新增企业, unit: 家, target: { comparator: atLeast, value: 25 }, accumulation: sum }
      - { id: platforms, measure: 平台, unit: 个, target: { comparator: exactly, value: 3 }, accumulation: latest }
  - id: i2
    number: 2
    category: local
    title: 重大事项
    responsible: [jxj]
    major: true
    milestones:
      - { id: m1, title: 出台方案, due: 2017-06-30, ownerPerson: 张三, ownerUnit: jxj }
`

const parsed = parsePlan(planText)
if (!parsed.plan) throw new Error(`fixture plan is invalid: ${JSON.stringify(parsed.diagnostics)}`)
export const plan: Plan = parsed.plan

let counter = 0
/** An entry with sensible defaults: a research entry of fgj for item i1 on 2017-03-01. */
export function entry(fields: Partial<LedgerEntry> = {}): LedgerEntry {
  counter++
  return {
    id: `e${counter}`,
    item: 'i1',
    unit: 'fgj',
    kind: 'research',
    date: '2017-03-01',
    title: '材料',
    attachments: [],
    ...fields,
  }
}
