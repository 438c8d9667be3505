// An example project (the Wuhan 2017 plan unless named), read and checked once, for the
// report tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkLedger, parseConfig, rules } from '@reformkit/ledger'
import { loadLedger } from '@reformkit/ledger/node'
import { compareDiagnostics, parsePlan } from '@reformkit/model'

export const exampleRoot = fileURLToPath(
  new URL('../../../examples/wuhan-etdz-2017/', import.meta.url),
)
export const AS_OF = '2017-12-31'

export async function loadExample(asOf = AS_OF, name = 'wuhan-etdz-2017') {
  const exampleRoot = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url))
  const parsed = parsePlan(readFileSync(`${exampleRoot}plan.yaml`, 'utf8'), {
    filename: 'plan.yaml',
  })
  if (!parsed.plan || !parsed.locate) throw new Error('the example plan must parse')
  const plan = parsed.plan
  // The example's config names its profile (wuhan-etdz-2017): checks and views share it.
  const ledgerConfig = parseConfig(
    readFileSync(`${exampleRoot}reformkit.config.yaml`, 'utf8'),
    rules,
  ).config
  if (!ledgerConfig) throw new Error('the example config must parse')
  const loaded = await loadLedger('ledger', { root: exampleRoot, plan })
  const checked = checkLedger({
    plan,
    entries: loaded.entries,
    asOf,
    config: ledgerConfig,
    locatePlan: parsed.locate,
    attachments: loaded.attachments,
  })
  const diagnostics = [...loaded.diagnostics, ...checked.diagnostics].sort(compareDiagnostics)
  return { plan, entries: loaded.entries, diagnostics, asOf, loaded, ledgerConfig }
}
