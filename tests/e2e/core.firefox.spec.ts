import { test, expect, buttonIds, summarizeToPanel, waitForButtons, FIREFOX_UUID } from './support/firefox';
import type { Browser, Page } from 'puppeteer-core';
import { OWN_THREAD, X_PAGES, type ServedPage } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import { BROWSER_START, within } from './support/limits';
import { egress } from './support/egress';

test.describe('Skein in Firefox', () => {
  test('one button per post on the real home timeline, also for posts that arrive later', async ({
    openServed,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    const page = await openServed([X_PAGES.home]);
    await page.goto(X_PAGES.home.url);
    await waitForButtons(page, 20);
    const first = await buttonIds(page);
    expect(new Set(first).size).toBe(20);
    expect(first[0]).toBe('1991602883645829145');
    await page.evaluate(() => {
      const cells = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]'))
        .filter((c) => c.querySelector('article'))
        .slice(0, 3);
      cells.forEach((c, i) => {
        const copy = c.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('skein-post-button').forEach((b) => b.remove());
        copy
          .querySelectorAll('a[href*="/status/"]')
          .forEach((a) => a.setAttribute('href', a.getAttribute('href')!.replace(/status\/\d+/, `status/880${i}`)));
        cells[0]!.parentElement!.append(copy);
      });
    });
    await waitForButtons(page, 23);
    expect((await buttonIds(page)).slice(20)).toEqual(['8800', '8801', '8802']);
    expect(pageErrors).toEqual([]);
  });

  test('Summarize reads the thread; the panel, opened from the notice, shows it', async ({
    firefox,
    openServed,
    pageErrors,
  }) => {
    const page = await openServed([OWN_THREAD]);
    await page.goto(OWN_THREAD.url);
    const { host, panel } = await summarizeToPanel(firefox, page, pageErrors);
    // Firefox opens its sidebar only for the user's own clicks on browser UI: Skein said so.
    expect(await host.text('.notice')).toContain('Skein read 9 posts. Open the Skein sidebar');
    // The new tab's page object keeps saying about:blank over BiDi; what runs in it is the panel.
    await panel.waitForFunction(
      (url) => location.href === url && document.querySelector('[data-testid="thread-count"]'),
      {},
      `moz-extension://${FIREFOX_UUID}/sidepanel.html`,
    );
    expect(await panel.$eval('[data-testid="thread-count"]', (e) => e.textContent)).toBe('9 posts read from X');
    // Firefox has no manifest keys for cross-origin isolation: its extension pages, the
    // background page where the CPU engine runs among them, get no SharedArrayBuffer, so one
    // thread. Should Firefox add them, this line says so.
    expect(await panel.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await panel.$$eval('[data-testid="post-handle"]', (es) => es.map((e) => e.textContent))).toEqual([
      '@yarn_fan',
      '@skein_test',
      '@skein_test',
      '@skein_test',
      '@purl_one',
      '@tricot_fr',
      '@gauge_guru',
    ]);
    expect(await panel.$eval('[aria-current="true"] [data-testid="post-text"]', (e) => e.textContent)).toBe(
      'A thread on starting big projects 🧶\n\n1. Swatch first.\n2. Count twice.',
    );
    expect(pageErrors).toEqual([]);
  });
});

/** The panel's tab with the project's thread read in it: an extension page to probe from. */
async function threadPanel(firefox: Browser, openServed: (pages: ServedPage[]) => Promise<Page>): Promise<Page> {
  const page = await openServed([OWN_THREAD]);
  await page.goto(OWN_THREAD.url);
  const { panel } = await summarizeToPanel(firefox, page);
  await panel.waitForFunction(() => document.querySelector('[data-testid="thread-count"]'));
  return panel;
}

test('the error watch reads Firefox’s output: errors of an extension page no test listens to', async ({
  firefox,
  openServed,
  pageErrors,
}) => {
  // Skein's background page writes to the same output as its other pages, and none of its
  // errors reach a tab's listeners. The panel's tab, opened without listeners, stands for it.
  const panel = await threadPanel(firefox, openServed);
  await panel.evaluate(() => {
    console.error('probe: extension page');
    setTimeout(() => {
      throw new Error('probe: extension page uncaught');
    });
  });
  // Firefox writes its output in blocks: all of it is out once it has closed.
  const output = new Promise((resolve) => firefox.process()?.stdout?.once('close', resolve));
  await within(firefox.close(), BROWSER_START, 'Firefox close');
  await within(output, BROWSER_START, 'Firefox output');
  expect(pageErrors.join('\n')).toContain('console.error: "probe: extension page"');
  expect(pageErrors.join('\n')).toMatch(/JavaScript error: moz-extension:.*probe: extension page uncaught/);
  // Seen: the test made them, so they do not fail it.
  pageErrors.length = 0;
});

test('the egress watch sees every channel from any Firefox context: https, http to an IP, WebSocket', async ({
  firefox,
  openServed,
  modelServer,
}) => {
  // Firefox sends everything through the test's proxy (support/egress-proxy.ts); the panel's tab
  // is an extension context, as the background page is. (Port 9, used in Chromium's probe, is
  // one Firefox refuses before any request.)
  const panel = await threadPanel(firefox, openServed);
  const before = modelServer.log.length;
  await panel.evaluate(() => {
    void fetch('https://probe.example/a').catch(() => undefined);
    void fetch('http://203.0.113.9/b').catch(() => undefined);
    new WebSocket('ws://198.51.100.7:8080/c').onerror = () => undefined;
    new WebSocket('wss://probe.example/d').onerror = () => undefined;
  });
  await expect
    .poll(() => egress(modelServer.log.slice(before)).sort())
    .toEqual(['http://203.0.113.9/b', 'https://probe.example/a', 'ws://198.51.100.7:8080/c', 'wss://probe.example/d']);
  // Seen: the test made them, so the end-of-test egress check must not count them.
  modelServer.log.splice(before);
});
