import { test, expect, firefoxUi, newTabFrom, waitUntil } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD, postIdsOf, postRequests, threadWithReplyBox, X_PAGES } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import { againstModel, egress } from './support/egress';

declare global {
  interface Window {
    draftBlocks(): string[];
    replyClicks: number;
  }
}

test(
  'Firefox: the reply bar drafts with the real CPU engine (after the download step) and inserts into X’s ' +
    'Draft.js box',
  async ({ firefox, openServed, modelServer, pageErrors }) => {
    test.setTimeout(ENGINE_TEST);
    const served = await threadWithReplyBox();
    const page = await openServed([served]);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(served.url);
    await page.waitForSelector('skein-reply-bar');
    const bar = firefoxUi(firefox, page).host('skein-reply-bar');
    await bar.click({ button: /Draft with Skein/ });
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
    expect(egress(modelServer.log)).toEqual([]);
    await bar.click({ button: /Download the model/ });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('done');
    const variants = await bar.texts('.variants li p');
    expect(variants).toHaveLength(3);
    for (const v of variants) expect(v.trim().length).toBeGreaterThan(0);
    await bar.click({ button: 'Insert draft 1 into the reply box' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tweetButtonInline"]')?.getAttribute('aria-disabled') === 'false',
    );
    expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(variants[0]);
    // Inserted, never posted: no click on Reply, no request to X's post endpoint.
    expect(await page.evaluate(() => window.replyClicks)).toBe(0);
    expect(postRequests(asked)).toEqual([]);
    expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
    expect(pageErrors).toEqual([]);
  },
);

test(
  'Firefox: explain the selected words from the button by the selection; the card under the post asks for ' +
    'the model, then explains with the CPU engine',
  async ({ firefox, openServed, modelServer, pageErrors }) => {
    test.setTimeout(ENGINE_TEST);
    const page = await openServed([OWN_THREAD]);
    await page.goto(OWN_THREAD.url);
    await page.waitForSelector('skein-post-button');
    const article = 'article:has(a[href="/skein_test/status/1900000000000000012"])';
    // The post is scrolled into view first; the button by the selection follows later scrolling.
    await page.$eval(`${article} [data-testid="tweetText"]`, (text) => text.scrollIntoView({ block: 'center' }));
    await page.evaluate((sel) => {
      const text = document.querySelector(`${sel} [data-testid="tweetText"]`)!;
      const range = document.createRange();
      range.selectNodeContents(text);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, article);
    const ui = firefoxUi(firefox, page);
    await ui.host('skein-selection-button').click('button');
    const card = ui.host(`${article} skein-card`);
    await expect.poll(() => card.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
    // Firefox opens its sidebar only from its own UI: a notice says how to see the rest.
    const toast = ui.host('skein-toast');
    await expect.poll(() => toast.text()).toContain('Open the Skein sidebar');
    expect(egress(modelServer.log)).toEqual([]);
    await card.click('.download');
    await expect.poll(() => card.state('status'), { timeout: ENGINE_STEP }).toBe('done');
    const text = (await card.text('.text')) ?? '';
    expect(text.trim().length).toBeGreaterThan(0);
    // The notice's action opens the panel in a tab: the explanation and the selected words are there.
    const panel = await newTabFrom(firefox, () => toast.click('.action'), pageErrors);
    await waitUntil(
      panel,
      () => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done',
      ENGINE_STEP,
    );
    expect(await panel.$eval('[data-testid="thread-action"]', (e) => e.textContent)).toBe('Explain');
    expect(await panel.$eval('[data-testid="thread-selection"]', (e) => e.textContent)).toContain(
      '4. Block it at the end. Fin.',
    );
    expect(await panel.$eval('[data-testid="job-text"]', (e) => e.textContent)).toBe(text);
    expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
    expect(pageErrors).toEqual([]);
  },
);

for (const [name, served] of [
  ['a status page', X_PAGES.statusText],
  ['the home timeline', X_PAGES.home],
] as const) {
  test(
    `Firefox, on ${name} in X's own styles: the explanation card lies under the post's text, at least as ` +
      `wide, and narrows nothing`,
    async ({ firefox, openServed, pageErrors }) => {
      test.skip(!HAVE_SHARED, NO_SHARED_REASON);
      const page = await openServed([served]);
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(served.url);
      await page.waitForSelector('skein-post-button');
      // The first button on screen (the timeline keeps cells above and below it).
      const shown = await page.$$eval('skein-post-button', (hosts) =>
        hosts.findIndex((h) =>
          ((r) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)(h.getBoundingClientRect()),
        ),
      );
      const postId = (await page.$$eval('skein-post-button', postIdsOf))[shown];
      expect(postId).toMatch(/^\d+$/);
      const article = `article:has(a[href$="/status/${postId}"] time)`;
      const boxes = () =>
        page.$eval(article, (a) => {
          const box = (el: Element | null) =>
            el ? (({ x, y, width, height }) => ({ x, y, width, height }))(el.getBoundingClientRect()) : null;
          return {
            text: box(a.querySelector('[data-testid="tweetText"]'))!,
            card: box(a.querySelector('skein-card')),
            article: box(a)!,
          };
        });
      const before = await boxes();
      const button = firefoxUi(firefox, page).host(`${article} skein-post-button`);
      await button.click('button.trigger');
      await button.click({ button: 'Explain' });
      // The first explanation asks for the model: the card is there, in its place, either way.
      await page.waitForSelector(`${article} skein-card`);
      const after = await boxes();
      expect(after.text.width).toBeCloseTo(before.text.width, 0);
      expect(after.article.width).toBeCloseTo(before.article.width, 0);
      expect(after.card!.y).toBeGreaterThanOrEqual(after.text.y + after.text.height - 1);
      expect(after.card!.width).toBeGreaterThanOrEqual(after.text.width - 1);
      expect(after.card!.x).toBeLessThanOrEqual(after.text.x + 1);
      // The saved page asks for X's own scripts and styles, which the test server answers empty:
      // Firefox reports those loads as the page's errors. Anything else counts.
      expect(
        pageErrors.filter((e) => !/Cross-Origin Request Blocked|was not loaded because its MIME type/.test(e)),
      ).toEqual([]);
    },
  );
}

test('Firefox: a page script finds nothing inside Skein; driving its hosts starts and downloads nothing', async ({
  firefox,
  openServed,
  modelServer,
  pageErrors,
}) => {
  const page = await openServed([await threadWithReplyBox()]);
  await page.goto(OWN_THREAD.url);
  await page.waitForSelector('skein-reply-bar');
  await page.waitForSelector('skein-post-button');
  const before = modelServer.log.length;
  // In the page's own world, as X's scripts or a third party's would.
  const seen = await page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('skein-post-button, skein-reply-bar'));
    const found = {
      hosts: hosts.length,
      roots: hosts.filter((h) => h.shadowRoot != null).length,
      attributes: hosts.flatMap((h) => h.getAttributeNames().filter((n) => n !== 'data-skein-post')),
      ids: hosts.filter((h) => h.localName === 'skein-post-button').map((h) => h.getAttribute('data-skein-post')),
      text: document.body.innerText,
    };
    for (const host of hosts) {
      host.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    return found;
  });
  expect(seen.hosts).toBeGreaterThan(7);
  // A post button's one attribute is its post's id, which the page's own permalinks show.
  expect(seen.ids).toEqual(await page.$$eval('skein-post-button', postIdsOf));
  expect(seen).toMatchObject({ roots: 0, attributes: [] });
  expect(seen.text).not.toContain('Draft with Skein');
  // The bar stayed closed, no card opened, and the model was not asked for.
  const bar = firefoxUi(firefox, page).host('skein-reply-bar');
  expect(await bar.visible({ label: 'Tone' })).toBe(false);
  expect(await page.$$eval('skein-card', (cards) => cards.length)).toBe(0);
  expect(egress(modelServer.log.slice(before))).toEqual([]);
  // The user's own click opens it.
  await bar.click({ button: /Draft with Skein/ });
  await expect.poll(() => bar.focused()).toBe('Tone');
  expect(pageErrors).toEqual([]);
});
