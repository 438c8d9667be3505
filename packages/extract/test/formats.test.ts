// The same plan as text, as a web page and as a Word file gives the same draft (issue 18).
import { readFileSync } from 'node:fs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { extractPlan, textFromDocx, textFromHtml } from '../src/index.js'

const seed = readFileSync(
  new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
  'utf8',
)
const paragraphs = seed.split('\n').filter((line) => line.trim() !== '')
const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The seed as a government web page: navigation, a script, the text, a footer. */
const page = `<!doctype html><html><head><title>通知</title><style>p{margin:0}</style></head><body>
<header><nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hd">互动交流</a></nav></header>
<script>var a = "（一）不是事项。(责任单位:假单位)";</script>
<div class="article">${paragraphs.map((p) => `<p>${xmlEscape(p).replace(/、/g, '&#12289;')}</p>`).join('\n')}</div>
<footer>页脚:联系我们 &copy; 某区人民政府</footer></body></html>`

/** The seed as a minimal Word file: one paragraph a line. */
function docx(): Uint8Array {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`)
    .join('')
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  })
}

describe('text, web page and Word file', async () => {
  const fromText = (await extractPlan(seed)).plan

  it('a web page gives the same draft: navigation, scripts and footer dropped', async () => {
    const text = textFromHtml(page)
    expect(text).not.toMatch(/首页|假单位|联系我们/)
    expect((await extractPlan(text)).plan).toEqual(fromText)
  })

  it('a Word file gives the same draft', async () => {
    expect((await extractPlan(await textFromDocx(docx()))).plan).toEqual(fromText)
  })

  it('a table in a page becomes | rows', () => {
    const rows = textFromHtml(
      '<table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr><tr><td>(1)</td><td>建设平台。</td><td>市发改委</td></tr></table>',
    )
    expect(rows.split('\n')).toEqual(['序号 | 任务 | 牵头单位 |', '(1) | 建设平台。 | 市发改委 |'])
  })

  it('a file that is no Word file is a clear error', async () => {
    await expect(textFromDocx(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a Word document/)
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })
    await expect(textFromDocx(xlsx)).rejects.toThrow(/not a Word document/)
  })

  it('a Word file whose text inflates past the limit is refused before mammoth reads it', async () => {
    const spaces = new Uint8Array(8 << 20).fill(0x20)
    const bomb = zipSync({ 'word/document.xml': spaces }, { level: 9 })
    expect(bomb.length).toBeLessThan(64 * 1024)
    await expect(textFromDocx(bomb, 1 << 20)).rejects.toThrow(
      /inflates past 1\.0 MiB \(a zip bomb\?\)/,
    )
  })
})
