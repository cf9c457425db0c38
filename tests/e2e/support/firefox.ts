/**
 * Playwright-runner fixtures for the built Firefox extension in Firefox ESR, driven by
 * puppeteer-core over WebDriver BiDi (Playwright's own Firefox is a patched build that cannot
 * be downloaded here). Saved pages are served as the real site by request interception.
 */
import { test as base, expect } from '@playwright/test';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { FIREFOX_BUILD, FIREFOX_PATH } from './env';
import { answer, OWN_THREAD, postIdsOf, type ServedPage } from './pages';
import { startModelServer, type ModelServer } from './model-server';
import { DEFAULT_CPU_MODEL } from '../../../utils/llm/models';
import { BROWSER_START, PROTOCOL_CALL, UI_STEP, within } from './limits';
import { bidiRoots, type BidiSender, type SkeinHost, SkeinUi } from './closed-ui';
import { startEgressProxy, type EgressProxy } from './egress-proxy';
import { realSizeOnnxFiles } from '../../../scripts/lib/real-size-onnx';
import { egressBeyondModel } from './egress';
import { ownServerUrls, startOwnServer, type OwnServer } from './own-server';

/** A fixed internal id for the extension, so tests can name its pages. */
export const FIREFOX_UUID = '5e1a5e1a-0000-4000-8000-00000000a11c';
const GECKO_ID = 'skein@skein-extension.org';

export interface FirefoxFixtures {
  /**
   * Addresses a whole file's tests may reach besides the CPU model's files (test.use): a
   * server the user named. Each test's end-of-test egress check allows exactly these.
   */
  alsoExpectedEgress: string[];
  /**
   * The model the model server serves (test.use): the tiny test model, or one of the default
   * CPU model's real architecture and size (generated once, about 770 MB).
   */
  modelFiles: 'tiny' | 'real-size';
  /**
   * The longest one WebDriver BiDi call may wait (test.use). Firefox answers them in its main
   * process, which also carries the model's download: with the real-size model, calls made
   * during the download waited 4–10 s and more here, while the pages themselves kept answering.
   */
  protocolCall: number;
  /**
   * Serves the model for every https host. Its log holds every request Firefox made to the
   * network, on any channel, from any context: see egressProxy.
   */
  modelServer: ModelServer;
  /** The proxy Firefox sends everything through: it logs into modelServer.log. */
  egressProxy: EgressProxy;
  /**
   * Addresses the test's own fixtures let Skein reach, besides alsoExpectedEgress: the URLs of
   * the user's own model server, once a test starts one (ownServer).
   */
  fixtureEgress: string[];
  /**
   * The user's own model server: real llama.cpp on 127.0.0.1 (own-server.ts), reached through
   * the egress proxy, which relays to it alone. It sends no CORS headers (as vLLM and LM Studio
   * by default): Skein reads its answers because the user granted its host.
   */
  ownServer: OwnServer;
  firefox: Browser;
  /** Opens a new tab serving these pages at their URLs, and collects its errors. */
  openServed(pages: ServedPage[]): Promise<Page>;
  /** Uncaught errors and console errors from every tab opened with openServed. */
  pageErrors: string[];
}

export const test = base.extend<FirefoxFixtures>({
  alsoExpectedEgress: [[], { option: true }],
  modelFiles: ['tiny', { option: true }],
  protocolCall: [PROTOCOL_CALL, { option: true }],
  fixtureEgress: async ({}, use) => use([]),
  modelServer: async ({ alsoExpectedEgress, modelFiles, fixtureEgress }, use) => {
    const files = modelFiles === 'real-size' ? realSizeOnnxFiles() : undefined;
    const server = await startModelServer(DEFAULT_CPU_MODEL.url, 0, files);
    await use(server);
    await server.close();
    // Every test: nothing but the model's files left the machine, on any channel, from any context.
    const allowed = [...alsoExpectedEgress, ...fixtureEgress];
    expect(egressBeyondModel(server.log, allowed), 'egress beyond the model download').toEqual([]);
  },
  ownServer: async ({ egressProxy, fixtureEgress }, use) => {
    const server = await startOwnServer();
    fixtureEgress.push(...ownServerUrls(server));
    egressProxy.relayTo.add(server.origin);
    await use(server);
    egressProxy.relayTo.delete(server.origin);
    await server.close();
  },
  egressProxy: async ({ modelServer }, use) => {
    const proxy = await startEgressProxy(modelServer.port, modelServer.log);
    await use(proxy);
    await proxy.close();
  },
  // The proxy and the model server must be up before Firefox starts; the fixture order says so.
  firefox: async ({ egressProxy, pageErrors, protocolCall }, use) => {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // Firefox's output is read below for errors from contexts no tab shows (the background page).
      dumpio: true,
      // No BiDi command may wait longer than a test step (puppeteer's own default is 3 minutes).
      protocolTimeout: protocolCall,
      timeout: BROWSER_START,
      // The local server's certificate is its own; WebDriver's setting covers the whole browser.
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        // An optional permission Skein asks for at the user's click (a Mastodon server) is
        // granted without Firefox's prompt, which no test can click: the user's yes.
        'extensions.webextOptionalPermissionPrompts': false,
        // Every request of every context, on every scheme, to any host (localhost and IP literals
        // included), goes through the local proxy, which logs it; https goes on to the model server.
        'network.proxy.type': 1,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': egressProxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': egressProxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // And no name is looked up outside: a lookup would say where Firefox meant to go.
        'network.dns.forceResolve': '127.0.0.1',
        'network.dns.disableIPv6': true,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // Console errors and uncaught errors of every page (content) and of the extension's
        // pages, its background page among them (chrome), written to Firefox's output: the one
        // place they all reach.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
      },
    });
    const output = watchOutput(browser, pageErrors);
    await browser.installExtension(FIREFOX_BUILD);
    await use(browser);
    // A browser that will not close is killed: the next test starts its own.
    await within(browser.close(), BROWSER_START, 'Firefox close').catch(() => browser.process()?.kill('SIGKILL'));
    // Its last output, errors included, before the test's errors are checked.
    await within(output, BROWSER_START, 'Firefox output').catch(() => undefined);
  },
  pageErrors: [
    async ({}, use) => {
      const errors: string[] = [];
      await use(errors);
      // Every test: no uncaught error and no console error in its tabs (Skein's panel tabs and
      // the sites'). The saved pages ask for their sites' own scripts, styles and fonts, which the
      // test server answers empty: Firefox reports those loads as the page's errors, not Skein's.
      const ours = skeinErrors(errors);
      expect(ours, 'errors in a tab').toEqual([]);
    },
    { auto: true },
  ],
  openServed: async ({ firefox, pageErrors }, use) => {
    await use(async (pages) => {
      const page = await firefox.newPage();
      // Locators and waits without a limit of their own end with the step's (puppeteer: 30 s).
      page.setDefaultTimeout(UI_STEP);
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${String(e)}`));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`${page.url()}: ${m.text()}`);
      });
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (!/^https?:/.test(request.url())) return void request.continue();
        const a = answer(request.url(), pages);
        void request.respond({ status: a.status, contentType: a.contentType, body: a.body, headers: a.headers });
      });
      return page;
    });
  },
});

/**
 * Reads Firefox's output for errors of Skein's contexts and the pages, into `errors`: uncaught
 * errors in Skein's files (`JavaScript error: moz-extension://…`, its background page among them)
 * and console errors with a message (`console.error: "…"`). Firefox's own modules write there
 * too, in other forms (errors in chrome: and resource: files, objects, a module's prefix): left
 * out, with the rest of the output. Firefox buffers that output: it all arrives by the time the
 * browser has closed, which the returned promise waits for.
 */
function watchOutput(browser: Browser, errors: string[]): Promise<unknown> {
  const child = browser.process();
  const ended: Promise<unknown>[] = [];
  for (const [stream, to] of [
    [child?.stdout, process.stdout],
    [child?.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    stream.unpipe(to);
    ended.push(new Promise((resolve) => stream.once('close', resolve)));
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines)
        if (/^(JavaScript error: moz-extension:|console\.error: ")/.test(line))
          errors.push(`Firefox: ${line.slice(0, 500)}`);
    });
  }
  return Promise.all(ended);
}

/**
 * The errors that are Skein's or the page's own code's: the saved pages ask for their sites'
 * scripts, styles and fonts, which the test server answers empty, and Firefox reports those
 * loads as errors of the page.
 */
export const skeinErrors = (errors: string[]) =>
  errors.filter((e) => !/Cross-Origin Request Blocked|was not loaded because its MIME type|downloadable font:/.test(e));

/** The ids of the posts Skein's buttons sit in, in page order. */
export const buttonIds = (page: Page) => page.$$eval('skein-post-button', postIdsOf);

/** Waits until the page shows `count` Skein buttons. */
export async function waitForButtons(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('skein-post-button').length === n,
    { timeout: UI_STEP },
    count,
  );
}

/**
 * Runs `action` (a click that opens a tab) and returns the new tab's page. Waits for a page
 * target that was not there before, within a limit: no other tab's event can answer for it.
 */
export async function newTabFrom(
  firefox: Browser,
  action: () => Promise<unknown>,
  /** Where the tab's errors go (the test's pageErrors). */
  errors?: string[],
): Promise<Page> {
  const before = new Set(firefox.targets());
  await action();
  const target: Target = await firefox.waitForTarget((t) => t.type() === 'page' && !before.has(t), {
    timeout: PROTOCOL_CALL,
  });
  const page = await within(target.page(), PROTOCOL_CALL, 'the new tab');
  if (!page) throw new Error('the new tab has no page');
  page.setDefaultTimeout(UI_STEP);
  page.on('pageerror', (e) => errors?.push(`${page.url()}: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors?.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/** Skein's inline UI on `page`, reached inside its closed shadow roots over WebDriver BiDi. */
export function firefoxUi(firefox: Browser, page: Page): SkeinUi {
  // puppeteer keeps its BiDi connection and a frame's browsing context id out of its typings.
  const connection = (firefox as unknown as { connection: BidiSender }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const send: BidiSender = { send: (method, params) => within(connection.send(method, params), PROTOCOL_CALL, method) };
  return new SkeinUi(bidiRoots(send, context), page);
}

/** Skein's button on the project's own thread's focused post (OWN_THREAD). */
export const FOCUSED_BUTTON = 'article:has(a[href$="/status/1900000000000000010"] time) skein-post-button';

/**
 * On the project's own thread, open in `page`: Summarize from the focused post's menu, then the
 * notice's button, which opens the panel in a tab (Firefox opens its sidebar only from its own
 * UI). Returns the post's button and the panel's tab, whose errors go to `errors`.
 */
export async function summarizeToPanel(
  firefox: Browser,
  page: Page,
  errors?: string[],
  /** Another page's post: its button's host, and how many buttons the page shows. */
  post: { button: string; buttons: number } = { button: FOCUSED_BUTTON, buttons: 7 },
): Promise<{ host: SkeinHost; panel: Page }> {
  await waitForButtons(page, post.buttons);
  const host = firefoxUi(firefox, page).host(post.button);
  await host.click('button.trigger');
  await host.click({ button: 'Summarize thread' });
  await expect.poll(() => host.on<boolean>('.notice', 'return el.matches(":popover-open");')).toBe(true);
  const panel = await newTabFrom(firefox, () => host.click('.notice-action'), errors);
  return { host, panel };
}

/**
 * Opens Skein's options page as a user can: Firefox lets no test open an extension page itself,
 * so the panel's tab comes from a summary's notice on an X thread, and the options from its
 * Options button. Waits for the test id `ready` on the options page; returns it, the thread's
 * tab and the panel's (whose summary waits for the model's download).
 */
export async function openOptions(
  firefox: Browser,
  openServed: (p: ServedPage[]) => Promise<Page>,
  errors: string[],
  ready: string,
): Promise<{ options: Page; thread: Page; panel: Page }> {
  const thread = await openServed([OWN_THREAD]);
  await thread.goto(OWN_THREAD.url);
  const { panel } = await summarizeToPanel(firefox, thread, errors);
  await panel.waitForSelector('[data-testid="panel-options"]');
  const options = await newTabFrom(firefox, () => panel.locator('[data-testid="panel-options"]').click(), errors);
  await options.waitForSelector(`[data-testid="${ready}"]`);
  return { options, thread, panel };
}

/**
 * Waits until `fn()` is true in `page`, asking every 250 ms, for up to `timeout`. puppeteer's
 * waitForFunction and waitForSelector wait inside one BiDi call, which `protocolTimeout`
 * (PROTOCOL_CALL) cuts short: under load, a real-engine wait outlasted it. Here each question is
 * a short call of its own, and only the wait as a whole has the longer limit.
 */
export async function waitUntil(page: Page, fn: () => boolean, timeout: number, message?: string): Promise<void> {
  await expect.poll(() => page.evaluate(fn), { timeout, intervals: [250], message }).toBe(true);
}

export { expect };
