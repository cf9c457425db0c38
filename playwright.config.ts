import { defineConfig } from '@playwright/test';
import { UI_STEP, UI_TEST } from './tests/e2e/support/limits';

/**
 * End-to-end tests drive the built extension in the system's browsers (no browser downloads):
 * Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * `npm run test:e2e` builds both first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Real-engine tests set their own, longer limit (tests/e2e/support/limits.ts).
  timeout: UI_TEST,
  expect: { timeout: UI_STEP },
  // A test.only left in must not turn a CI run into a run of one test.
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  // No retries: a flaky test is a bug to find, not a result to hide.
  retries: 0,
  reporter: [['list']],
  // Every click and navigation ends within a step's limit, well inside the test's.
  use: { actionTimeout: UI_STEP, navigationTimeout: UI_STEP },
  outputDir: 'test-results',
  projects: [
    { name: 'chromium', testMatch: /.*\.chromium\.spec\.ts/ },
    { name: 'firefox', testMatch: /.*\.firefox\.spec\.ts/ },
    { name: 'draft-js', testMatch: /.*\.draft\.spec\.ts/ },
  ],
});
