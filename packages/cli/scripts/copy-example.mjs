// Ship the Wuhan 2017 example inside the package, for `reformkit init --example`.
import { cpSync, rmSync } from 'node:fs'

const from = new URL('../../../examples/wuhan-etdz-2017/', import.meta.url)
const to = new URL('../examples/wuhan-etdz-2017/', import.meta.url)
rmSync(to, { recursive: true, force: true })
cpSync(from, to, { recursive: true })
console.log('copied examples/wuhan-etdz-2017')
