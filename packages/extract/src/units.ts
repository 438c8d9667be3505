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
// The brackets an annotation comes in: （）() and 〔〕[], as 公文 print them.
// 〔〕 may hold round brackets of its own: 〔责任单位:……相关市(州)人民政府……〕.
const ANNOTATION = new RegExp(
  String.raw`(?:[(（]\s*(${LABEL}\s*[:：][^()（）]*)[)）]|〔\s*(${LABEL}\s*[:：][^〔〕]*)〕|\[\s*(${LABEL}\s*[:：][^[\]]*)\])\s*[。;；]?\s*$`,
)
/** The verb form: （市发改委牵头，市财政局、市商务局配合） / （各县区按职责分工负责）. */
const VERB_ANNOTATION =
  /[(（〔[]\s*([^()（）〔〕[\]]*?(?:牵头|负责|配合|参与|协同|协助|协办))\s*[)）〕\]]\s*[。;；]?\s*$/
const VERB =
  /(牵头负责|牵头|按职责分工负责|按职责负责|分工负责|共同负责|具体负责|负责|配合|参与|协同|协助|协办)$/
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
      // 省发改委、商务厅按职责分工负责。具体任务……: the names end at the first 。, and a
      // closing 负责 is a verb, not a name.
      const list = (m?.[2] ?? '').split('。')[0]?.replace(VERB, '') ?? ''
      return m ? { word: m[1] ?? '', list } : undefined
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
  if (m) {
    const assignments = parseLabelled(m[1] ?? m[3] ?? m[5] ?? '')
    return assignments.length === 0
      ? undefined
      : { text: text.slice(0, m.index).trim(), assignments }
  }
  const v = VERB_ANNOTATION.exec(text)
  const assignments = v ? parseVerbs(v[1] ?? '') : undefined
  return v && assignments ? { text: text.slice(0, v.index).trim(), assignments } : undefined
}

/**
 * （A、B牵头，C、D等部门，E配合）: clauses ending in a verb — 牵头 lead; 配合/参与/协同 support;
 * 负责 undifferentiated, or support beside a 牵头 — a clause without a verb taking the next
 * one's. Undefined unless every name is an office (or a 各-group): （2023年底前完成） is no
 * annotation.
 */
function parseVerbs(text: string): Assignment[] | undefined {
  const found: Array<{ verb: string; names: string[] }> = []
  let pending: string[] = []
  for (const clause of text.split(/[;；,，]/)) {
    const verb = VERB.exec(clause.trim())?.[1]
    const names = splitNames(verb ? clause.trim().slice(0, -verb.length) : clause)
    pending.push(...names)
    if (verb) {
      found.push({ verb, names: pending })
      pending = []
    }
  }
  const all = found.flatMap((f) => f.names)
  if (pending.length > 0 || all.length === 0 || !all.every(isOffice)) return undefined
  const hasLead = found.some((f) => f.verb.startsWith('牵头'))
  return found.map(({ verb, names }) => ({
    role: verb.startsWith('牵头')
      ? 'lead'
      : /负责$/.test(verb)
        ? hasLead
          ? 'support'
          : 'responsible'
        : 'support',
    names,
  }))
}

/** A name that is an office or a collective of offices: 市发改委, 区级相关部门, 各街道. */
const isOffice = (name: string) =>
  isGroup(name) || ORGANISATION.test(name) || /各|有关|相关/.test(name)

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
      .replace(/等(单位|部门)?$/, '')
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
  /(局|委|办|厅|部|处|科|中心|公司|政府|管委会|办公室|院|所|会|站|队|街道|乡|镇|部门|单位|专班|区)$/

/** A collective name (各园区, 各区、县级市, 各街道): a unit group, not a unit. */
export const isGroup = (name: string) => name.startsWith('各')

/**
 * The same unit written two ways: 区发改局 and 发改局, 市发展改革委 and 发展改革委 — equal
 * once a leading 区/市/县/省 is dropped. The key names one unit.
 */
export const unitKey = (name: string) => name.replace(/^(区|市|县|省)(?=.{2})/, '')
