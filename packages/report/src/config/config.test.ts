// The report settings without their schemas when the config sets none: the same settings
// as the schemas give, key order included; a config that sets some goes to the schemas.
import { describe, expect, it } from 'vitest'
import { parseReportConfig, reportSchemas, resolveReportConfig } from './config.js'

const same = (a: unknown, b: unknown) => {
  expect(a).toEqual(b)
  expect(JSON.stringify(a)).toBe(JSON.stringify(b))
}

describe('report settings at their defaults', () => {
  it('are what the schema outputs for a config without report: or rubric:', () => {
    const schema = reportSchemas().ReportConfig
    same(resolveReportConfig(), schema.parse({}))
    same(resolveReportConfig({}), schema.parse({}))
    const read = parseReportConfig('schema: reformkit/config@1\npreset: strict\n')
    same(read.config, schema.parse({}))
    expect(read).toMatchObject({ diagnostics: [], given: { report: false, rubric: false } })
  })

  it('are fresh each time: changing one changes no other', () => {
    const first = resolveReportConfig()
    first.rubric.bonusCap = 99
    first.report.trafficLights.nearDays = 99
    expect(resolveReportConfig().rubric.bonusCap).toBe(5)
    expect(resolveReportConfig().report.trafficLights.nearDays).toBe(15)
  })

  it('a config that sets some is read by the schema, located when wrong', () => {
    const read = parseReportConfig(
      'rubric:\n  bonusCap: 3\nreport:\n  trafficLights:\n    nearDays: -1\n',
    )
    expect(read.given).toEqual({ report: true, rubric: true })
    expect(read.diagnostics.map((d) => d.location.line)).toEqual([5])
    expect(read.config.rubric.bonusCap).toBe(5)
    const good = parseReportConfig('rubric:\n  bonusCap: 3\n')
    expect(good.config.rubric).toMatchObject({ bonusCap: 3, kpiAttainment: 40 })
  })
})
