// The built files (dist/cli.cjs, validate.cjs, exceljs.cjs) are minified — names too: a tenth less
// to read, hash and deserialise at every start. A stack trace `--debug` prints names each
// place in them by the source it was built from, read from the source map beside the file
// (shipped in dist/). Loaded only to print such a trace.
import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'

/** A place in a built file: `…/dist/cli.cjs:12:345`. */
const PLACE = /([^\s()]*[\\/]dist[\\/][a-z]+\.cjs):(\d+):(\d+)/g

/**
 * `stack` with each place in a built file followed by the place in the source it was built
 * from: `(…/dist/cli.cjs:12:345 ← ledger/src/rules/x.ts:40:7)`. A place without a map (or
 * whose map cannot be read) stays as it is.
 */
export function sourceStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>()
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))))
      } catch {
        maps.set(file, undefined)
      }
    }
    return maps.get(file)
  }
  return stack.replace(PLACE, (place, file: string, line: string, column: string) => {
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1)
    if (!entry || !('originalSource' in entry)) return place
    // `../../model/src/x.ts`, `../../node_modules/.pnpm/…/node_modules/yaml/dist/x.js`:
    // named from the package folder on.
    const source = entry.originalSource
      .replace(/^.*node_modules[\\/]/, '')
      .replace(/^(\.\.[\\/])+/, '')
    return `${place} ← ${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`
  })
}
