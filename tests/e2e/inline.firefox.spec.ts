import { test, expect, newTabFrom } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD, threadWithReplyBox, X_PAGES } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import { egressBeyondModel } from './support/egress';

declare global {
  interface Window {
    draftBlocks(): string[];
  }
}

const inBar = (sel: string) => `skein-reply-bar >>> ${sel}`;
const barStatus = 'document.querySelector("skein-reply-bar")?.dataset.status';

test('Firefox: the reply bar drafts with the real CPU engine (after the download step) and inserts into X’s Draft.js box', async ({
  openServed,
  modelServer,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  const served = await threadWithReplyBox();
  const page = await openServed([served]);
  await page.goto(served.url);
  await page.waitForSelector('skein-reply-bar');
  await page.locator(inBar('.toggle')).click();
  await page.locator(inBar('.go')).click();
  await page.waitForFunction(`${barStatus} === "needs-model"`, { timeout: ENGINE_STEP });
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  await page.locator(inBar('.download')).click();
  await page.waitForFunction(`${barStatus} === "done"`, { timeout: ENGINE_STEP });
  const variants = await page.$$eval(inBar('.variants li p'), (ps) => ps.map((p) => p.textContent ?? ''));
  expect(variants).toHaveLength(3);
  for (const v of variants) expect(v.trim().length).toBeGreaterThan(0);
  await page.locator(inBar('.variants li button')).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="tweetButtonInline"]')?.getAttribute('aria-disabled') === 'false',
  );
  expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(variants[0]);
  expect(egressBeyondModel(modelServer.log)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('Firefox: explain the selected words from the button by the selection; the card under the post asks for the model, then explains with the CPU engine', async ({
  firefox,
  openServed,
  modelServer,
  pageErrors,
}) => {
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
  await page.locator('skein-selection-button >>> button').click();
  const cardStatus = (status: string) =>
    page.waitForFunction(
      (sel, s) => document.querySelector(`${sel} skein-card`)?.getAttribute('data-status') === s,
      { timeout: ENGINE_STEP },
      article,
      status,
    );
  await cardStatus('needs-model');
  // Firefox opens its sidebar only from its own UI: a notice says how to see the rest.
  await page.waitForFunction(() =>
    document.querySelector('skein-toast')?.shadowRoot?.textContent?.includes('Open the Skein sidebar'),
  );
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  await page.locator(`${article} skein-card >>> .download`).click();
  await cardStatus('done');
  const text = await page.$eval(
    `${article} skein-card`,
    (c) => c.shadowRoot!.querySelector('.text')!.textContent ?? '',
  );
  expect(text.trim().length).toBeGreaterThan(0);
  // The notice's action opens the panel in a tab: the explanation and the selected words are there.
  const panel = await newTabFrom(firefox, () => page.locator('skein-toast >>> .action').click());
  await panel.waitForFunction(
    () => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done',
  );
  expect(await panel.$eval('[data-testid="thread-action"]', (e) => e.textContent)).toBe('Explain');
  expect(await panel.$eval('[data-testid="thread-selection"]', (e) => e.textContent)).toContain(
    '4. Block it at the end. Fin.',
  );
  expect(await panel.$eval('[data-testid="job-text"]', (e) => e.textContent)).toBe(text);
  expect(egressBeyondModel(modelServer.log)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

for (const [name, served] of [
  ['a status page', X_PAGES.statusText],
  ['the home timeline', X_PAGES.home],
] as const) {
  test(`Firefox, on ${name} in X's own styles: the explanation card lies under the post's text, at least as wide, and narrows nothing`, async ({
    openServed,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    const page = await openServed([served]);
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(served.url);
    await page.waitForSelector('skein-post-button');
    // The first button on screen (the timeline keeps cells above and below it).
    const postId = await page.$$eval('skein-post-button', (hosts) => {
      const shown = hosts.find((h) =>
        ((r) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight)(h.getBoundingClientRect()),
      );
      return (shown as HTMLElement | undefined)?.dataset.skeinPost ?? '';
    });
    expect(postId).not.toBe('');
    const article = `article:has(skein-post-button[data-skein-post="${postId}"])`;
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
    await page.locator(`${article} skein-post-button >>> button.trigger`).click();
    await page.locator(`${article} skein-post-button >>> [data-action="explain"]`).click();
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
  });
}

test('Firefox: a page script clicking every Skein control starts nothing and downloads nothing', async ({
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
  const clicked = await page.evaluate(async () => {
    let count = 0;
    for (const host of Array.from(
      document.querySelectorAll('skein-post-button, skein-reply-bar, skein-card, skein-toast'),
    )) {
      for (const control of Array.from(host.shadowRoot?.querySelectorAll<HTMLElement>('button') ?? [])) {
        control.click();
        count++;
      }
    }
    return count;
  });
  expect(clicked).toBeGreaterThan(20);
  // The bar stayed closed, no job wrote into it, no card opened, and the model was not asked for.
  expect(
    await page.$eval('skein-reply-bar', (b) => (b.shadowRoot!.querySelector('.panel') as HTMLElement).hidden),
  ).toBe(true);
  expect(await page.$$eval('skein-card', (cards) => cards.length)).toBe(0);
  expect(modelServer.log.slice(before).filter((l) => l.includes('huggingface.co'))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
