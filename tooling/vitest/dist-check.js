// Which Node built-ins a built entry reaches through its static imports (chunks included).
// Dynamic import() is not followed: code behind it loads only when asked for.
import { readFileSync } from 'node:fs'

const BUILTIN =
  /(?:^|[\s;])(?:import\s[^'"]*?from\s*|import\s*|require\(\s*)["']((?:node:)?(?:fs|path|os|crypto|child_process|stream|url|module|worker_threads)(?:\/[\w/]+)?)["']/gm
const LOCAL = /(?:^|[\s;])(?:import\s[^'"]*?from\s*|import\s*|require\(\s*)["'](\.\/[^'"]+)["']/gm

/** @param {URL} entry */
export function nodeBuiltinsReached(entry) {
  const seen = new Set()
  const found = new Set()
  const visit = (url) => {
    if (seen.has(url.href)) return
    seen.add(url.href)
    const code = readFileSync(url, 'utf8')
    for (const [, name] of code.matchAll(BUILTIN))
      found.add(`${url.pathname.split('/').pop()}: ${name}`)
    for (const [, path] of code.matchAll(LOCAL)) visit(new URL(path, url))
  }
  visit(entry)
  return [...found].sort()
}
