// Which Node built-ins a built entry reaches through its static imports (chunks included).
// Dynamic import() is not followed: code behind it loads only when asked for.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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

/**
 * How many zod schemas with a description a built entry has made: at import, then after
 * `code` has run (with the entry's module as `pkg`). Every `.meta()` registers its schema
 * in zod's global registry, which is counted; in a child process of its own, so that
 * nothing other tests built counts. Run where `zod` resolves as it does for the entry.
 *
 * @param {URL} entry
 * @param {string} code
 * @returns {[number, number]}
 */
export function schemasBuilt(entry, code = '') {
  const script = `import * as z from 'zod'
let count = 0
const add = z.globalRegistry.add.bind(z.globalRegistry)
z.globalRegistry.add = (...args) => { count++; return add(...args) }
const pkg = await import(${JSON.stringify(entry.href)})
const counts = [count]
${code}
counts.push(count)
console.log(JSON.stringify(counts))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', entry)),
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(child.stderr)
  return JSON.parse(child.stdout)
}
