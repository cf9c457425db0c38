/**
 * Playwright fixtures for the built Chrome extension in the system Chromium: a fresh profile
 * with Skein loaded, its id, saved pages served as the real site, and every error and request
 * the browser saw.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, CHROMIUM_PATH } from './env';
import { answer, OWN_THREAD, type ServedPage } from './pages';
import { againstModel, egressBeyondModel } from './egress';
import { startModelServer, type ModelServer } from './model-server';
import { ownServerUrls, startOwnServer, type OwnServer } from './own-server';
import { DEFAULT_CPU_MODEL } from '../../../utils/llm/models';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings-schema';
import type { TestScript } from '../../../utils/test-script';
import { BROWSER_START, PROTOCOL_CALL, within } from './limits';
import { devtoolsRoots, SkeinUi } from './closed-ui';

/** A DevTools reply from a page the session attached to. */
interface CdpReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** The extension's `chrome` global, as the service worker has it. */
type ChromeGlobal = {
  chrome: { storage: { local: { set(items: object): Promise<void> } }; action: { openPopup(): Promise<void> } };
};

export interface ChromiumFixtures {
  /** More Chromium flags for a whole file (test.use). */
  extraArgs: string[];
  /**
   * Addresses a whole file's tests may reach besides the CPU model's files (test.use): another
   * download its user agrees to. Each test's end-of-test egress check allows exactly these.
   */
  alsoExpectedEgress: string[];
  /**
   * Addresses the test's own fixtures let Skein reach, besides alsoExpectedEgress: the URLs of
   * the user's own model server, once a test starts one (ownServer).
   */
  fixtureEgress: string[];
  /** Serves the tiny model in place of the default CPU model. */
  modelServer: ModelServer;
  /**
   * The user's own model server: real llama.cpp on 127.0.0.1 (own-server.ts). Chromium's
   * permission prompt is its own window, which no test can answer, so here the server answers
   * with CORS headers, as llama.cpp's server and Ollama do for extensions: Skein can reach it
   * without the permission. Firefox's tests grant the permission and run a server without them.
   */
  ownServer: OwnServer;
  context: BrowserContext;
  extensionId: string;
  /** Serves these pages at their URLs for the rest of the test. */
  serve(pages: ServedPage[]): Promise<void>;
  /**
   * Serves the project's own thread (OWN_THREAD), gives the scripted engine its answer when one
   * is given, and opens the thread in a new tab.
   */
  openThread(script?: TestScript): Promise<Page>;
  /** Errors from pages: uncaught exceptions and console errors. */
  pageErrors: string[];
  /** Every URL the browser asked for. */
  requests: string[];
  /**
   * Every network address Skein's own contexts asked for (service worker, offscreen document,
   * panel, popup, options), on every channel: http(s), WebSocket, IP literals. The extension's
   * own files (chrome-extension:, blob:, data:) are left out.
   */
  skeinRequests: string[];
  /** Opens the side panel's page as a tab. */
  openPanel(): Promise<Page>;
  /** Skein's service worker, waited for within a limit. */
  serviceWorker(): Promise<Worker>;
  /** Opens Chrome's real toolbar popup over the front tab, as a click on Skein's icon does. */
  openPopup(): Promise<void>;
  /** Writes Skein's settings as the options page would. */
  setSettings(settings: Partial<Settings>): Promise<void>;
  /**
   * Sets the test build's script: the scripted engine answers with it, under the product's own
   * engine and model labels, in place of the engine the settings choose (utils/test-script.ts).
   */
  setScript(script: TestScript | null): Promise<void>;
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
  alsoExpectedEgress: [[], { option: true }],
  fixtureEgress: async ({}, use) => use([]),
  modelServer: async ({ alsoExpectedEgress, fixtureEgress }, use) => {
    const server = await startModelServer(DEFAULT_CPU_MODEL.url);
    await use(server);
    await server.close();
    // Every test: nothing but the model's files reached the network, from any part of the browser.
    const allowed = [...alsoExpectedEgress, ...fixtureEgress];
    expect(egressBeyondModel(server.log, allowed), 'egress beyond the model download').toEqual([]);
  },
  ownServer: async ({ fixtureEgress }, use) => {
    const server = await startOwnServer();
    server.cors = true;
    fixtureEgress.push(...ownServerUrls(server));
    await use(server);
    await server.close();
  },
  context: async ({ modelServer, extraArgs }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'skein-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1200, height: 900 },
      timeout: BROWSER_START,
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
  serviceWorker: async ({ context }, use) => {
    await use(
      async () =>
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: BROWSER_START })),
    );
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL((await serviceWorker()).url()).host);
  },
  openPopup: async ({ serviceWorker }, use) => {
    await use(async () => {
      const worker = await serviceWorker();
      await within(
        worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.openPopup()),
        PROTOCOL_CALL,
        'chrome.action.openPopup',
      );
    });
  },
  requests: async ({ context }, use) => {
    const seen: string[] = [];
    context.on('request', (r) => seen.push(r.url()));
    await use(seen);
  },
  serve: async ({ context, fixtureEgress }, use) => {
    const pages: ServedPage[] = [];
    // Every request is answered here: the network is never reached. The one exception is the
    // user's own server, when a test runs one: it is on this machine, and reached as itself.
    const reachable = (url: string) => fixtureEgress.some((u) => new URL(u).origin === new URL(url).origin);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!/^https?:/.test(url) || reachable(url)) return route.continue();
      return route.fulfill(answer(url, pages));
    });
    await use(async (more) => {
      pages.push(...more);
    });
  },
  openThread: async ({ context, serve, setScript }, use) => {
    await use(async (script) => {
      await serve([OWN_THREAD]);
      if (script) await setScript(script);
      const page = await context.newPage();
      await page.goto(OWN_THREAD.url);
      return page;
    });
  },
  skeinRequests: async ({ alsoExpectedEgress, fixtureEgress }, use) => {
    const asked: string[] = [];
    await use(asked);
    // Every test: Skein's contexts asked for nothing but the model's files, on any channel.
    const allowed = [...alsoExpectedEgress, ...fixtureEgress];
    expect(againstModel(asked, allowed).beyond, 'Skein asked beyond the model download').toEqual([]);
  },
  pageErrors: [
    async ({ context, skeinRequests }, use) => {
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
      // Skein's contexts that are no tab: the service worker, the offscreen document, Chrome's
      // side panel and popup. Watched over DevTools, from the browser's first page.
      const stop = await watchExtensionTargets(context, errors, skeinRequests);
      await use(errors);
      await stop();
      // Every test: no uncaught error and no console error in any Skein context or page.
      expect(errors, 'errors in the page or in a Skein context').toEqual([]);
    },
    { auto: true },
  ],
  openPanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
  setSettings: async ({ serviceWorker }, use) => {
    await use(async (settings) => {
      const worker = await serviceWorker();
      await worker.evaluate(
        (value) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ settings: value }),
        { ...DEFAULT_SETTINGS, ...settings },
      );
    });
  },
  setScript: async ({ serviceWorker }, use) => {
    await use(async (script) => {
      const worker = await serviceWorker();
      await worker.evaluate(
        (value) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ testScript: value }),
        script,
      );
    });
  },
  sendToTarget: async ({ context }, use) => {
    await use(async (urlSuffix, ...commands) => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await within(context.newCDPSession(page), PROTOCOL_CALL, 'DevTools session');
      // Replies by command id, and the end of the target: a popup closes itself when it is done,
      // and then no reply ever comes. Each wait ends on one of the two, or fails at its limit.
      const replies = new Map<number, (msg: CdpReply) => void>();
      let sessionId = '';
      let closed = () => {};
      const gone = new Promise<null>((resolve) => (closed = () => resolve(null)));
      const onMessage = (e: { sessionId?: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const msg = JSON.parse(e.message) as CdpReply;
        if (msg.id != null) replies.get(msg.id)?.(msg);
      };
      const onDetached = (e: { sessionId?: string }) => {
        if (e.sessionId === sessionId) closed();
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp.on('Target.detachedFromTarget', onDetached);
      try {
        const { targetInfos } = await within(cdp.send('Target.getTargets'), PROTOCOL_CALL, 'Target.getTargets');
        const tabs = new Set(context.pages().map((p) => p.url()));
        // Pages outside any tab: the side panel and the popup ('page'), the offscreen document.
        const target = targetInfos.find(
          (t) => ['page', 'other', 'background_page'].includes(t.type) && t.url.endsWith(urlSuffix) && !tabs.has(t.url),
        );
        if (!target) return null;
        ({ sessionId } = await within(
          cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }),
          PROTOCOL_CALL,
          'Target.attachToTarget',
        ));
        // Commands run in order in one session (emulation lasts only as long as its session).
        let last: Record<string, unknown> | null = null;
        for (const [i, [method, params]] of commands.entries()) {
          const reply = new Promise<CdpReply>((resolve) => replies.set(i + 1, resolve));
          await within(
            cdp.send('Target.sendMessageToTarget', {
              sessionId,
              message: JSON.stringify({ id: i + 1, method, params }),
            }),
            PROTOCOL_CALL,
            method,
          );
          const msg = await within(Promise.race([reply, gone]), PROTOCOL_CALL, `${method} in ${urlSuffix}`);
          if (!msg) return null;
          if (msg.error) throw new Error(`${method} in ${urlSuffix}: ${msg.error.message}`);
          last = msg.result ?? null;
        }
        return last;
      } finally {
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        cdp.off('Target.detachedFromTarget', onDetached);
        // The page the session runs on may be closing with the test: nothing to wait for then.
        await within(cdp.detach(), PROTOCOL_CALL, 'DevTools detach').catch(() => {});
      }
    });
  },
  evalInTarget: async ({ sendToTarget }, use) => {
    await use(async (urlSuffix, expression) => {
      // As if the user did it: extension APIs that need a user action accept it.
      const result = await sendToTarget(urlSuffix, [
        'Runtime.evaluate',
        { expression, returnByValue: true, awaitPromise: true, userGesture: true },
      ]);
      return (result?.result as { value?: unknown } | undefined)?.value ?? null;
    });
  },
  sidePanelText: async ({ evalInTarget }, use) => {
    await use(async () => (await evalInTarget('/sidepanel.html', 'document.body.innerText')) as string | null);
  },
});

/** Skein's inline UI on `page`, reached inside its closed shadow roots over DevTools (closed-ui.ts). */
export function chromiumUi(page: Page): SkeinUi {
  return new SkeinUi(
    devtoolsRoots(async () => {
      const cdp = await within(page.context().newCDPSession(page), PROTOCOL_CALL, 'DevTools session');
      // The session's typings list each method; this runner builds its calls from strings.
      const raw = cdp as unknown as { send(method: string, params?: object): Promise<unknown> };
      return { send: (method, params) => within(raw.send(method, params), PROTOCOL_CALL, method) };
    }),
    page,
  );
}

export { expect };

/** A DevTools event from a target the watcher attached to. */
interface TargetEvent {
  method?: string;
  params?: {
    exceptionDetails?: { text?: string; exception?: { description?: string } };
    type?: string;
    args?: { value?: unknown; description?: string }[];
    request?: { url: string };
    url?: string;
  };
}

/**
 * Watches every chrome-extension:// target (service worker, offscreen document, side panel,
 * popup, and Skein's pages in tabs) for uncaught exceptions and console errors, into `errors`,
 * and for every network request and WebSocket it opens, into `requests`.
 * Returns the function that stops watching.
 */
async function watchExtensionTargets(
  context: BrowserContext,
  errors: string[],
  requests: string[],
): Promise<() => Promise<void>> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await within(context.newCDPSession(page), PROTOCOL_CALL, 'DevTools session');
  const urls = new Map<string, string>();
  let next = 1;
  const attach = async (info: { targetId: string; type: string; url: string; attached?: boolean }) => {
    if (!info.url.startsWith('chrome-extension://') || info.type === 'browser') return;
    if ([...urls.values()].includes(info.targetId)) return;
    urls.set(`pending:${info.targetId}`, info.targetId);
    try {
      const { sessionId } = await within(
        cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false }),
        PROTOCOL_CALL,
        'Target.attachToTarget',
      );
      urls.set(sessionId, info.url);
      for (const method of ['Runtime.enable', 'Network.enable'])
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: next++, method }) });
      // A service worker waits for the debugger to let it run when asked to; nothing waits here.
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: next++, method: 'Runtime.runIfWaitingForDebugger' }),
      });
    } catch {
      // The target closed before it could be watched (a popup closing itself).
    }
  };
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const msg = JSON.parse(message) as TargetEvent;
    const where = urls.get(sessionId ?? '') ?? '?';
    if (msg.method === 'Runtime.exceptionThrown') {
      const d = msg.params?.exceptionDetails;
      errors.push(`${where}: uncaught ${d?.exception?.description ?? d?.text ?? ''}`);
    } else if (msg.method === 'Network.requestWillBeSent' || msg.method === 'Network.webSocketCreated') {
      const url = msg.params?.request?.url ?? msg.params?.url ?? '';
      if (!/^(chrome-extension|blob|data):/.test(url)) requests.push(url);
    } else if (msg.method === 'Runtime.consoleAPICalled' && msg.params?.type === 'error') {
      errors.push(`${where}: console.error ${msg.params.args?.map((a) => a.description ?? String(a.value)).join(' ')}`);
    }
  });
  await within(cdp.send('Target.setDiscoverTargets', { discover: true }), PROTOCOL_CALL, 'Target.setDiscoverTargets');
  return async () => {
    await within(cdp.detach(), PROTOCOL_CALL, 'DevTools detach').catch(() => {});
  };
}
