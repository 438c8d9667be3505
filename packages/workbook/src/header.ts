/**
 * A header as compared: full-width folded, spaces and line breaks gone, a required mark
 * (`*`, `（必填）`) and a trailing colon dropped, lower case. `* 日 期（必填）` → `日期`.
 */
export function toHalfWidthHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\((必填|选填|可选|required|optional)\)$/i, '')
    .replace(/[:：]$/, '')
    .toLowerCase()
}
