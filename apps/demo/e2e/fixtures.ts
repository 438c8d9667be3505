// Shared by the browser tests: every page is watched for console errors and for requests
// that leave localhost, and can be checked with axe and photographed.
import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export const SCREENSHOTS = new URL('./screenshots/', import.meta.url)
mkdirSync(SCREENSHOTS, { recursive: true })

const LOCAL = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:)/

export const test = base.extend<{ watched: Page }>({
  watched: async ({ page }, use) => {
    const errors: string[] = []
    const outside: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('request', (request) => {
      if (!LOCAL.test(request.url())) outside.push(request.url())
    })
    await use(page)
    expect(errors, 'console errors').toEqual([])
    expect(outside, 'requests that left localhost').toEqual([])
  },
})

/** Open a page of the app and wait until the plan has been read and checked. */
export async function openApp(page: Page, route = '/overview') {
  await page.goto(`./#${route}`)
  await expect(page.locator('header .plan-title')).toContainText('武汉经济技术开发区', {
    timeout: 30_000,
  })
  await expect(page.locator('main h1').first()).toBeVisible()
}

/** Serious or critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true })
}

export { expect }
