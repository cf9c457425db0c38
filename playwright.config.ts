import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built extension in the system's browsers (no browser downloads):
 * Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * `npm run test:e2e` builds both first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', testMatch: /.*\.chromium\.spec\.ts/ },
    { name: 'firefox', testMatch: /.*\.firefox\.spec\.ts/ },
    { name: 'draft-js', testMatch: /.*\.draft\.spec\.ts/ },
  ],
});
