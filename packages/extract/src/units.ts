// Who answers for an item, as plans write it: （牵头单位：X；配合单位：Y） at the end of the
// item, separate 牵头单位：… lines, or table columns. Lists split on 、，,；and 等;
// 各-prefixed names (各园区, 各区、县级市) are one collective unit group; 牵头领导 names
// people, who are not units.

export type Role = 'lead' | 'support' | 'responsible'

export interface Assignment {
  role: Role
  names: string[]
}

/** The role words a label may carry: 牵头单位, 责任部门, 配合单位, 协办单位 … */
const LABEL = '(牵头|主责|责任|配合|协办|参与)(?:单位|部门)'
const LABEL_AT_START = new RegExp(String.raw`^\s*${LABEL}\s*[:：]\s*`)
const ANNOTATION = new RegExp(String.raw`[(（]\s*(${LABEL}\s*[:：][^()（）]*)[)）]\s*[。;；]?\s*$`)
const PERSON_LABEL = /[(（]?\s*(牵头|责任|分管)领导\s*[:：][^()（）;；]*[)）]?/g

/** `role` of a label word: 牵头/主责 lead, 配合/协办/参与 support, 责任 as the context says. */
function roleOf(word: string, hasLead: boolean): Role {
  if (word === '牵头' || word === '主责') return 'lead'
  if (word === '责任') return hasLead ? 'support' : 'responsible'
  return 'support'
}

/** Split 牵头单位：X；配合单位：Y into its labelled parts. */
export function parseLabelled(text: string): Assignment[] {
  const parts = text
    .replace(PERSON_LABEL, '')
    .split(new RegExp(String.raw`[;；,，]?\s*(?=${LABEL}\s*[:：])`))
    .map((part) => part.trim())
    .filter(Boolean)
  const labelled = parts
    .map((part) => {
      const m = new RegExp(String.raw`^${LABEL}\s*[:：]\s*(.*)$`).exec(part)
      return m ? { word: m[1] ?? '', list: m[2] ?? '' } : undefined
    })
    .filter((p) => p !== undefined)
  const hasLead = labelled.some((p) => p.word === '牵头' || p.word === '主责')
  return labelled
    .map((p) => ({ role: roleOf(p.word, hasLead), names: splitNames(p.list) }))
    .filter((a) => a.names.length > 0)
}

/**
 * The trailing annotation of an item's text, if any: the text without it, and who.
 * 加快推进…。（牵头单位：市发改委；配合单位：市财政局）
 */
export function trailingAnnotation(
  text: string,
): { text: string; assignments: Assignment[] } | undefined {
  const m = ANNOTATION.exec(text)
  if (!m) return undefined
  const assignments = parseLabelled(m[1] ?? '')
  if (assignments.length === 0) return undefined
  return { text: text.slice(0, m.index).trim(), assignments }
}

/** A line that is only a label: 牵头单位：市发改委 (or 牵头领导：… , which names people). */
export function labelLine(line: string): Assignment[] | 'person' | undefined {
  if (/^\s*[(（]?\s*(牵头|责任|分管)领导\s*[:：]/.test(line)) return 'person'
  if (!LABEL_AT_START.test(line)) return undefined
  return parseLabelled(line.replace(/^[(（]|[)）][。;；]?$/g, ''))
}

/** 发改局、经信局及招商局等 → [发改局, 经信局, 招商局]; a 各-name stays whole (各区、县级市). */
export function splitNames(list: string): string[] {
  const names: string[] = []
  const pieces = list
    .replace(/等(单位|部门)?\s*$/, '')
    .split(/[、,，;；]/)
    // 和/及 join two units only when both sides are organisations: 通用航空及卫星产业园… is one.
    .flatMap((piece) => {
      const parts = piece.split(/和|及/)
      return parts.length > 1 && parts.every((p) => ORGANISATION.test(p.trim())) ? parts : [piece]
    })
  for (const raw of pieces) {
    const piece = raw
      .trim()
      .replace(/等$/, '')
      .replace(/[。.]$/, '')
    if (!piece) continue
    const last = names.at(-1)
    // 各区、县级市(人民政府): the place word after a short 各-name belongs to it.
    if (
      last?.startsWith('各') &&
      last.length <= 3 &&
      (/^(县级市|县|乡镇|乡|镇|街道)/.test(piece) || piece === '市' || piece === '区')
    )
      names[names.length - 1] = `${last}、${piece}`
    else names.push(piece)
  }
  return [...new Set(names)]
}

/** How the names of offices end: 局, 委, 办公室, 中心, 管委会, 政府 … */
const ORGANISATION =
  /(局|委|办|厅|部|处|科|中心|公司|政府|管委会|办公室|院|所|会|站|队|街道|乡|镇)$/

/** A collective name (各园区, 各区、县级市, 各街道): a unit group, not a unit. */
export const isGroup = (name: string) => name.startsWith('各')

/**
 * The same unit written two ways: 区发改局 and 发改局, 市发展改革委 and 发展改革委 — equal
 * once a leading 区/市/县/省 is dropped. The key names one unit.
 */
export const unitKey = (name: string) => name.replace(/^(区|市|县|省)(?=.{2})/, '')
