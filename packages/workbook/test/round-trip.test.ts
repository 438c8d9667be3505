import { describe, expect, it } from 'vitest'
import { compareEntries, createTemplate, importWorkbook } from '../src/index.js'
import { content, loadExample } from './example.js'

describe('ledger → workbook → ledger', () => {
  it('gives back every entry of the Wuhan example with the same ids and no finding', async () => {
    const { plan, entries } = await loadExample()
    const bytes = await createTemplate({ plan, entries })
    const read = importWorkbook(bytes, { plan, filename: 'all.xlsx' })
    expect(read.diagnostics).toEqual([])
    expect(read.entries.map(content)).toEqual(entries.map(content))
    expect(compareEntries(entries, read.entries)).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      unchanged: entries.length,
    })
  })

  it('a unit template lists that unit’s entries and reads back with its unit', async () => {
    const { plan, entries } = await loadExample()
    const mine = entries.filter((e) => e.unit === 'fgj')
    const bytes = await createTemplate({ plan, unit: 'fgj', entries })
    const read = importWorkbook(bytes, { plan, filename: 'fgj.xlsx' })
    expect(read.diagnostics).toEqual([])
    expect(read.entries.map(content)).toEqual(mine.map(content))
    expect(read.entries[0]?.source).toMatchObject({ file: 'fgj.xlsx', sheet: '台账', line: 3 })
  })

  it('a template of another plan is read with a warning', async () => {
    const { plan } = await loadExample()
    const bytes = await createTemplate({ plan, unit: 'fgj' })
    const read = importWorkbook(bytes, { plan: { ...plan, id: 'another-plan' } })
    expect(read.diagnostics.map((d) => d.ruleId)).toEqual(['workbook/other-plan'])
  })
})
