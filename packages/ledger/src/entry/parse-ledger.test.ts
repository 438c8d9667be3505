import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plan } from '../../test/fixtures.js'
import { readDate } from './normalize.js'
import { fieldPlace, parseLedger } from './parse-ledger.js'
import type { EntrySource } from './schema.js'

const ledger = `schema: reformkit/ledger@1
unit: fgj
entries:
  - id: fgj-001
    item: i1
    kind: research
    date: 2017-03-05
    title: 车都升级版调研报告
    attachments:
      - { path: files/fgj/research.pdf, sha256: ${'a'.repeat(64)}, bytes: 1024 }
  - id: fgj-002
    item: i1
    kind: meetingDecision
    date: 2017-04-10
    title: 区创改组第2次会议研究实施方案
    documentNumber: 区创改组〔2017〕2号
    meeting: { body: qcgz, session: 2017年第2次会议 }
`

describe('parseLedger', () => {
  it('reads entries, the file-level unit and where each came from', () => {
    const result = parseLedger(ledger, { filename: 'ledger/fgj.yaml' })
    expect(result.diagnostics).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.entries.map((e) => [e.id, e.unit, e.kind])).toEqual([
      ['fgj-001', 'fgj', 'research'],
      ['fgj-002', 'fgj', 'meetingDecision'],
    ])
    expect(result.entries[1]?.source).toMatchObject({
      file: 'ledger/fgj.yaml',
      line: 11,
      column: 5,
      path: '/entries/1',
      fields: { date: { line: 14, column: 11 } },
    })
  })

  it("places an entry's fields, one alone or all at once, JSON and YAML alike", () => {
    const entry = {
      ...{ id: 'a', item: 'i1', unit: 'fgj', kind: 'research', date: '2017-03-05' },
      ...{ title: '调研', attachments: [{ path: 'files/a.pdf' }, { path: 'files/b.pdf' }] },
    }
    const json = JSON.stringify({ schema: 'reformkit/ledger@1', entries: [entry] }, null, 2)
    const yaml = `schema: reformkit/ledger@1
entries:
  - id: a
    item: i1
    unit: fgj
    kind: research
    date: 2017-03-05
    title: 调研
    attachments:
      - path: files/a.pdf
      - path: files/b.pdf
`
    for (const [text, date, second] of [
      [json, { line: 9, column: 15 }, { line: 15, column: 9 }],
      [yaml, { line: 7, column: 11 }, { line: 11, column: 9 }],
    ] as const) {
      const source = parseLedger(text).entries[0]?.source as EntrySource
      // One field looked for alone (what a finding asks), then all of them.
      expect(fieldPlace(source, 'date')).toEqual(date)
      expect(fieldPlace(source, 'attachments/1')).toEqual(second)
      expect(fieldPlace(source, 'source')).toBeUndefined()
      const fields = source.fields ?? {}
      expect(fields.date).toEqual(date)
      expect(fields['attachments/1']).toEqual(second)
      for (const none of ['nope', 'attachments/2', 'attachments/', 'source'])
        expect(fields[none], none).toBeUndefined()
      expect('source' in fields).toBe(false)
      expect(Object.keys(fields)).toEqual([
        ...['id', 'item', 'unit', 'kind', 'date', 'title', 'attachments'],
        ...['attachments/0', 'attachments/1'],
      ])
    }
  })

  it('reads sloppy input as meant, saying so (info)', () => {
    const sloppy = `schema: reformkit/ledger@1
entries:
  - id: ｆｇｊ-００３
    item: （一）
    unit: 发展和改革局
    kind: 调研
    date: 2017年3月5日
    title: 调研
  - id: fgj-004
    item: 重大事项
    unit: jxj
    kind: kpiReport
    date: 42900
    title: 指标
    kpi: { id: firms, value: "１,２００", asOf: 2017/6/30 }
`
    const result = parseLedger(sloppy, { filename: 'l.yaml', plan })
    expect(result.ok).toBe(true)
    expect(result.entries[0]).toMatchObject({
      id: 'fgj-003',
      item: 'i1',
      unit: 'fgj',
      kind: 'research',
      date: '2017-03-05',
    })
    expect(result.entries[1]).toMatchObject({
      item: 'i2',
      date: '2017-06-14',
      kpi: { value: 1200, asOf: '2017-06-30' },
    })
    expect(
      result.diagnostics.every((d) => d.severity === 'info' && d.ruleId === 'ledger/normalized'),
    ).toBe(true)
    expect(result.diagnostics.map((d) => d.location.line)).toEqual([3, 4, 5, 6, 7, 10, 13, 15, 15])
    expect(result.diagnostics[4]?.message).toBe(
      '“entries[0].date”写作“2017年3月5日”,已按“2017-03-05”读取',
    )
  })

  it('keeps the valid entries when one is wrong, locating the error', () => {
    const broken = ledger.replace('date: 2017-04-10', 'date: 2017-02-30')
    const result = parseLedger(broken, { filename: 'f.yaml' })
    expect(result.ok).toBe(false)
    expect(result.entries.map((e) => e.id)).toEqual(['fgj-001'])
    expect(result.diagnostics).toMatchObject([
      {
        ruleId: 'schema/invalid-date',
        location: { file: 'f.yaml', line: 14, path: '/entries/1/date' },
      },
    ])
  })

  it('reports unknown kinds and fields with suggestions', () => {
    const result = parseLedger(
      ledger
        .replace('kind: research', 'kind: reserch')
        .replace('    title: 车都', '    titel: 车都'),
    )
    expect(result.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual(
      [
        ['schema/invalid-value', 6],
        ['schema/required', 4],
        ['schema/unknown-key', 8],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    )
  })

  it('refuses another format or version', () => {
    expect(parseLedger('schema: reformkit/ledger@2\nentries: []\n').diagnostics[0]?.ruleId).toBe(
      'schema/unsupported-version',
    )
    expect(parseLedger('schema: reformkit/plan@1\n').diagnostics[0]?.ruleId).toBe(
      'schema/wrong-tag',
    )
    expect(parseLedger('entries: []\n').diagnostics[0]?.ruleId).toBe('schema/missing-tag')
  })

  it('a file over the limit: split it, in its own words (the in-memory road too)', () => {
    const result = parseLedger(`schema: reformkit/ledger@1\nentries: []\n# ${'x'.repeat(2048)}`, {
      filename: 'ledger/all.yaml',
      maxBytes: 1024,
      locale: 'en',
    })
    expect(result.diagnostics.map((d) => [d.ruleId, d.location.file, d.message])).toEqual([
      [
        'source/too-large',
        'ledger/all.yaml',
        'The ledger file is 3 KiB, over the 1 KiB limit; split it into smaller ledger files, by unit or by year',
      ],
    ])
  })

  it('never throws (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ schema: 'reformkit/ledger@1', entries: [v] })),
        ),
        (text) => {
          const result = parseLedger(text, { plan })
          expect(Array.isArray(result.entries)).toBe(true)
          for (const d of result.diagnostics) {
            expect(d.ruleId).not.toBe('source/internal')
            expect(d.location).toBeDefined()
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('one vocabulary (issue 15, item 5)', () => {
  it('kinds by other names, and meeting bodies by name, read as their ids', () => {
    const text = `schema: reformkit/ledger@1
unit: fgj
entries:
  - { id: a, item: i1, kind: 推进材料, date: 2017-03-01, title: 推进 }
  - { id: b, item: i1, kind: 会议纪要, date: 2017-03-02, title: 纪要 }
  - { id: c, item: i1, kind: 上会研究, date: 2017-03-03, title: 上会, meeting: { body: 区创改组 } }
`
    const result = parseLedger(text, { plan })
    expect(result.entries.map((e) => e.kind)).toEqual(['progress', 'minutes', 'meetingDecision'])
    expect(result.entries[2]?.meeting?.body).toBe('qcgz')
    expect(result.diagnostics.every((d) => d.ruleId === 'ledger/normalized')).toBe(true)
    expect(result.rejected).toBe(0)
  })

  it('reads item numbers against the plan as it is now, when it changed between files', () => {
    const mine = structuredClone(plan)
    const text = `schema: reformkit/ledger@1
unit: fgj
entries:
  - { id: a, item: （九）, kind: progress, date: 2017-03-01, title: t }
`
    expect(parseLedger(text, { plan: mine }).entries[0]?.item).toBe('(九)')
    mine.items.push({ ...(mine.items[0] as (typeof mine.items)[number]), id: 'i9', number: 9 })
    expect(parseLedger(text, { plan: mine }).entries[0]?.item).toBe('i9')
  })

  it('an entry whose kind is no kind is an error and counted as rejected, never dropped silently', () => {
    const text = `schema: reformkit/ledger@1
unit: fgj
entries:
  - { id: a, item: i1, kind: 某种材料, date: 2017-03-01, title: t }
  - { id: b, item: i1, kind: progress, date: 2017-03-01, title: t }
`
    const result = parseLedger(text, { plan })
    expect(result.entries.map((e) => e.id)).toEqual(['b'])
    expect(result.rejected).toBe(1)
    expect(result.diagnostics.map((d) => [d.severity, d.location.line])).toEqual([['error', 4]])
  })
})

describe('readDate', () => {
  it.each([
    ['2017年3月5日', '2017-03-05'],
    ['２０１７年３月５日', '2017-03-05'],
    ['2017/3/5', '2017-03-05'],
    ['2017.03.05', '2017-03-05'],
    ['2017-3-5', '2017-03-05'],
    [42800, '2017-03-06'],
    ['42800', '2017-03-06'],
  ])('%s → %s', (input, output) => {
    expect(readDate(input)).toBe(output)
  })
  it.each(['March 5', '', 12, 1.5, '2017年3月'])('%j is not a date', (input) => {
    expect(readDate(input)).toBeUndefined()
  })
})

describe('reading findings name their entry', () => {
  it('carry the entry id, item and unit as the entry reads after normalisation', () => {
    const text = [
      'schema: reformkit/ledger@1',
      'unit: fgj',
      'entries:',
      '  - { id: a, item: i1, kind: 调研, date: 2017-03-05, title: 调研 }',
      '  - { id: b, item: i1, kind: research, date: not-a-date, title: 调研 }',
    ].join('\n')
    const { diagnostics } = parseLedger(text, { filename: 'x.yaml' })
    const normalized = diagnostics.find((d) => d.ruleId === 'ledger/normalized')
    expect(normalized?.subject).toEqual({ entryId: 'a', item: 'i1', unit: 'fgj' })
    const invalid = diagnostics.find((d) => d.severity === 'error')
    expect(invalid?.subject).toEqual({ entryId: 'b', item: 'i1', unit: 'fgj' })
  })
})

describe('characters no report can show (issue 14, item 9)', () => {
  it('are a located warning naming the field and the character', () => {
    const text = [
      'schema: reformkit/ledger@1',
      'unit: fgj',
      'entries:',
      '  - { id: a, item: i1, kind: research, date: 2017-03-05, title: "调研\\uFFFE报告", attachments: [{ path: "files/a\\u0007.txt" }] }',
    ].join('\n')
    const { entries, diagnostics } = parseLedger(text, { filename: 'x.yaml', locale: 'en' })
    expect(entries).toHaveLength(1)
    const found = diagnostics.filter((d) => d.ruleId === 'ledger/invalid-characters')
    expect(found.map((d) => [d.data.field, d.data.code, d.location.line])).toEqual([
      ['entries[0].title', 'U+FFFE', 4],
      ['entries[0].attachments[0].path', 'U+0007', 4],
    ])
    expect(found[0]?.severity).toBe('warning')
  })

  it('are found in JSON too, raw or escaped, in an entry that otherwise reads well', () => {
    const entry = (title: string) =>
      `{"id":"a","item":"i1","unit":"fgj","kind":"research","date":"2017-03-05","title":"${title}"}`
    const text = `{"schema":"reformkit/ledger@1","entries":[${entry('调研')},\n${entry('调研\\u202e')},\n${entry('调\u2066研')}]}`
    const { entries, diagnostics } = parseLedger(text, { filename: 'x.json' })
    expect(entries).toHaveLength(3)
    const found = diagnostics.filter((d) => d.ruleId === 'ledger/invalid-characters')
    expect(found.map((d) => [d.data.field, d.data.code, d.location.line])).toEqual([
      ['entries[1].title', 'U+202E', 2],
      ['entries[2].title', 'U+2066', 3],
    ])
  })
})
