/**
 * Playwright fixtures for the built Chrome extension in the system Chromium: a fresh profile
 * with Skein loaded, its id, saved pages served as the real site, and every error and request
 * the browser saw.
 */
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, CHROMIUM_PATH } from './env';
import { answer, type ServedPage } from './pages';

export interface ChromiumFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Serves these pages at their URLs for the rest of the test. */
  serve(pages: ServedPage[]): Promise<void>;
  /** Errors from pages: uncaught exceptions and console errors. */
  pageErrors: string[];
  /** Every URL the browser asked for. */
  requests: string[];
  /** Opens the side panel's page as a tab. */
  openPanel(): Promise<Page>;
}

export const test = base.extend<ChromiumFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'skein-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        '--no-sandbox',
        `--disable-extensions-except=${CHROME_BUILD}`,
        `--load-extension=${CHROME_BUILD}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  requests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (r) => seen.push(r.url()));
    await use(seen);
  },
  serve: async ({ context }, use) => {
    const pages: ServedPage[] = [];
    // Every request is answered here: the network is never reached.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!/^https?:/.test(url)) return route.continue();
      return route.fulfill(answer(url, pages));
    });
    await use(async (more) => {
      pages.push(...more);
    });
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(errors);
  },
  openPanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
