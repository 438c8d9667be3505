import {
  type InflateBudget,
  parseCellReference,
  readZipText,
  ZipError,
  zipEntries,
} from '@reformkit/model'
import type { CellValue, Sheet } from './sheet.js'

/** What a workbook has that its data does not show: reported as findings. */
export interface WorkbookTraits {
  macros: boolean
  externalLinks: boolean
}

export interface ReadXlsxResult {
  sheets: Sheet[]
  traits: WorkbookTraits
}

/**
 * The sheets of an XLSX (or XLSM) file: values, merged ranges, formulas. Reads only the
 * parts it needs, inflating at most `maxInflated` bytes in all. Throws a ZipError (which
 * the importer turns into a finding) on anything it cannot read.
 */
export function readXlsx(bytes: Uint8Array, maxInflated: number): ReadXlsxResult {
  const entries = zipEntries(bytes)
  const budget: InflateBudget = { left: maxInflated }
  const text = (name: string): string | undefined => {
    const entry = entries.get(name)
    return entry ? readZipText(bytes, entry, budget) : undefined
  }
  const workbook = text('xl/workbook.xml')
  if (workbook === undefined) throw new ZipError('not-zip')
  const date1904 = /^(1|true)$/.test(
    attribute(tagsNamed(workbook, 'workbookPr')[0]?.attrs ?? '', 'date1904') ?? '',
  )
  const targets = relationships(text('xl/_rels/workbook.xml.rels') ?? '')
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '')
  const dateStyles = dateStyleIndexes(text('xl/styles.xml') ?? '')
  const sheets: Sheet[] = []
  for (const { attrs: tag } of tagsNamed(workbook, 'sheet')) {
    const name = decodeXml(attribute(tag, 'name') ?? '')
    const target = targets.get(attribute(tag, 'r:id') ?? '')
    if (target === undefined) continue
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`
    const xml = text(path)
    if (xml === undefined) continue
    const sheet = readSheet(name, xml, shared, dateStyles, date1904)
    if (/\bstate="(hidden|veryHidden)"/.test(tag)) sheet.hidden = true
    sheets.push(sheet)
  }
  const names = [...entries.keys()]
  return {
    sheets,
    traits: {
      macros: names.some((n) => /vbaProject\.bin$/i.test(n)),
      externalLinks: names.some((n) => n.startsWith('xl/externalLinks/')),
    },
  }
}

const attributePatterns = new Map<string, RegExp>()
const attribute = (tag: string, name: string) => {
  let pattern = attributePatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`)
    attributePatterns.set(name, pattern)
  }
  return pattern.exec(tag)?.[1]
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const { attrs: tag } of tagsNamed(xml, 'Relationship')) {
    const id = attribute(tag, 'Id')
    const target = attribute(tag, 'Target')
    if (id !== undefined && target !== undefined) map.set(id, decodeXml(target))
  }
  return map
}

/** The shared strings, rich text runs joined, phonetic guides (rPh) left out. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const { body } of elements(xml, 'si')) strings.push(runText(body))
  return strings
}

/** The text of `<t>` elements of a string item or inline string, outside `<rPh>`. */
function runText(xml: string): string {
  const body = xml.includes('<rPh') ? withoutElements(xml, 'rPh') : xml
  let text = ''
  for (const t of elements(body, 't')) text += decodeXml(t.body)
  return text
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * XML text as a reader gets it: line ends normalised (XML's rule), entities and character
 * references decoded, then Excel's `_xHHHH_` escapes (how a carriage return or a control
 * character is kept in a cell) decoded, `_x005F_` being a literal underscore.
 */
export function decodeXml(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw
  if (text.includes('&'))
    text = text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, code: string) => {
      if (code.startsWith('#x')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16))
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)))
      return ENTITIES[code] ?? whole
    })
  if (text.includes('_x'))
    text = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
  return text
}

/** Built-in number formats that show a date (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
])

/** Indexes of the cell styles (cellXfs) whose number format shows a date. */
function dateStyleIndexes(xml: string): Set<number> {
  const custom = new Map<number, string>()
  for (const { attrs: tag } of tagsNamed(xml, 'numFmt'))
    custom.set(Number(attribute(tag, 'numFmtId')), decodeXml(attribute(tag, 'formatCode') ?? ''))
  const isDate = (id: number) => {
    if (DATE_FORMAT_IDS.has(id)) return true
    const code = custom.get(id)
    if (code === undefined) return false
    // Quoted text, escapes and [colour]/[locale] parts say nothing about the value.
    const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '')
    return /[yd年日]/i.test(bare)
  }
  const xfs = elements(xml, 'cellXfs').next().value?.body ?? ''
  const indexes = new Set<number>()
  tagsNamed(xfs, 'xf').forEach(({ attrs: tag }, i) => {
    if (isDate(Number(attribute(tag, 'numFmtId') ?? 0))) indexes.add(i)
  })
  return indexes
}

const DAY = 86_400_000
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

function serialDate(serial: number, date1904: boolean): CellValue {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return serial
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY
  return { date: new Date(ms).toISOString().slice(0, 10) }
}

function readSheet(
  name: string,
  xml: string,
  shared: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): Sheet {
  const sheet: Sheet = { name, rows: [], merges: [], formulas: [] }
  let row = 0
  let column = 0
  const walk = tags(xml)
  for (let step = walk.next(); !step.done; ) {
    const tag = step.value
    let resume: number | undefined
    if (tag.name === 'row') {
      const r = Number(attribute(tag.attrs, 'r'))
      row = Number.isInteger(r) && r > 0 ? r : row + 1
      column = 0
    } else if (tag.name === 'mergeCell') {
      const [from, to] = (attribute(tag.attrs, 'ref') ?? '').split(':')
      const a = parseCellReference(from ?? '')
      const b = parseCellReference(to ?? from ?? '')
      if (a && b) sheet.merges.push({ top: a.row, left: a.column, bottom: b.row, right: b.column })
    } else if (tag.name === 'c') {
      // A cell's content runs to its </c>, found by indexOf.
      let body = ''
      if (!tag.selfClosing) {
        const end = xml.indexOf('</c>', tag.end)
        if (end < 0) break
        body = xml.slice(tag.end, end)
        resume = end + 4
      }
      const ref = attribute(tag.attrs, 'r')
      const at = ref === undefined ? undefined : parseCellReference(ref)
      if (at) {
        row = at.row
        column = at.column
      } else column++
      if (body.includes('<f')) sheet.formulas.push(ref ?? `R${row}C${column}`)
      const value = cellValue(tag.attrs, body, shared, dateStyles, date1904)
      if (value !== undefined && row >= 1) {
        const cells = sheet.rows[row] ?? []
        sheet.rows[row] = cells
        cells[column] = value
      }
    }
    step = walk.next(resume)
  }
  return sheet
}

function cellValue(
  attrs: string,
  body: string,
  shared: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): CellValue | undefined {
  const type = attribute(attrs, 't') ?? 'n'
  if (type === 'inlineStr') return runText(body)
  const raw = elements(body, 'v').next().value?.body
  if (raw === undefined) return undefined
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? ''
    case 'str':
      return decodeXml(raw)
    case 'b':
      return raw === '1' || raw === 'true'
    case 'e':
      return { error: decodeXml(raw) }
    case 'd':
      return { date: raw.slice(0, 10) }
    default: {
      const number = Number(raw)
      if (!Number.isFinite(number)) return decodeXml(raw)
      return dateStyles.has(Number(attribute(attrs, 's') ?? 0))
        ? serialDate(number, date1904)
        : number
    }
  }
}

interface Tag {
  name: string
  attrs: string
  selfClosing: boolean
  /** Just after its `>`. */
  end: number
}

/**
 * The tags of `xml` from `from` on, in one pass: a `<` with no `>` before the next `<` is
 * no tag and is passed over, and the next `>` is looked for once however many such `<`
 * come before it — so a hostile part (tags never closed, a million of them) costs one
 * pass, never a rescan per tag.
 */
function* tags(xml: string, from = 0): Generator<Tag, void, number | undefined> {
  let lt = xml.indexOf('<', from)
  let gt = -1
  while (lt >= 0) {
    if (gt <= lt) {
      gt = xml.indexOf('>', lt + 1)
      if (gt < 0) return
    }
    const next = xml.indexOf('<', lt + 1)
    if (next >= 0 && next < gt) {
      lt = next
      continue
    }
    let nameEnd = lt + 1
    while (nameEnd < gt) {
      const c = xml.charCodeAt(nameEnd)
      if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break
      nameEnd++
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47
    const resume = yield {
      name: xml.slice(lt + 1, nameEnd),
      attrs: xml.slice(nameEnd, selfClosing ? gt - 1 : gt),
      selfClosing,
      end: gt + 1,
    }
    lt = xml.indexOf('<', resume ?? gt + 1)
  }
}

/** Every tag called `name` in `xml` (opening or empty), in order. */
const tagsNamed = (xml: string, name: string): Tag[] =>
  [...tags(xml)].filter((tag) => tag.name === name)

/**
 * The attributes and content of each `<name …>…</name>` (or `<name/>`) in `xml`, in order,
 * the end of each found with indexOf: linear however the part is made.
 */
function* elements(xml: string, name: string): Generator<{ attrs: string; body: string }> {
  const close = `</${name}>`
  const walk = tags(xml)
  for (let step = walk.next(); !step.done; ) {
    const tag = step.value
    if (tag.name !== name) {
      step = walk.next()
      continue
    }
    if (tag.selfClosing) {
      yield { attrs: tag.attrs, body: '' }
      step = walk.next()
      continue
    }
    const end = xml.indexOf(close, tag.end)
    if (end < 0) return
    yield { attrs: tag.attrs, body: xml.slice(tag.end, end) }
    step = walk.next(end + close.length)
  }
}

/** `xml` without its `<name>…</name>` elements (phonetic guides), in one pass. */
function withoutElements(xml: string, name: string): string {
  let out = ''
  let at = 0
  const close = `</${name}>`
  for (;;) {
    const start = xml.indexOf(`<${name}`, at)
    if (start < 0) return out + xml.slice(at)
    const end = xml.indexOf(close, start)
    if (end < 0) return out + xml.slice(at, start)
    out += xml.slice(at, start)
    at = end + close.length
  }
}
