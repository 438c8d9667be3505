// The built package, as an ESM and as a CJS consumer load it (run after `build`).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { schemasBuilt } from '@reformkit/vitest-config/dist-check'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'

const dist = new URL('../dist/', import.meta.url)
const example = readFileSync(
  new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url),
  'utf8',
)
type ModelModule = typeof import('../src/index.js')

function checkExample(model: ModelModule) {
  const result = model.parsePlan(example, { filename: 'plan.yaml' })
  expect(result.ok).toBe(true)
  const plan = result.plan
  if (!plan) throw new Error('no plan')
  expect(plan.items).toHaveLength(15)
  expect(plan.categories.map((c) => plan.items.filter((i) => i.category === c.id).length)).toEqual([
    1, 11, 3,
  ])
  const names = (ids: string[]) =>
    ids.map((id) => [...plan.units, ...plan.unitGroups].find((u) => u.id === id)?.name)
  expect(names(plan.items[0]?.responsible ?? [])).toEqual([
    '发改局',
    '发展研究中心',
    '经信局',
    '招商局',
    '各园区',
  ])
  expect(names(plan.items[8]?.responsible ?? [])).toEqual(['市场监督局'])
  expect(plan.items[0]?.kpis).toHaveLength(5)
  expect(model.formatOrdinal(15, 'paren')).toBe('（十五）')
}

describe('the built package', () => {
  it('ESM build parses the example', async () => {
    checkExample((await import(new URL('index.js', dist).href)) as ModelModule)
  })

  it('CJS build parses the example', () => {
    const require = createRequire(import.meta.url)
    checkExample(require(new URL('index.cjs', dist).pathname) as ModelModule)
  })

  it('is browser-safe: the main entry imports no Node built-in', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(new URL(file, dist), 'utf8')
      expect(code, file).not.toMatch(
        /(?:from\s*|require\(\s*|import\(\s*)["'](?:node:|fs|path|os|crypto|child_process)["'/]/,
      )
    }
  })

  it('its JSON Schema file validates the example and rejects a broken plan', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../schema/plan.schema.json', import.meta.url), 'utf8'),
    )
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
    const data = parseYaml(example)
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...data, items: [{ ...data.items[0], responsible: 'fgj' }] })).toBe(false)
    expect(validate({ ...data, schema: 'reformkit/plan@2' })).toBe(false)
    expect(validate({ ...data, budget: 1 })).toBe(false)
  })
})

describe('importing the built package', () => {
  it('builds no schema (they are built on first use)', () => {
    const [atImport, afterUse] = schemasBuilt(new URL('index.js', dist), 'pkg.planSchemas()')
    expect(atImport).toBe(0)
    expect(afterUse).toBeGreaterThan(20)
  })

  it('reads a well-formed plan without building them', () => {
    const code = `if (!pkg.parsePlan(${JSON.stringify(example)}).ok) throw new Error('not ok')`
    expect(schemasBuilt(new URL('index.js', dist), code)).toEqual([0, 0])
  })
})
