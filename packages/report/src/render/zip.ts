import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

/**
 * Make an Office file reproducible: re-zip it with every entry dated `date` (zip tools
 * stamp the current time) and with the timestamps inside docProps/core.xml set to `date`.
 * [Content_Types].xml goes first, the other entries keep their order.
 */
export function reproducibleZip(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes)
  const core = files['docProps/core.xml']
  if (core) {
    const iso = `${date.toISOString().slice(0, 19)}Z`
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _name: string, close: string) => `${open}${iso}${close}`,
      ),
    )
  }
  // [Content_Types].xml first, as Office writes it; the rest in the order they came.
  const names = Object.keys(files).sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  )
  const entries = names.map((name) => [name, [files[name] as Uint8Array, { mtime: date }]])
  return zipSync(Object.fromEntries(entries), { level: 6 })
}

/** Noon UTC of a YYYY-MM-DD day: the date of a report, stamped into its files. */
export function reportDate(asOf: string): Date {
  return new Date(`${asOf}T12:00:00Z`)
}
