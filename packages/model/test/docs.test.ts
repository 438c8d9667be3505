// docs/diagnostics.md is generated from the message catalogue, never written by hand.
// Regenerate with: UPDATE_DOCS=1 pnpm --filter @reformkit/model test
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { modelMessages } from '../src/index.js'

const target = new URL('../../../docs/diagnostics.md', import.meta.url)

function render(): string {
  const escapeCell = (text: string) => text.replace(/\|/g, '\\|')
  const rows = Object.entries(modelMessages).map(
    ([id, message]) => `| \`${id}\` | ${escapeCell(message.zh)} | ${escapeCell(message.en)} |`,
  )
  return [
    '# Diagnostics of @reformkit/model · 方案校验提示',
    '',
    '<!-- Generated from packages/model/src/diagnostic/messages.ts by packages/model/test/docs.test.ts. Do not edit. -->',
    '',
    'Every problem `parsePlan` finds is a diagnostic with a `ruleId`, a severity, a message in',
    'zh-CN or en, and a location (file, line, column and a JSON pointer `path`). `source/*` are',
    'problems reading the text, `schema/*` problems of shape, `plan/*` problems across the plan',
    '(references, numbering, periods). `{{…}}` stands for the value filled in.',
    '',
    '| messageId | zh-CN | en |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

it('docs/diagnostics.md is up to date with the message catalogue', () => {
  const expected = render()
  if (process.env.UPDATE_DOCS) writeFileSync(target, expected)
  expect(readFileSync(target, 'utf8')).toBe(expected)
})
