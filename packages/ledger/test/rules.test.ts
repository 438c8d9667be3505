// Every rule is documented in both languages, tested, and has a generated docs page.
// Regenerate docs/rules with: UPDATE_DOCS=1 pnpm --filter @reformkit/ledger test
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ruleDocsMarkdown, rulePageName, rulesIndexMarkdown } from '../src/format/rule-docs.js'
import { rules } from '../src/rules/index.js'

const docsDir = new URL('../../../docs/rules/', import.meta.url)
const rulesDir = new URL('../src/rules/', import.meta.url)
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

function indexPage(): string {
  return [
    '# 台账检查规则 · Ledger rules',
    '',
    "<!-- Generated from the rules' meta by packages/ledger/test/rules.test.ts. Do not edit. -->",
    '',
    `@reformkit/ledger checks a ledger against its plan with ${rules.length} rules. Configure them in`,
    '`reformkit.config.yaml` (see packages/ledger/README.md): `preset: recommended | strict | none`,',
    'then `rules: { id: severity | [severity, options] }`.',
    '',
    rulesIndexMarkdown(rules),
    '',
  ].join('\n')
}

describe('the rule registry', () => {
  it('has at least 25 rules with unique ids of the form area/name', () => {
    expect(rules.length).toBeGreaterThanOrEqual(25)
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const rule of rules) expect(rule.id).toMatch(/^[a-z]+\/[a-z]+(-[a-z]+)*$/)
  })

  it.each(rules.map((r) => [r.id, r] as const))(
    '%s: docs and messages in zh and en, a test file',
    (_, rule) => {
      expect(rule.meta.docs.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(rule.meta.docs.en).toMatch(/^[A-Z].*[a-z]/)
      expect(rule.meta.docs.rationale.length).toBeGreaterThan(0)
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0)
      for (const message of Object.values(rule.meta.messages)) {
        expect(message.zh).toMatch(/[\u4e00-\u9fff]/)
        expect(message.en.length).toBeGreaterThan(0)
        expect(placeholders(message.en)).toEqual(placeholders(message.zh))
      }
      const test = new URL(`${rulePageName(rule.id)}.test.ts`, rulesDir)
      expect(existsSync(test), `${test.pathname} is missing`).toBe(true)
      expect(readFileSync(test, 'utf8')).toMatch(/testRule\(/)
    },
  )
})

describe('docs/rules', () => {
  it("is generated from the rules' meta and up to date", () => {
    const expected = new Map(
      rules.map((rule) => [`${rulePageName(rule.id)}.md`, ruleDocsMarkdown(rule)]),
    )
    expected.set('README.md', indexPage())
    if (process.env.UPDATE_DOCS) {
      rmSync(docsDir, { recursive: true, force: true })
      mkdirSync(docsDir, { recursive: true })
      for (const [name, text] of expected) writeFileSync(new URL(name, docsDir), text)
    }
    expect(readdirSync(docsDir).sort()).toEqual([...expected.keys()].sort())
    for (const [name, text] of expected)
      expect(readFileSync(new URL(name, docsDir), 'utf8'), name).toBe(text)
  })
})
