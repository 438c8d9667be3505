import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Browser tests drive the system's Chromium (Playwright cannot download browsers here).
// The path comes from REFORMKIT_CHROMIUM, else the usual install locations. Without a
// browser the suite fails loudly: a passing run always means the app was really tested.
const candidates = [
  process.env.REFORMKIT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter((path): path is string => Boolean(path))
const executablePath = candidates.find((path) => existsSync(path))
if (!executablePath) {
  // One line, not Playwright's stack trace of its config loader.
  process.stderr.write(
    `No Chromium for the browser tests (looked at ${candidates.join(', ')}). ` +
      'Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set REFORMKIT_CHROMIUM.\n',
  )
  process.exit(1)
}

const port = 4174

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  workers: 1,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '.playwright-results.json' }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath,
      // Flags for a closed network and a root user (see the machine notes).
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Built here too, so a test run never looks at a stale dist/.
    command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
