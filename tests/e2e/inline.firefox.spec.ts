import type { Page, Target } from 'puppeteer-core';
import { test, expect } from './support/firefox';
import { OWN_THREAD, threadWithReplyBox } from './support/pages';
import { egress } from './support/egress';

declare global {
  interface Window {
    draftBlocks(): string[];
  }
}

const inBar = (sel: string) => `skein-reply-bar >>> ${sel}`;
const barStatus = 'document.querySelector("skein-reply-bar")?.dataset.status';

test('Firefox: the reply bar drafts with the real CPU engine (after the download step) and inserts into X’s Draft.js box', async ({ openServed, modelServer, pageErrors }) => {
  const served = await threadWithReplyBox();
  const page = await openServed([served]);
  await page.goto(served.url);
  await page.waitForSelector('skein-reply-bar');
  await page.locator(inBar('.toggle')).click();
  await page.locator(inBar('.go')).click();
  await page.waitForFunction(`${barStatus} === "needs-model"`, { timeout: 30_000 });
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  await page.locator(inBar('.download')).click();
  await page.waitForFunction(`${barStatus} === "done"`, { timeout: 120_000 });
  const variants = await page.$$eval(inBar('.variants li p'), (ps) => ps.map((p) => p.textContent ?? ''));
  expect(variants).toHaveLength(3);
  for (const v of variants) expect(v.trim().length).toBeGreaterThan(0);
  await page.locator(inBar('.variants li button')).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="tweetButtonInline"]')?.getAttribute('aria-disabled') === 'false', { timeout: 10_000 });
  expect((await page.evaluate(() => window.draftBlocks())).join('\n')).toBe(variants[0]);
  expect(egress(modelServer.log).every((url) => url.startsWith('https://huggingface.co/Qwen/'))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('Firefox: explain the selected words from the button by the selection; the card under the post asks for the model, then explains with the CPU engine', async ({ firefox, openServed, modelServer, pageErrors }) => {
  const page = await openServed([OWN_THREAD]);
  await page.goto(OWN_THREAD.url);
  await page.waitForSelector('skein-post-button');
  const article = 'article:has(a[href="/skein_test/status/1900000000000000012"])';
  await page.evaluate((sel) => {
    const text = document.querySelector(`${sel} [data-testid="tweetText"]`)!;
    text.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(text);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, article);
  await page.locator('skein-selection-button >>> button').click();
  const cardStatus = (status: string) =>
    page.waitForFunction((sel, s) => document.querySelector(`${sel} skein-card`)?.getAttribute('data-status') === s, { timeout: 60_000 }, article, status);
  await cardStatus('needs-model');
  // Firefox opens its sidebar only from its own UI: a notice says how to see the rest.
  await page.waitForFunction(() => document.querySelector('skein-toast')?.shadowRoot?.textContent?.includes('Open the Skein sidebar'), { timeout: 10_000 });
  expect(modelServer.log.filter((l) => l.includes('huggingface.co'))).toEqual([]);
  const download = await page.$(`${article} skein-card`).then((card) => card!.$('>>> .download'));
  await download!.click();
  await cardStatus('done');
  const text = await page.$eval(`${article} skein-card`, (c) => c.shadowRoot!.querySelector('.text')!.textContent ?? '');
  expect(text.trim().length).toBeGreaterThan(0);
  // The notice's action opens the panel in a tab: the explanation and the selected words are there.
  const created = new Promise<Page>((resolve) => firefox.once('targetcreated', async (t: Target) => resolve((await t.page())!)));
  await (await page.$('skein-toast').then((toast) => toast!.$('>>> .action')))!.click();
  const panel = await created;
  await panel.waitForFunction(() => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done', { timeout: 20_000 });
  expect(await panel.$eval('[data-testid="thread-action"]', (e) => e.textContent)).toBe('Explain');
  expect(await panel.$eval('[data-testid="thread-selection"]', (e) => e.textContent)).toContain('4. Block it at the end. Fin.');
  expect(await panel.$eval('[data-testid="job-text"]', (e) => e.textContent)).toBe(text);
  expect(egress(modelServer.log).every((url) => url.startsWith('https://huggingface.co/Qwen/'))).toBe(true);
  expect(pageErrors).toEqual([]);
});
