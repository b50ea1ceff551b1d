import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/stack.mjs';

// Browser tests against the local stack: tests/global-setup.ts starts MiniStack and the local runner on free ports
// (or uses CONSOLE_URL when a stack is already up, e.g. `./dev up`). Chromium is the OS package (Debian's chromium):
// Playwright's own browser download cannot work here.
export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'artifacts/test-results',
  reporter: [['list'], ['junit', { outputFile: 'artifacts/junit.xml' }]],
  use: {
    baseURL: process.env.CONSOLE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 }, launchOptions: { executablePath: chromiumPath() } },
    },
  ],
});
