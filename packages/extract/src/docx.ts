// A Word file (.docx) as the text the extractor reads, through mammoth (a maintained
// converter): its HTML keeps paragraphs and tables, which textFromHtml turns into lines and
// | rows. mammoth is loaded on first use, so the main entry stays light in a browser.
import { formatBytes, readZipText, ZipError, zipEntries } from '@reformkit/model'
import { textFromHtml } from './html.js'

/** The most a .docx's document part may inflate to: some 30 million characters of text. */
export const DOCX_MAX_INFLATED = 128 * 1024 * 1024

/**
 * The text of a .docx file; a file mammoth cannot read is an Error with its reason. The
 * document part is first inflated in bounded pieces (and dropped): a zip bomb is an Error
 * ("too-large") before mammoth, which inflates whole, sees it.
 */
export async function textFromDocx(
  bytes: Uint8Array,
  maxInflated = DOCX_MAX_INFLATED,
): Promise<string> {
  const document = (() => {
    try {
      return zipEntries(bytes).get('word/document.xml')
    } catch {
      return undefined
    }
  })()
  if (!document) throw new Error('not a Word document (no word/document.xml)')
  try {
    readZipText(bytes, document, { left: maxInflated })
  } catch (error) {
    if (error instanceof ZipError && error.problem === 'too-large')
      throw new Error(`word/document.xml inflates past ${formatBytes(maxInflated)} (a zip bomb?)`)
    throw new Error(`the file is damaged (${error instanceof Error ? error.message : ''})`)
  }
  const mammoth = (await import('mammoth')).default
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  // Node's build reads `buffer`, the browser's `arrayBuffer`.
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<
    typeof mammoth.convertToHtml
  >[0]
  const { value } = await mammoth.convertToHtml(input)
  return textFromHtml(value)
}
