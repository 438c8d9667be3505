// docs/kinds.md is generated from the schema: the kinds, their names and the other names
// they may be written by. Regenerate with: UPDATE_DOCS=1 pnpm --filter @reformkit/ledger test
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLedger } from '../src/entry/parse-ledger.js'
import { ENTRY_KINDS, entryKindAliases, entryKindLabels } from '../src/entry/schema.js'

const page = new URL('../../../docs/kinds.md', import.meta.url)
const carries: Partial<Record<(typeof ENTRY_KINDS)[number], string>> = {
  meetingDecision: '`meeting: { body, session }`',
  kpiReport: '`kpi: { id, value, asOf? }`',
  bonusProof: '`bonus: { reason, points }`',
}

function kindsPage(): string {
  const rows = ENTRY_KINDS.map((kind) => {
    const label = entryKindLabels[kind]
    const also = entryKindAliases[kind].map((a) => `${a}`).join('、')
    return `| \`${kind}\` | ${label.zh} | ${label.en} | ${also} | ${carries[kind] ?? ''} |`
  })
  return `# 材料种类 · Kinds of material

<!-- Generated from the ledger schema (ENTRY_KINDS, entryKindLabels, entryKindAliases) by
packages/ledger/test/kinds-doc.test.ts: do not edit by hand. -->

Every ledger entry has a \`kind\`. Write it by its id, its Chinese or English name, or any
of the other names below: the reader takes it as the id and says so in an info note
(\`ledger/normalized\`). A kind written any other way is an error, and the entry is set
aside — the summary of \`reformkit validate\` counts the entries set aside, so none is
dropped silently.

每条台账材料都有种类(\`kind\`)。可以写 id、中文名、英文名或下表中的其他写法,读取时按 id
理解并给出提示;其他写法是错误,该条材料不被读取,检查结果的汇总行会写明有几条材料未被读取。

| kind | 中文 | English | 也可写作 · also read | 须带字段 · carries |
|---|---|---|---|---|
${rows.join('\n')}

What each item must show of these kinds comes from the profile: see
[assessment.md](assessment.md).
`
}

describe('docs/kinds.md', () => {
  it('is generated from the schema and up to date', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(page, kindsPage())
    expect(readFileSync(page, 'utf8')).toBe(kindsPage())
  })

  it('every name in it reads as its kind, and no name means two kinds', () => {
    const seen = new Map<string, string>()
    for (const kind of ENTRY_KINDS)
      for (const name of [
        entryKindLabels[kind].zh,
        entryKindLabels[kind].en,
        ...entryKindAliases[kind],
      ]) {
        expect(seen.get(name.toLowerCase()), name).toBeUndefined()
        seen.set(name.toLowerCase(), kind)
        const entry = `{ id: a, item: i, unit: u, kind: ${JSON.stringify(name)}, date: 2017-01-01, title: t }`
        const parsed = parseLedger(`schema: reformkit/ledger@1\nentries:\n  - ${entry}\n`)
        expect(parsed.entries[0]?.kind, name).toBe(kind)
      }
  })
})
