/**
 * Chinese ordinals as official documents print them: （一）…（九十九）, 一、, 十五.
 */
export type OrdinalStyle = 'paren' | 'comma' | 'plain'

const DIGITS = '〇一二三四五六七八九'
const UNITS = ['', '十', '百', '千'] as const

/** Numerals made so far: reports print the same few thousand ordinals again and again. */
const made: string[] = []

/** 15 → 十五, 10 → 十, 105 → 一百零五, 1010 → 一千零一十. Integers 1–9999. */
function toChinese(n: number): string {
  made[n] ??= spell(n)
  return made[n]
}

function spell(n: number): string {
  const digits = String(n).split('').map(Number)
  let text = ''
  let pendingZero = false
  digits.forEach((digit, index) => {
    const unit = UNITS[digits.length - 1 - index] ?? ''
    if (digit === 0) {
      pendingZero = text !== ''
      return
    }
    if (pendingZero) text += '零'
    pendingZero = false
    text += DIGITS[digit] + unit
  })
  // 一十五 is written 十五 when it leads the number.
  return n >= 10 && n < 20 ? text.slice(1) : text
}

/**
 * Format a 1-based ordinal: `paren` → （十五） (full-width brackets, as official documents
 * print them), `comma` → 十五、, `plain` → 十五. Integers 1–9999; anything else is a
 * programming error and throws a RangeError.
 */
export function formatOrdinal(n: number, style: OrdinalStyle = 'paren'): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`formatOrdinal: ${n} is not an integer from 1 to 9999`)
  }
  const text = toChinese(n)
  if (style === 'paren') return `（${text}）`
  if (style === 'comma') return `${text}、`
  return text
}

const VALUE: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
}
const MULTIPLIER: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }

function parseChinese(text: string): number | undefined {
  if (text === '') return undefined
  // Digit by digit, as in 二〇 or 一五.
  if ([...text].every((c) => c in VALUE)) {
    return [...text].reduce((sum, c) => sum * 10 + (VALUE[c] ?? 0), 0)
  }
  let total = 0
  let digit: number | undefined
  let lastMultiplier = Number.POSITIVE_INFINITY
  for (const c of text) {
    if (c in VALUE) {
      if (digit !== undefined && digit !== 0) return undefined // two digits in a row: 二三十
      digit = VALUE[c]
    } else if (c in MULTIPLIER) {
      const multiplier = MULTIPLIER[c] ?? 1
      if (multiplier >= lastMultiplier) return undefined // 十百, 十十
      total += (digit || (multiplier === 10 ? 1 : Number.NaN)) * multiplier
      if (Number.isNaN(total)) return undefined
      digit = undefined
      lastMultiplier = multiplier
    } else {
      return undefined
    }
  }
  return total + (digit ?? 0)
}

const BRACKETS = /^[(（〔[【]\s*(.*?)\s*[)）〕\]】]$/
const TRAILING = /[、,，.．:：\s]+$/

/**
 * Read an ordinal back: （十五）, (十五), 十五、, 十五, 一十五, 两, 二〇, 15, （１５）.
 * Returns the number, or undefined when the text is not an ordinal.
 */
export function parseOrdinal(text: string): number | undefined {
  if (typeof text !== 'string') return undefined
  let core = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(TRAILING, '')
  const bracketed = BRACKETS.exec(core)
  if (bracketed) core = bracketed[1] ?? ''
  const value = /^\d+$/.test(core) ? Number(core) : parseChinese(core)
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : undefined
}
