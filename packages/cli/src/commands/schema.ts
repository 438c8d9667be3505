import { ledgerJsonSchema } from '@reformkit/ledger'
import { planJsonSchema } from '@reformkit/model'
import { UsageError } from '../errors.js'
import { out } from '../stdio.js'

export async function schema(which: string): Promise<void> {
  const schemas: Record<string, () => Record<string, unknown>> = {
    plan: planJsonSchema,
    ledger: ledgerJsonSchema,
  }
  const make = schemas[which]
  if (!make) throw new UsageError(`schema ${which}: choose plan or ledger / 请选择 plan 或 ledger`)
  out(`${JSON.stringify(make(), null, 2)}\n`)
}
