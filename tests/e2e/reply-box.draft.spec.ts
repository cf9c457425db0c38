import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from './support/env';
import { draftPageHtml } from './draft/build';

/**
 * Skein's reply-box helper against the real Draft.js editor in X's reply-box markup, in
 * Chromium. The page is served as x.com, where the helper will run.
 */
let browser: Browser;
let html: string;
const URL = 'https://x.com/skein_test/status/1900000000000000010';

test.beforeAll(async () => {
  html = await draftPageHtml();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
});
test.afterAll(() => browser.close());

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (r) =>
    r.request().url() === URL ? r.fulfill({ contentType: 'text/html', body: html }) : r.fulfill({ status: 204 }),
  );
  await page.goto(URL);
  await expect(page.getByTestId('tweetTextarea_0')).toBeVisible();
  return { page, errors };
}

const insert = (page: Page, text: string, mode: 'insert' | 'replace' = 'insert') =>
  page.evaluate(
    ([text, mode]) => {
      const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
      return window.skeinReplyBox.insertIntoReplyBox(editor, text!, mode as 'insert');
    },
    [text, mode],
  );

test('a draft with paragraphs lands in Draft.js, and X’s Reply button enables', async () => {
  const { page, errors } = await open();
  const post = page.getByTestId('tweetButtonInline');
  await expect(post).toHaveAttribute('aria-disabled', 'true');
  const draft = 'Thanks for the thread!\n\nOne question: how big was your swatch?\nAnd which needles?';
  expect(await insert(page, draft)).toBe(true);
  // Draft.js's own state holds every line, blank paragraph included.
  expect(await page.evaluate(() => window.draftBlocks())).toEqual(draft.split('\n'));
  await expect(post).toHaveAttribute('aria-disabled', 'false');
  await expect(post).toBeEnabled();
  expect(
    await page.evaluate(() =>
      window.skeinReplyBox.isPostEnabled(document.querySelector('[data-testid="tweetTextarea_0"]')!),
    ),
  ).toBe(true);
  // The text is on screen as Draft.js rendered it.
  await expect(page.getByTestId('tweetTextarea_0')).toContainText('One question: how big was your swatch?');
  // The user can keep typing after it: the editor is in sync.
  await page.keyboard.type(' Cheers');
  expect((await page.evaluate(() => window.draftBlocks())).at(-1)).toBe('And which needles? Cheers');
  expect(errors).toEqual([]);
});

test('insert adds to what the user wrote; replace swaps it for the new draft', async () => {
  const { page } = await open();
  await page.getByTestId('tweetTextarea_0').click();
  await page.keyboard.type('My own words.');
  await insert(page, ' Added.');
  expect(await page.evaluate(() => window.draftBlocks())).toEqual(['My own words. Added.']);
  await insert(page, 'A fresh draft.\n\nSecond paragraph.', 'replace');
  expect(await page.evaluate(() => window.draftBlocks())).toEqual(['A fresh draft.', '', 'Second paragraph.']);
});

test('reports failure where no editor takes the paste', async () => {
  const { page } = await open();
  const handled = await page.evaluate(() => {
    const div = document.createElement('div');
    div.contentEditable = 'true';
    document.body.append(div);
    return window.skeinReplyBox.insertIntoReplyBox(div, 'hello');
  });
  expect(handled).toBe(false);
  await expect(page.getByTestId('tweetButtonInline')).toHaveAttribute('aria-disabled', 'true');
});
