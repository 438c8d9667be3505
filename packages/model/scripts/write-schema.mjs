// Writes schema/plan.schema.json from the built package, so editors can validate plan.yaml.
import { mkdirSync, writeFileSync } from 'node:fs'
import { planJsonSchema } from '../dist/index.js'

const target = new URL('../schema/plan.schema.json', import.meta.url)
mkdirSync(new URL('.', target), { recursive: true })
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`)
console.log('wrote schema/plan.schema.json')
