// The example projects' plans and ledgers, read once, for the workbook tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { LedgerEntry } from '@reformkit/ledger'
import { loadLedger } from '@reformkit/ledger/node'
import { type Plan, parsePlan } from '@reformkit/model'

export async function loadExample(name = 'wuhan-etdz-2017') {
  const root = fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url))
  const parsed = parsePlan(readFileSync(`${root}plan.yaml`, 'utf8'), { filename: 'plan.yaml' })
  if (!parsed.plan) throw new Error('the example plan must parse')
  const plan: Plan = parsed.plan
  const loaded = await loadLedger('ledger', { root, plan })
  return { plan, entries: loaded.entries, root }
}

/** An entry as the round trip compares it: without where it was read from. */
export const content = ({ source: _, ...entry }: LedgerEntry) => entry
