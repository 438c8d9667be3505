// Writes schema/ledger.schema.json from the built package, so editors can validate ledgers.
import { mkdirSync, writeFileSync } from 'node:fs'
import { ledgerJsonSchema } from '../dist/index.js'

const target = new URL('../schema/ledger.schema.json', import.meta.url)
mkdirSync(new URL('.', target), { recursive: true })
writeFileSync(target, `${JSON.stringify(ledgerJsonSchema(), null, 2)}\n`)
console.log('wrote schema/ledger.schema.json')
