// Time to first render, for the example and for a generated 100,000-entry ledger, and
// proof that the long lists stay virtual (few rows in the page) and scroll to the end.
// Prints one JSON line; no timing is asserted (speed goals live in printed numbers).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parsePlan } from '@reformkit/model'
import { expect, openApp, screenshot, test } from './fixtures.js'

const ENTRIES = 100_000
const KINDS = ['research', 'discussion', 'supervision', 'progress'] as const

/** A seeded ledger for the example plan; one entry in 100 names an item the plan lacks. */
function generateLedger(): Buffer {
  const text = readFileSync(
    new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url),
    'utf8',
  )
  const plan = parsePlan(text).plan
  if (!plan) throw new Error('the example plan does not parse')
  let seed = 2017
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  const entries = Array.from({ length: ENTRIES }, (_, i) => {
    const item = plan.items[next(plan.items.length)]
    if (!item) throw new Error('no items')
    const unit = item.responsible[0] ?? 'fgj'
    const month = String(1 + next(12)).padStart(2, '0')
    const day = String(1 + next(28)).padStart(2, '0')
    return {
      id: `gen-${i}`,
      item: i % 100 === 99 ? `item-${900 + (i % 7)}` : item.id,
      unit: plan.units.some((u) => u.id === unit) ? unit : 'fgj',
      kind: KINDS[next(KINDS.length)],
      date: `2017-${month}-${day}`,
      title: `第 ${i} 份材料`,
      attachments: [],
    }
  })
  return Buffer.from(JSON.stringify({ schema: 'reformkit/ledger@1', entries }))
}

test('first render: the example, then 100,000 entries', async ({ watched: page }) => {
  const started = Date.now()
  await openApp(page, '/items')
  await expect(page.locator('[data-item]')).toHaveCount(15)
  const exampleMs = Date.now() - started
  const markMs = await page.evaluate(
    () => performance.getEntriesByName('reformkit:rendered')[0]?.startTime ?? -1,
  )

  // Chosen from disk, as a user picks it: a file given as bytes would be sent to the page as
  // base64 and rebuilt there by Playwright's own script — 13 MB took 7–9 s of the time, not
  // the app's.
  const ledger = generateLedger()
  const folder = mkdtempSync(join(tmpdir(), 'reformkit-first-render-'))
  const file = join(folder, 'generated.json')
  writeFileSync(file, ledger)
  await page.getByRole('link', { name: '问题', exact: true }).click()
  const opened = Date.now()
  try {
    await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(file)
    await expect(page.locator('main h1')).toHaveText(/^问题 · \d{4,}$/, { timeout: 120_000 })
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
  const bigMs = Date.now() - opened
  const findings = Number((await page.locator('main h1').textContent())?.split('·')[1])
  expect(findings).toBeGreaterThanOrEqual(ENTRIES / 100)

  // Virtual: thousands of findings, a few dozen rows in the page; the end is reachable.
  const list = page.getByRole('list', { name: '问题' })
  const rows = await list.locator('li').count()
  expect(rows).toBeLessThan(100)
  await page.locator('.virtual[tabindex]').evaluate((box) => {
    box.scrollTop = box.scrollHeight
    box.dispatchEvent(new Event('scroll'))
  })
  await expect(list.locator('li').last()).toBeVisible()
  await expect(list.locator('li')).not.toHaveCount(0)
  await screenshot(page, 'diagnostics-100k')

  const itemsStarted = Date.now()
  await page.getByRole('link', { name: '事项', exact: true }).click()
  await expect(page.locator('[data-item]')).toHaveCount(15)
  const itemsMs = Date.now() - itemsStarted
  await screenshot(page, 'items-100k')

  console.log(
    JSON.stringify({
      exampleFirstRenderMs: exampleMs,
      exampleRenderedMarkMs: Math.round(markMs),
      entries: ENTRIES,
      bytes: ledger.byteLength,
      ledgerFirstRenderMs: bigMs,
      findings,
      domRows: rows,
      itemsViewMs: itemsMs,
    }),
  )
})
