import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { entry, plan } from '../../test/fixtures.js'
import type { LedgerEntry } from '../entry/schema.js'
import { rules } from '../rules/index.js'
import { type CheckLedgerOptions, checkLedger } from './check-ledger.js'
import { parseConfig } from './config.js'
import { defineRule } from './rule.js'

describe('the rule registry', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))(
    '%s has docs, messages in both languages and a test file',
    (id, rule) => {
      expect(id).toMatch(/^[a-z]+\/[a-z-]+$/)
      expect(rule.meta.docs.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(rule.meta.docs.en).toMatch(/^[A-Z]/)
      expect(rule.meta.docs.rationale).not.toBe('')
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0)
      for (const message of Object.values(rule.meta.messages)) {
        expect(message.zh).toMatch(/[\u4e00-\u9fff]/)
        expect(message.en).not.toBe('')
        const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
        expect(holes(message.zh)).toEqual(holes(message.en))
      }
      const file = id.replace('/', '-')
      expect(
        existsSync(new URL(`../rules/${file}.ts`, import.meta.url)),
        `src/rules/${file}.ts`,
      ).toBe(true)
      expect(
        existsSync(new URL(`../rules/${file}.test.ts`, import.meta.url)),
        `src/rules/${file}.test.ts`,
      ).toBe(true)
    },
  )

  it('has unique ids', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
  })
})

describe('checkLedger', () => {
  // The reference and entry rules only, so the findings below are theirs alone.
  const some = rules.filter(
    (rule) => /^(ref|entry)\//.test(rule.id) && rule.id !== 'entry/duplicate-content',
  )
  const entries = [
    entry({ id: 'a', item: 'i9', date: '2018-02-01' }),
    entry({ id: 'a', unit: 'jxj' }),
  ]

  it('called from JavaScript without a plan, says so in its TypeError', () => {
    for (const options of [undefined, {}, { plan: {} }, { plan: { items: [] }, entries }]) {
      const check = () => checkLedger(options as unknown as CheckLedgerOptions)
      expect(check).toThrow(TypeError)
      expect(check).toThrow(/^checkLedger: options\.plan must be a plan, as parsePlan returns it/)
    }
  })

  it('runs the recommended rules and orders findings deterministically', () => {
    const first = checkLedger({ plan, entries, asOf: '2017-12-31', rules: some })
    const again = checkLedger({ plan, entries: [...entries], asOf: '2017-12-31', rules: some })
    expect(first.diagnostics).toEqual(again.diagnostics)
    expect(first.diagnostics.map((d) => [d.ruleId, d.severity, d.location.path])).toEqual([
      ['entry/future-date', 'error', '/entries/0/date'],
      ['entry/date-outside-period', 'warning', '/entries/0/date'],
      ['ref/unknown-item', 'error', '/entries/0/item'],
      ['entry/duplicate-id', 'error', '/entries/1/id'],
      ['ref/unit-not-responsible', 'error', '/entries/1/unit'],
    ])
    expect(first.stats).toMatchObject({ entries: 2, errors: 4, warnings: 1, infos: 0 })
    expect(first.stats.byRule['entry/duplicate-id']).toBe(1)
  })

  it('honours severities, options and off from the config', () => {
    const result = checkLedger({
      plan,
      entries,
      asOf: '2017-12-31',
      rules: some,
      config: {
        rules: {
          'entry/future-date': 'off',
          'entry/date-outside-period': ['error', { graceDays: 60 }],
          'entry/duplicate-id': 'warning',
        },
      },
    })
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ['ref/unknown-item', 'error'],
      ['entry/duplicate-id', 'warning'],
      ['ref/unit-not-responsible', 'error'],
    ])
  })

  it('reports unknown rule ids and bad options instead of throwing', () => {
    const result = checkLedger({
      plan,
      entries: [],
      asOf: '2017-12-31',
      rules: some,
      config: {
        rules: {
          'entry/future-dates': 'error',
          'entry/date-outside-period': ['error', { graceDays: -1 }],
        },
      },
    })
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual([
      'schema/too-small',
      'config/unknown-rule',
    ])
    expect(result.diagnostics[1]?.message).toBe(
      '未知规则“entry/future-dates”,是否应为“entry/future-date”?',
    )
  })

  it('sets aside entries built in code with a wrong shape, saying which field', () => {
    const bad = { ...entry(), date: '2017-02-30' }
    const { diagnostics, stats } = checkLedger({
      plan,
      entries: [entry(), bad, null as unknown as LedgerEntry],
      asOf: '2017-12-31',
      rules: some,
      locale: 'en',
    })
    expect(stats.entries).toBe(1)
    expect(diagnostics.map((d) => [d.ruleId, d.location.path, d.message])).toEqual([
      [
        'ledger/malformed-entry',
        '/entries/1',
        expect.stringMatching(/^Entry 2: "date" is missing or malformed/),
      ],
      ['ledger/malformed-entry', '/entries/2', expect.stringMatching(/^Entry 3: "\(entry\)"/)],
    ])
  })

  it('speaks English on request', () => {
    const [d] = checkLedger({
      plan,
      entries: [entry({ item: 'zzz' })],
      asOf: '2017-12-31',
      rules: some,
      locale: 'en',
    }).diagnostics
    expect(d?.message).toMatch(/^Entry "e\d+" names item "zzz", which is not in the plan$/)
  })
})

describe('parseConfig', () => {
  it('locates unknown rules and bad options in reformkit.config.yaml', () => {
    const text =
      'schema: reformkit/config@1\npreset: recommended\nrules:\n  entry/future-dat: error\n  entry/date-outside-period: [warning, { graceDays: many }]\n'
    const result = parseConfig(text, rules, { filename: 'reformkit.config.yaml' })
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => [d.ruleId, d.location.line, d.location.column])).toEqual([
      ['config/unknown-rule', 4, 3],
      ['schema/invalid-type', 5, 53],
    ])
  })

  it('takes an empty file as all defaults, and refuses a wrong severity', () => {
    expect(parseConfig('# nothing yet\n', rules)).toMatchObject({ ok: true, config: {} })
    const bad = parseConfig('rules:\n  entry/future-date: fatal\n', rules)
    expect(bad.ok).toBe(false)
    expect(bad.diagnostics[0]?.location.line).toBe(2)
  })
})

describe('entry visitors', () => {
  const meta = {
    type: 'problem' as const,
    docs: { zh: '测试规则。', en: 'A test rule.', rationale: 'test' },
    messages: { seen: { zh: '看到 {{id}}', en: 'saw {{id}}' } },
    recommended: 'error' as const,
  }
  const seen = (id: string) =>
    defineRule({
      id,
      meta,
      check: ({ report }) => ({
        entry(e) {
          if (e.id === 'b') throw new Error('boom')
          report({ messageId: 'seen', data: { id: e.id }, entry: e })
        },
        end() {
          report({ messageId: 'seen', data: { id: 'end' }, location: { path: '' } })
        },
      }),
    })
  const quiet = defineRule({
    id: 'test/quiet',
    meta,
    check: ({ report }) => {
      let count = 0
      return {
        entry() {
          count++
        },
        end() {
          report({ messageId: 'seen', data: { id: String(count) }, location: { path: '' } })
        },
      }
    },
  })

  it('walk the ledger once for all rules; a throwing visitor is reported once and dropped', () => {
    const entries = ['a', 'b', 'c'].map((id) => entry({ id }))
    const { diagnostics } = checkLedger({
      plan,
      entries,
      asOf: '2017-12-31',
      rules: [seen('test/throws'), quiet],
      config: { rules: { 'test/throws': 'error', 'test/quiet': 'error' } },
    })
    const of = (id: string) => diagnostics.filter((d) => d.ruleId === id)
    // Entry a was seen; b threw (reported once); c was not visited, and `end` did not run.
    expect(of('test/throws').map((d) => `${d.messageId} ${d.data.id ?? d.data.detail}`)).toEqual([
      'rule-crashed Error: boom',
      'seen a',
    ])
    // The other rule saw every entry and ended.
    expect(of('test/quiet').map((d) => d.data.id)).toEqual(['3'])
  })

  it('hands a `having` visitor only the entries with that part, and reports an unknown part', () => {
    const entries = [
      entry({ id: 'plain' }),
      entry({ id: 'k', kind: 'kpiReport', kpi: { id: 'firms', value: 3 } }),
    ]
    const visited: string[] = []
    const picky = defineRule({
      id: 'test/picky',
      meta,
      check: () => ({ having: 'kpi', entry: (e) => void visited.push(e.id) }),
    })
    const typo = defineRule({
      id: 'test/typo',
      meta,
      // A rule in plain JavaScript may misspell the part.
      check: () => ({ having: 'kpis' as never, entry: () => {} }),
    })
    const { diagnostics } = checkLedger({
      plan,
      entries,
      asOf: '2017-12-31',
      rules: [picky, typo],
      config: { rules: { 'test/picky': 'error', 'test/typo': 'error' } },
    })
    expect(visited).toEqual(['k'])
    expect(diagnostics.map((d) => `${d.ruleId} ${d.messageId}`)).toEqual(['test/typo rule-crashed'])
  })
})
