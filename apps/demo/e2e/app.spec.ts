import { readFileSync } from 'node:fs'
import { expandResponsible, parsePlan } from '@reformkit/model'
import ExcelJS from 'exceljs'
import { expect, openApp, screenshot, seriousViolations, test } from './fixtures.js'

const plan = (() => {
  const text = readFileSync(
    new URL('../../../examples/wuhan-etdz-2017/plan.yaml', import.meta.url),
    'utf8',
  )
  const parsed = parsePlan(text).plan
  if (!parsed) throw new Error('the example plan does not parse')
  return parsed
})()

test('first load shows the plan title and all 15 items', async ({ watched: page }) => {
  await openApp(page)
  await expect(page.locator('main h1')).toHaveText(plan.title)
  await expect(page.locator('.framework .card')).toHaveCount(5)
  await screenshot(page, 'overview')
  await page.getByRole('link', { name: '事项', exact: true }).click()
  await expect(page.locator('[data-item]')).toHaveCount(15)
  await expect(page.locator('[data-item]').first()).toContainText('（一）实施车都升级版计划')
  await expect(page.locator('[data-item]').last()).toContainText('（十五）')
  await screenshot(page, 'items')
})

test('filtering by unit 经信局 shows exactly its items', async ({ watched: page }) => {
  const expected = plan.items
    .filter((item) => expandResponsible(plan, item).some((unit) => unit.id === 'jxj'))
    .map((item) => item.id)
  expect(expected.length).toBeGreaterThan(1)
  await openApp(page, '/items')
  await page.getByLabel('按单位').selectOption({ label: '经信局' })
  await expect(page.locator('[data-item]')).toHaveCount(expected.length)
  const shown = await page
    .locator('[data-item]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item')))
  expect(shown).toEqual(expected)
})

test('item (一) shows its five KPIs, why its light is red, and its materials', async ({
  watched: page,
}) => {
  await openApp(page, '/items/item-01')
  await expect(page.locator('main h1')).toHaveText('（一）实施车都升级版计划')
  const kpis = plan.items[0]?.kpis.map((k) => k.measure) ?? []
  expect(kpis).toHaveLength(5)
  await expect(page.locator('table.kpis tbody tr')).toHaveCount(5)
  for (const measure of kpis) await expect(page.locator('table.kpis')).toContainText(measure)
  await expect(page.locator('table.kpis')).toContainText('未达成')
  await expect(page.locator('.reasons')).toContainText('新增高新技术企业')
  await expect(page.locator('table.materials')).toContainText('上会研究')
  await expect(page.locator('.reasons')).toContainText('新增高新技术企业')
  await expect(page.locator('table.materials')).toContainText('上会研究')
  await screenshot(page, 'item-detail')
})

test('units, KPIs, findings and reports pages', async ({ watched: page }) => {
  await openApp(page, '/units')
  const responsible = new Set(plan.items.flatMap((item) => expandResponsible(plan, item)))
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(responsible.size)
  await screenshot(page, 'units')
  await page.getByRole('link', { name: '指标', exact: true }).click()
  await expect(page.locator('.chart svg')).toBeVisible()
  await screenshot(page, 'kpis')
  await page.getByRole('link', { name: '问题', exact: true }).click()
  await expect(page.locator('main h1')).toHaveText('问题 · 14')
  await expect(page.locator('.group-row').first()).toBeVisible()
  await expect(page.locator('.rule-docs')).toContainText('attachment/hash-mismatch')
  // Grouped by unit, from each finding's subject: 发改局's hash mismatch is under its name.
  await page.getByLabel('按单位').check()
  await expect(page.locator('.group-row').filter({ hasText: '发改局' })).toBeVisible()
  await screenshot(page, 'diagnostics')
  await page.getByRole('link', { name: '报告', exact: true }).click()
  await expect(page.locator('table.reports tbody tr')).toHaveCount(4)
  await screenshot(page, 'reports')
})

test('the XLSX download is a valid workbook', async ({ watched: page }) => {
  await openApp(page, '/reports')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 考核评分表 XLSX' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('考核评分表-2017-12-31.xlsx')
  const path = await download.path()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(new Uint8Array(readFileSync(path)).buffer)
  expect(workbook.worksheets.length).toBeGreaterThan(1)
  const cells = workbook.worksheets.flatMap((sheet) => {
    const values: string[] = []
    sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text))))
    return values
  })
  expect(cells.join('\n')).toContain('实施车都升级版计划')
  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 督办进展情况 DOCX' }).click(),
  ])
  const bytes = readFileSync(await docx.path())
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
})

test('a broken ledger shows its findings', async ({ watched: page }) => {
  await openApp(page, '/diagnostics')
  const ledger = [
    'schema: reformkit/ledger@1',
    'unit: jxj',
    'entries:',
    '  - { id: bad-1, item: item-99, kind: research, date: 2017-05-01, title: 调研, attachments: [] }',
    '  - { id: bad-2, item: item-01, kind: meetingDecision, date: 2017-13-01, title: 上会 }',
    '',
  ].join('\n')
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({
    name: 'ledger/broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(ledger),
  })
  await expect(page.locator('main h1')).not.toHaveText('问题 · 14')
  await page.getByLabel('按文件').check()
  const list = page.getByRole('list', { name: '问题' })
  await expect(list).toContainText('broken.yaml')
  await expect(list).toContainText('item-99')
  await expect(list).toContainText('2017-13-01')
  await screenshot(page, 'broken-ledger')
})

test('switches language to English and back', async ({ watched: page }) => {
  await openApp(page, '/items')
  await page.getByLabel('语言').selectOption('en')
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible()
  await expect(page.locator('main h1')).toHaveText('Items')
  await expect(page.locator('[data-item]').first()).toContainText('(1) 实施车都升级版计划')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await screenshot(page, 'items-en')
  await page.getByRole('link', { name: 'Findings' }).click()
  await expect(page.locator('main h1')).toHaveText('Findings · 14')
  await page.getByLabel('Language').selectOption('zh-CN')
  await expect(page.locator('main h1')).toHaveText('问题 · 14')
})

test('the as-of date changes what is checked', async ({ watched: page }) => {
  await openApp(page, '/diagnostics')
  await expect(page.locator('main h1')).toHaveText('问题 · 14')
  await page.getByLabel('截止日期').fill('2017-06-30')
  await expect(page.locator('main h1')).not.toHaveText('问题 · 14')
})

test('switches to the second example: 牵头/配合, the group as one name, silent units last', async ({
  watched: page,
}) => {
  await openApp(page, '/items')
  await page.getByRole('combobox', { name: /^示例/ }).selectOption('wuhu-2025')
  await expect(page.locator('header .plan-title')).toContainText('芜湖市2025年重点工作')
  await expect(page.locator('[data-item]')).toHaveCount(9)
  await expect(page.locator('[data-item="t09"]')).toContainText(
    '市发展改革委(牵头)、市商务局(牵头)、市财政局(配合)、各县市区政府、开发区管委会(配合)',
  )
  await expect(page.locator('main')).not.toContainText('镜湖区人民政府、弋江区人民政府')
  await screenshot(page, 'second-example-items')
  await page.getByRole('link', { name: '单位', exact: true }).click()
  const ranking = page.locator('section').filter({ hasText: '市农业农村局' }).last()
  await expect(ranking.locator('tbody tr').last()).toContainText('0')
  await screenshot(page, 'second-example-units')
  // Its own day: the period of 2025.
  await expect(page.getByLabel('截止日期')).toHaveValue(/^2025-/)
})

test('a draft plan from the published text: 15 items, the guesses, plan.yaml to download', async ({
  watched: page,
}) => {
  const seed = readFileSync(
    new URL('../../../../shared/seed/wuhan-etdz-2017.txt', import.meta.url),
    'utf8',
  )
  await openApp(page, '/extract')
  await page.getByLabel('方案原文').fill(seed)
  await page.getByRole('button', { name: '生成草稿' }).click()
  await expect(page.locator('[data-draft-item]')).toHaveCount(15)
  await expect(page.locator('[data-draft-item="item-01"]')).toContainText('新增高新技术企业')
  await expect(page.locator('.guesses')).toContainText('印发日期按 2017-08-17 读取')
  await screenshot(page, 'extract')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载 plan.yaml' }).click()
  const file = await (await download).path()
  const drafted = parsePlan(readFileSync(file, 'utf8'))
  expect(drafted.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(drafted.plan?.items).toHaveLength(15)
})

test('表格填报: a unit’s template downloads; a filled one shows its findings by cell', async ({
  watched: page,
}) => {
  await openApp(page, '/workbook')
  await page.getByLabel('单位').selectOption({ label: '发改局' })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载模板' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('发改局-填报模板.xlsx')
  // The clerk edits it: a kind written wrong in row 4, a new row without an ID.
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(readFileSync(await saved.path()) as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('台账')
  if (!sheet) throw new Error('the template has a 台账 sheet')
  sheet.getCell('D4').value = '调妍'
  const row = sheet.getRow(38)
  row.getCell(2).value = '（一）'
  row.getCell(4).value = '调研'
  row.getCell(5).value = '2017年10月9日'
  row.getCell(6).value = '新增的调研报告'
  await page.locator('.dropzone input[type=file]').setInputFiles({
    name: '发改局.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  })
  await expect(page.getByRole('status')).toContainText('读到 35 条台账,1 行有错未读入')
  await expect(page.getByRole('status')).toContainText('新增 1')
  await expect(page.locator('tr[data-cell="台账!D4"]')).toContainText('kind')
  await expect(page.locator('tr[data-cell="台账!E38"]')).toContainText('2017-10-09')
  await screenshot(page, 'workbook')
})

test('no serious accessibility violations on any page', async ({ watched: page }) => {
  for (const route of [
    '/overview',
    '/items',
    '/items/item-01',
    '/units',
    '/kpis',
    '/diagnostics',
    '/reports',
    '/workbook',
  ]) {
    await openApp(page, route)
    if (route === '/kpis') await expect(page.locator('.chart svg')).toBeVisible()
    expect(await seriousViolations(page), route).toEqual([])
  }
})

test('a ledger file dropped on the page is read; print hides the controls', async ({
  watched: page,
}) => {
  await openApp(page, '/diagnostics')
  const text = [
    'schema: reformkit/ledger@1',
    'unit: 发改局',
    'entries:',
    '  - { id: drop-1, item: （一）, kind: research, date: 2017年3月5日, title: 调研, attachments: [] }',
    '',
  ].join('\n')
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer()
    data.items.add(new File([content], 'dropped.yaml', { type: 'application/yaml' }))
    return data
  }, text)
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer })
  await expect(page.locator('main')).toContainText('台账文件: dropped.yaml')
  // Sloppy but clear input is read as meant, with an info finding for each.
  await expect(page.getByRole('list', { name: '问题' })).toContainText(
    '“2017年3月5日”,已按“2017-03-05”读取',
  )
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.controls')).toBeHidden()
  await expect(page.locator('nav')).toBeHidden()
  await screenshot(page, 'print')
})
