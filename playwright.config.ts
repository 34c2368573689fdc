import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

/**
 * The renderer in Debian's Chromium against the real core through the headless host
 * (one fresh host and data folder per test, see e2e/fixtures.ts). Playwright never downloads a
 * browser here: it drives /usr/bin/chromium (apt-get install chromium), or LEITSTAND_CHROMIUM.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/globalSetup.ts',
  // Traces and screenshots of failures only, under the gitignored test-results/.
  outputDir: 'test-results/e2e',
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  // Two cores on our machines: two workers, each with its own host, core and browser page.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
