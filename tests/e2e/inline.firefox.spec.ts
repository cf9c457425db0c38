import { test, expect, newTabFrom } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD, threadWithReplyBox } from './support/pages';
import { egressBeyondModel } from './support/egress';

declare global {
  interface Window {
    draftBlocks(): string[];
  }
}

const inBar = (sel: string) => `skein-reply-bar >>> ${sel}`;
const barStatus = 'document.querySelector("skein-reply-bar")?.dataset.status';

test('Firefox: the reply bar drafts with the real CPU engine (after the download step) and inserts into X’s Draft.js box', async ({ openServed, modelServer, pageErrors }) => {
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
  await page.waitForFunction(() => document.querySelector('[data-testid="tweetButtonInline"]')?.getAttribute('aria-disabled') === 'false');
  expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(variants[0]);
  expect(egressBeyondModel(modelServer.log)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('Firefox: explain the selected words from the button by the selection; the card under the post asks for the model, then explains with the CPU engine', async ({ firefox, openServed, modelServer, pageErrors }) => {
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
    page.waitForFunction((sel, s) => document.querySelector(`${sel} skein-card`)?.getAttribute('data-status') === s, { timeout: ENGINE_STEP }, article, status);
  await cardStatus('needs-model');
  // Firefox opens its sidebar only from its own UI: a notice says how to see the rest.
  await page.waitForFunction(() => document.querySelector('skein-toast')?.shadowRoot?.textContent?.includes('Open the Skein sidebar'));
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  await page.locator(`${article} skein-card >>> .download`).click();
  await cardStatus('done');
  const text = await page.$eval(`${article} skein-card`, (c) => c.shadowRoot!.querySelector('.text')!.textContent ?? '');
  expect(text.trim().length).toBeGreaterThan(0);
  // The notice's action opens the panel in a tab: the explanation and the selected words are there.
  const panel = await newTabFrom(firefox, () => page.locator('skein-toast >>> .action').click());
  await panel.waitForFunction(() => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done');
  expect(await panel.$eval('[data-testid="thread-action"]', (e) => e.textContent)).toBe('Explain');
  expect(await panel.$eval('[data-testid="thread-selection"]', (e) => e.textContent)).toContain('4. Block it at the end. Fin.');
  expect(await panel.$eval('[data-testid="job-text"]', (e) => e.textContent)).toBe(text);
  expect(egressBeyondModel(modelServer.log)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
