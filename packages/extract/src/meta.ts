// What a published plan says about itself: its title, who issued it and when, its 文号 and
// the span it covers — read from the notice (关于印发《…》的通知) and the plan's own title.

export interface Line {
  /** 1-based line of the source. */
  n: number
  text: string
}

export interface Meta {
  title?: { text: string; line: number }
  issuer?: string
  issued?: { date: string; line: number; guessed: boolean }
  documentNumber?: string
  period?: { start: string; end: string; line: number; guessed: boolean }
}

const KIND =
  /(工作方案|实施方案|行动方案|行动计划|工作计划|实施意见|实施细则|责任分解|任务分工|分工方案|分解表|任务表|清单|方案|计划|规划|要点)(\s*[(（][^()（）]{0,20}[)）])?$/

/** How the names of issuing offices end. */
const ISSUER = /(政府|办公室|办公厅|委员会|党委|工委|管委会|局|厅|委|部|中心)$/

/** The document's metadata, from its first lines (the notice and the title). */
export function readMeta(lines: readonly Line[]): Meta {
  const meta: Meta = {}
  const head = lines.slice(0, 40)
  // 关于印发《X》的通知 / 《X》已经…同意: the plan's title in book-title marks.
  for (const line of head) {
    const quoted = /《([^《》]{4,80})》/.exec(line.text)?.[1]
    if (quoted && KIND.test(quoted) && !meta.title) meta.title = { text: quoted, line: line.n }
    const issuer = /^(.{2,30}?)关于(印发|转发)/.exec(line.text)?.[1]
    if (issuer && !meta.issuer) meta.issuer = issuer
  }
  // …关于Y的通知 with no book-title marks: Y is what the notice issues.
  if (!meta.title)
    for (const line of head) {
      const issued = /关于(?:印发)?(.{4,60})的(?:通知|决定|意见)$/.exec(line.text)?.[1]
      if (issued) {
        meta.title = { text: issued.replace(/^印发/, ''), line: line.n }
        break
      }
    }
  // A title on its own line(s): one ending in 方案/计划…, perhaps broken after a year.
  if (!meta.title)
    for (let i = 0; i < head.length; i++) {
      const line = head[i] as Line
      const next = head[i + 1]
      if (/^关于|通知$|[。:：,，]$/.test(line.text)) continue
      if (KIND.test(line.text) && line.text.length <= 80) {
        meta.title = { text: line.text, line: line.n }
        break
      }
      if (next && KIND.test(next.text) && !/[。,，]/.test(line.text + next.text)) {
        meta.title = { text: `${line.text}${next.text}`, line: line.n }
        break
      }
    }
  for (const line of head) {
    const number = /[\u4e00-\u9fa5]{1,12}[〔[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号/.exec(line.text)
    if (number && !meta.documentNumber) meta.documentNumber = number[0].replace(/\s+/g, '')
    const date = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(line.text)
    if (date && !meta.issued && line.text.length <= 20)
      meta.issued = {
        date: iso(date[1] ?? '', date[2] ?? '', date[3] ?? ''),
        line: line.n,
        guessed: false,
      }
    // A date whose 年月日 were lost on the way (2017817): read as year, month, day.
    const bare = /^(\d{4})(\d{1,2})(\d{1,2})$/.exec(line.text)
    if (bare && !meta.issued) {
      const [, y = '', rest = ''] = /^(\d{4})(\d+)$/.exec(line.text) ?? []
      const [month, day] = splitMonthDay(rest)
      if (month && day) meta.issued = { date: iso(y, month, day), line: line.n, guessed: true }
    }
  }
  // The signature above the date names the issuer in full: 武汉开发区(汉南区)党政办公室.
  if (meta.issued) {
    const at = head.findIndex((line) => line.n === meta.issued?.line)
    const signature = head[at - 1]?.text
    if (signature && signature.length <= 30 && ISSUER.test(signature)) meta.issuer = signature
  }
  const period = readPeriod(meta.title, meta.issued)
  if (period) meta.period = period
  else {
    // The first year the opening lines name, as a guess.
    const line = head.find((l) => /(19|20)\d{2}\s*年/.test(l.text))
    const year = line && /((?:19|20)\d{2})\s*年/.exec(line.text)?.[1]
    if (line && year)
      meta.period = { start: `${year}-01-01`, end: `${year}-12-31`, line: line.n, guessed: true }
  }
  return meta
}

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
}

/** 817 → 8, 17; 1231 → 12, 31; 111 → 1, 11 (the first reading that is a date). */
function splitMonthDay(rest: string): [string, string] | [] {
  for (const cut of [1, 2]) {
    const month = Number(rest.slice(0, cut))
    const day = Number(rest.slice(cut))
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && rest.length - cut <= 2)
      return [String(month), String(day)]
  }
  return []
}

/** 2017年工作方案 → 2017; （2021—2025年）→ 2021–2025; else the year it was issued. */
function readPeriod(title: Meta['title'], issued: Meta['issued']): Meta['period'] {
  const text = title?.text ?? ''
  const range = /(\d{4})\s*[-—–~至到]\s*(\d{4})\s*年/.exec(text)
  if (range && title)
    return {
      start: `${range[1]}-01-01`,
      end: `${range[2]}-12-31`,
      line: title.line,
      guessed: false,
    }
  const year = /(\d{4})\s*年/.exec(text)?.[1]
  if (year && title)
    return { start: `${year}-01-01`, end: `${year}-12-31`, line: title.line, guessed: false }
  if (issued) {
    const y = issued.date.slice(0, 4)
    return { start: `${y}-01-01`, end: `${y}-12-31`, line: issued.line, guessed: true }
  }
  return undefined
}
