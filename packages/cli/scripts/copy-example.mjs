// Ship the example projects inside the package, for `reformkit init --example`.
import { cpSync, rmSync } from 'node:fs'

for (const name of ['wuhan-etdz-2017', 'wuhu-2025']) {
  const from = new URL(`../../../examples/${name}/`, import.meta.url)
  const to = new URL(`../examples/${name}/`, import.meta.url)
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
  console.log(`copied examples/${name}`)
}
