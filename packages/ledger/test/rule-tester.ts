// ESLint-style RuleTester: each valid case yields no finding of the rule, each invalid
// case yields exactly the listed findings (messageId, and data or path where given).
import type { Plan } from '@reformkit/model'
import { describe, expect, it } from 'vitest'
import { checkLedger } from '../src/engine/check-ledger.js'
import type { RequirementsConfig } from '../src/engine/requirements.js'
import type { AttachmentFact, CopyFacts, Rule } from '../src/engine/rule.js'
import type { LedgerEntry } from '../src/entry/schema.js'
import { plan as fixturePlan } from './fixtures.js'

interface Case {
  name: string
  entries: LedgerEntry[]
  asOf?: string
  options?: unknown
  /** The config's `requirements:` section (what items must show); default the seed's profile. */
  requirements?: RequirementsConfig
  plan?: Plan
  attachments?: Map<string, AttachmentFact>
  copies?: CopyFacts[]
}

interface ExpectedFinding {
  messageId: string
  data?: Record<string, unknown>
  path?: string
  severity?: string
}

export function runRule(rule: Rule, c: Case, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return checkLedger({
    plan: c.plan ?? fixturePlan,
    entries: c.entries,
    asOf: c.asOf ?? '2017-12-31',
    locale,
    config: {
      preset: 'none',
      rules: { [rule.id]: c.options === undefined ? 'error' : ['error', c.options] },
      // The fixtures are the seed plan's shape: its profile unless a case names another.
      requirements: c.requirements ?? { profile: 'wuhan-etdz-2017' },
    },
    rules: [rule],
    ...(c.attachments ? { attachments: c.attachments } : {}),
    ...(c.copies ? { copies: c.copies } : {}),
  })
}

export function testRule(
  rule: Rule,
  cases: { valid: Case[]; invalid: Array<Case & { errors: ExpectedFinding[] }> },
) {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c).diagnostics).toEqual([])
      })
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { diagnostics } = runRule(rule, c)
        expect(diagnostics.map((d) => d.ruleId)).toEqual(c.errors.map(() => rule.id))
        c.errors.forEach((expected, i) => {
          const d = diagnostics[i]
          expect(d?.messageId).toBe(expected.messageId)
          if (expected.data) expect(d?.data).toMatchObject(expected.data)
          if (expected.path) expect(d?.location.path).toBe(expected.path)
          expect(d?.message).not.toMatch(/\{\{/)
        })
        // Both languages render.
        const en = runRule(rule, c, 'en').diagnostics
        expect(en.map((d) => d.messageId)).toEqual(diagnostics.map((d) => d.messageId))
        en.forEach((d, i) => {
          expect(d.message).not.toBe(diagnostics[i]?.message)
        })
      })
    }
  })
}
