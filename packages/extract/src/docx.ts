// A Word file (.docx) as the text the extractor reads, through mammoth (a maintained
// converter): its HTML keeps paragraphs and tables, which textFromHtml turns into lines and
// | rows. mammoth is loaded on first use, so the main entry stays light in a browser.
import { textFromHtml } from './html.js'

/** The text of a .docx file; a file mammoth cannot read is an Error with its reason. */
export async function textFromDocx(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  // Node's build reads `buffer`, the browser's `arrayBuffer`.
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<
    typeof mammoth.convertToHtml
  >[0]
  const { value } = await mammoth.convertToHtml(input)
  return textFromHtml(value)
}
