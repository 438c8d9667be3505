const encoder = new TextEncoder()
/** Pieces are gathered to about this many UTF-16 units before they are encoded. */
const BATCH = 1 << 14

/**
 * Text written as UTF-8 into one growing buffer, a piece at a time: the bytes of a large
 * part (a province's data rows, 18 MB of XML) made without a string of the whole — no join
 * of tens of thousands of row strings kept alive until the end (each collection of the
 * young generation copied them twice), no slicing it into the sheet, no encoding it whole.
 * The bytes are those `TextEncoder.encode` gives the pieces joined, as long as no piece
 * ends in the first half of a surrogate pair whose second half begins the next.
 */
export class Utf8Sink {
  #bytes = new Uint8Array(1 << 16)
  #length = 0
  #pending = ''

  write(text: string): void {
    this.#pending += text
    if (this.#pending.length >= BATCH) this.#flush()
  }

  /** The bytes written so far (a view of the sink's buffer: copy before writing more). */
  bytes(): Uint8Array {
    this.#flush()
    return this.#bytes.subarray(0, this.#length)
  }

  #flush(): void {
    const text = this.#pending
    if (text === '') return
    this.#pending = ''
    // A UTF-16 unit becomes at most three bytes (a pair of them, four).
    const need = this.#length + text.length * 3
    if (need > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.#bytes.length * 2))
      grown.set(this.#bytes.subarray(0, this.#length))
      this.#bytes = grown
    }
    this.#length += encoder.encodeInto(text, this.#bytes.subarray(this.#length)).written
  }
}

/** Text made in pieces as UTF-8 bytes, never joined into one string. */
export function utf8Bytes(pieces: Iterable<string>): Uint8Array {
  const sink = new Utf8Sink()
  for (const piece of pieces) sink.write(piece)
  return sink.bytes()
}

/** Byte arrays one after another in one array. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
