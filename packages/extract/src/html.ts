// A government web page (or a Word file converted to HTML) as the text the extractor reads:
// one line per block, table rows as | separated cells; scripts, styles, navigation, page
// headers and footers dropped. No DOM: it runs in Node and in browsers alike.

const DROP =
  /<(script|style|noscript|nav|header|footer|aside|form|select|button|iframe|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const BLOCK = /<\/?(p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|pre|title|dd|dt)\b[^>]*>/gi
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
}

/** The text of an HTML page, as lines; tables as `cell | cell | cell` rows. */
export function textFromHtml(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  return decodeEntities(
    body
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(DROP, '\n')
      // A table row: its cells joined by |, one row a line.
      .replace(/<\/t[dh]\s*>/gi, ' | ')
      .replace(/<\/?tr\b[^>]*>/gi, '\n')
      .replace(/<\/?(table|tbody|thead|tfoot)\b[^>]*>/gi, '\n')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? Number.parseInt(code.slice(2), 16)
          : Number(code.slice(1))
      return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole
    }
    return ENTITIES[code.toLowerCase()] ?? whole
  })
}
