// Numeric targets (量化目标) and deadlines in the sentences of an item, by the rules a
// reader of Chinese official documents applies: a quantity is a number with a measure
// word (3个, 25家, 320万名, 6.5%); 以上/不少于/超过/突破 make it a floor, 以内/不超过 a
// ceiling, 左右 an approximation, X到Y a range; 增长X% is a growth rate; the thing counted
// is the noun phrase after the measure word (3个平台) or, when none follows, the phrase
// before the number (新增高新技术企业25家).

export interface FoundTarget {
  measure: string
  unit: string
  kind: 'count' | 'amount' | 'growth'
  comparator: 'atLeast' | 'atMost' | 'exactly' | 'range'
  value: number
  upper?: number
  approximate: boolean
  per: 'period' | 'year'
  written: string
  /** Whether the measure was taken from before the number (less sure). */
  guessed: boolean
}

/** Measure words of counts and amounts; length and area words describe, rarely target. */
const COUNT_UNITS = [
  '人次',
  '个',
  '家',
  '项',
  '名',
  '人',
  '户',
  '座',
  '所',
  '台',
  '辆',
  '件',
  '套',
  '条',
  '处',
  '批',
  '次',
  '场',
  '篇',
  '部',
]
const AMOUNT_UNITS = [
  '亿元',
  '万元',
  '元',
  '吨',
  '斤',
  '公斤',
  '千瓦',
  '万千瓦',
  '立方米',
  '平方米',
  '公里',
  '亩',
  '公顷',
  '%',
]
const DESCRIPTIVE = new Set(['平方米', '公里', '亩', '公顷'])
const UNIT = [...AMOUNT_UNITS, ...COUNT_UNITS].sort((a, b) => b.length - a.length).join('|')
const NUMBER = String.raw`\d+(?:\.\d+)?`
const MAGNITUDE = { 万: 1e4, 亿: 1e8 } as const

/** 增长6.5%左右, 提高3个百分点 (growth rates; 百分点 is read as a rate too). */
const GROWTH = new RegExp(
  String.raw`(增长|提高|提升|下降|降低|减少)\s*(${NUMBER})\s*(%|个百分点)\s*(以上|左右|以内)?`,
  'g',
)
/** 3个, 25家以上, 320万名, 10到20家, 不少于100人. */
const QUANTITY = new RegExp(
  String.raw`(${NUMBER})(?:\s*(?:到|至|-|~|—)\s*(${NUMBER}))?\s*(万|亿)?\s*(${UNIT})\s*(以上|左右|以内|以下)?`,
  'g',
)
const FLOOR = /(不少于|不低于|大于|高于|超过|突破|至少)\s*$/
/** Words before a number that name no comparison: 达到X means X (exactly, or about with 左右). */
const NEUTRAL = /(力争达到|达到|保持在|实现|提高到|提升到|增加到)\s*$/
const CEILING = /(不超过|不高于|控制在|低于)\s*$/
/** Where a noun phrase ends: punctuation or a conjunction. */
const CLAUSE_END = /[,，。;；、:：)(（）\s]|和|及|与|等/
/** Words that open a clause without being part of what is counted. */
const LEAD_IN = /^(推进|建设|建成|打造|实现|完成|力争|确保|全年|年内|每年|累计|新建|共|约|争取)+/

/** A time limit: 14个工作日内, 3天内, 6个月以内 — at most that long. */
const TIME_LIMIT = new RegExp(
  String.raw`(${NUMBER})\s*(个)?\s*(工作日|日|天|小时|个月)\s*(?:以内|内)`,
  'g',
)
/** Words that put money or land to use: what follows is a means, not a target. */
const MEANS = /(安排|拨付|下达|设立|补助|奖励)\s*$/

/** Every target found in `text` (an item's sentences). */
export function findTargets(text: string): FoundTarget[] {
  const found: FoundTarget[] = []
  const taken: Array<[number, number]> = []
  for (const m of text.matchAll(TIME_LIMIT)) {
    const start = m.index ?? 0
    if (/[A-Za-z0-9.]$/.test(text.slice(Math.max(0, start - 1), start))) continue
    taken.push([start, start + m[0].length])
    const before = text.slice(Math.max(0, start - WINDOW), start)
    const measure = phraseBefore(before)
    found.push({
      measure: measure || '办理时限',
      unit: m[3] ?? '',
      kind: 'amount',
      comparator: 'atMost',
      value: Number(m[1]),
      approximate: false,
      per: 'period',
      written: m[0],
      guessed: measure === '',
    })
  }
  for (const m of text.matchAll(GROWTH)) {
    const start = m.index ?? 0
    taken.push([start, start + m[0].length])
    const before = text.slice(Math.max(0, start - WINDOW), start)
    const measure = phraseBefore(before)
    const tail = m[4]
    found.push({
      measure: measure ? `${measure}${m[1]}` : (m[1] ?? ''),
      unit: '%',
      kind: 'growth',
      comparator: tail === '以上' ? 'atLeast' : tail === '以内' ? 'atMost' : 'exactly',
      value: Number(m[2]),
      approximate: tail === '左右',
      per: perYear(before) ? 'year' : 'period',
      written: `${m[1]}${m[2]}${m[3]}${tail ?? ''}`,
      guessed: measure === '',
    })
  }
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index ?? 0
    const end = start + m[0].length
    if (taken.some(([a, b]) => start < b && end > a)) continue
    const [, low = '', high, magnitude, unit = '', tail] = m
    // A number glued to letters or digits is a name (5G, 4.0, 2025), not a quantity.
    if (/[A-Za-z0-9.]$/.test(text.slice(Math.max(0, start - 1), start))) continue
    // A quantity in brackets clarifies (不含6亩); one that qualifies a noun with 的 says what
    // something applies to (6亩以下的土地); one after 安排/拨付 is a means (安排4000万元). None
    // is a target. (A share before 的 — 90%的企业 — is left to the rule for shares.)
    if (insideBrackets(text, start)) continue
    if (unit !== '%' && /^\s*(?:[(（][^()（）]*[)）])?\s*的/.test(text.slice(end, end + 40)))
      continue
    if (MEANS.test(text.slice(Math.max(0, start - 6), start))) continue
    // A share (90%的企业) names its measure before the number, never after.
    const after = unit === '%' ? '' : phraseAfter(text.slice(end, end + WINDOW))
    if (DESCRIPTIVE.has(unit) && after !== '') continue
    const before = text.slice(Math.max(0, start - WINDOW), start)
    const measure = after || phraseBefore(before)
    if (!measure) continue
    const scale = magnitude ? MAGNITUDE[magnitude as keyof typeof MAGNITUDE] : 1
    const comparator =
      high !== undefined
        ? 'range'
        : tail === '以上' || FLOOR.test(before)
          ? 'atLeast'
          : tail === '以内' || tail === '以下' || CEILING.test(before)
            ? 'atMost'
            : 'exactly'
    found.push({
      measure,
      unit: `${magnitude ?? ''}${unit}`,
      kind: AMOUNT_UNITS.includes(unit) ? 'amount' : 'count',
      comparator,
      value: round(Number(low) * scale),
      ...(high !== undefined ? { upper: round(Number(high) * scale) } : {}),
      approximate: tail === '左右',
      per: perYear(before) ? 'year' : 'period',
      written: m[0].trim(),
      guessed: after === '',
    })
  }
  return found
}

/** Whether `at` is inside a round bracket opened before it in the same sentence. */
function insideBrackets(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - WINDOW), at)
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('（'))
  const close = Math.max(before.lastIndexOf(')'), before.lastIndexOf('）'))
  return open > close && !/[。;；]/.test(before.slice(open))
}

/** How far around a number its words are looked for: a clause, never the whole text. */
const WINDOW = 120

const round = (n: number) => Math.round(n * 1e6) / 1e6

/** 每年 / 年均 in the clause before the number: a target for each year. */
function perYear(before: string): boolean {
  const clause = before.split(/[。;；]/).at(-1) ?? ''
  return /每年|年均|逐年/.test(clause)
}

/** The noun phrase right after a measure word: 3个[重大产业技术创新平台]、 */
function phraseAfter(rest: string): string {
  const end = rest.search(CLAUSE_END)
  const phrase = (end < 0 ? rest : rest.slice(0, end)).trim()
  return phrase.replace(/建设$/, '').slice(0, 40)
}

/** The phrase before a number, back to the clause's start: [新增高新技术企业]25家 */
function phraseBefore(before: string): string {
  const clause = before.split(/[,，。;；、:：]/).at(-1) ?? ''
  return clause
    .replace(FLOOR, '')
    .replace(CEILING, '')
    .replace(NEUTRAL, '')
    .trim()
    .replace(LEAD_IN, '')
    .slice(-40)
}

export interface FoundDeadline {
  /** YYYY-MM-DD: the last day of the month named, or of the year. */
  due: string
  written: string
}

/** X年X月底前 / X年X月前 / X年底前 / 年内 (with the plan's year). */
export function findDeadlines(text: string, year: number | undefined): FoundDeadline[] {
  const found: FoundDeadline[] = []
  for (const m of text.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?(?:前|以前)/g)) {
    const y = Number(m[1])
    const month = Number(m[2])
    if (month < 1 || month > 12) continue
    found.push({ due: lastDay(y, month), written: m[0] })
  }
  for (const m of text.matchAll(/(\d{4})\s*年\s*(?:底|末)(?:前|以前)?/g))
    found.push({ due: `${m[1]}-12-31`, written: m[0] })
  if (year !== undefined)
    for (const m of text.matchAll(/年内|年底前|年底/g))
      if (!found.some((f) => f.written.endsWith(m[0])))
        found.push({ due: `${year}-12-31`, written: m[0] })
  return found
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
