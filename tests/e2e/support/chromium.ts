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
import { startModelServer, type ModelServer } from './model-server';
import { DEFAULT_CPU_MODEL } from '../../../utils/llm/models';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings-schema';

/** The extension's `chrome` global, as the service worker has it. */
type ChromeGlobal = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };

export interface ChromiumFixtures {
  /** More Chromium flags for a whole file (test.use). */
  extraArgs: string[];
  /** Serves the tiny model in place of the default CPU model. */
  modelServer: ModelServer;
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
  /** Writes Skein's settings as the options page would. */
  setSettings(settings: Partial<Settings>): Promise<void>;
  /**
   * The text of Chrome's real side panel, read over the DevTools protocol (Playwright lists
   * no page for it); null while no side panel is open.
   */
  sidePanelText(): Promise<string | null>;
  /**
   * Evaluates an expression, with a user gesture, in an extension page the browser shows
   * outside any tab (the side panel, the toolbar popup); null when none is open.
   */
  evalInTarget(urlSuffix: string, expression: string): Promise<unknown>;
  /**
   * Sends DevTools-protocol commands ([method, params]) to such a page, in one session; the
   * last one's result, or null when none is open.
   */
  sendToTarget(urlSuffix: string, ...commands: [string, object][]): Promise<Record<string, unknown> | null>;
}

export const test = base.extend<ChromiumFixtures>({
  extraArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern
  modelServer: async ({}, use) => {
    const server = await startModelServer(DEFAULT_CPU_MODEL.url);
    await use(server);
    await server.close();
  },
  context: async ({ modelServer, extraArgs }, use) => {
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
        // Every host name resolves to the local model server (whose certificate is its own), so
        // whatever reaches the network from any part of the browser lands in its log.
        `--host-resolver-rules=MAP * 127.0.0.1:${modelServer.port}, EXCLUDE 127.0.0.1`,
        '--ignore-certificate-errors',
        ...extraArgs,
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
        if (m.type() !== 'error') return;
        const where = m.location().url;
        // The saved pages' own leftovers, not Skein's: Chromium fetches the web-app manifest
        // outside any route and logs the failed parse, and saved videos point at dead blob: URLs.
        if (m.text().startsWith('Manifest: ')) return;
        if (m.text().startsWith('Failed to load resource') && /^(blob|data):/.test(where)) return;
        errors.push(`${page.url()}: ${m.text()} (${where})`);
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
  setSettings: async ({ context }, use) => {
    await use(async (settings) => {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      await worker.evaluate((value) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ settings: value }), { ...DEFAULT_SETTINGS, ...settings });
    });
  },
  sendToTarget: async ({ context }, use) => {
    await use(async (urlSuffix, ...commands) => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const tabs = new Set(context.pages().map((p) => p.url()));
        const target = targetInfos.find((t) => t.type === 'page' && t.url.endsWith(urlSuffix) && !tabs.has(t.url));
        if (!target) return null;
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
        // Commands run in order in one session (emulation lasts only as long as its session).
        const results: (Record<string, unknown> | null)[] = [];
        for (const [i, [method, params]] of commands.entries()) {
          const reply = new Promise<Record<string, unknown> | null>((resolve) => {
            cdp.on('Target.receivedMessageFromTarget', (e) => {
              const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
              if (msg.id === i + 1) resolve(msg.result ?? null);
            });
          });
          await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i + 1, method, params }) });
          results.push(await reply);
        }
        return results.at(-1) ?? null;
      } finally {
        await cdp.detach();
      }
    });
  },
  evalInTarget: async ({ sendToTarget }, use) => {
    await use(async (urlSuffix, expression) => {
      // As if the user did it: extension APIs that need a user action accept it.
      const result = await sendToTarget(urlSuffix, ['Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, userGesture: true }]);
      return (result?.result as { value?: unknown } | undefined)?.value ?? null;
    });
  },
  sidePanelText: async ({ evalInTarget }, use) => {
    await use(async () => (await evalInTarget('/sidepanel.html', 'document.body.innerText')) as string | null);
  },
});

export { expect } from '@playwright/test';
