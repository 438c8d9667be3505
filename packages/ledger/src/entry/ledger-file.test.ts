import { describe, expect, it } from 'vitest'
import { plan } from '../../test/fixtures.js'
import { ledgerFileData } from './ledger-file.js'
import { parseLedger } from './parse-ledger.js'

const text = `schema: reformkit/ledger@1
entries:
  - { id: a, item: item-01, unit: fgj, kind: research, date: 2017-03-05, title: 调研, attachments: [{ path: files/a.pdf }] }
  - { id: b, item: item-01, unit: fgj, kind: discussion, date: 2017-03-06, title: 讨论 }
`
const content = (entries: ReturnType<typeof parseLedger>['entries']) =>
  entries.map(({ source: _, ...entry }) => entry)

describe('ledgerFileData', () => {
  it('is read back to the same entries, the unit once, no empty lists, no sources', () => {
    const { entries } = parseLedger(text, { plan })
    const data = ledgerFileData(entries, { title: '发改局台账' })
    expect(data).toMatchObject({ schema: 'reformkit/ledger@1', unit: 'fgj', title: '发改局台账' })
    expect(Object.keys(data.entries[1] ?? {})).toEqual(['id', 'item', 'kind', 'date', 'title'])
    expect(content(parseLedger(JSON.stringify(data), { plan }).entries)).toEqual(content(entries))
  })

  it('keeps each entry’s unit when the entries are of several units', () => {
    const { entries } = parseLedger(
      text.replace('unit: fgj, kind: discussion', 'unit: jxj, kind: discussion'),
      { plan },
    )
    const data = ledgerFileData(entries)
    expect(data.unit).toBeUndefined()
    expect(data.entries.map((e) => e.unit)).toEqual(['fgj', 'jxj'])
  })
})
