import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from './support/env';
import { draftPageHtml, type EditorPage } from './draft/build';
import { html, REDDIT_PAGES } from './support/pages';
import { BLUESKY_REPLY_HOOKS } from '../../utils/sites/bluesky/reply-box';
import { MASTODON_REPLY_HOOKS } from '../../utils/sites/mastodon/reply-box';
import { REDDIT_REPLY_HOOKS } from '../../utils/sites/reddit/reply-box';

/**
 * Skein's insertion for each site against that site's real editor library, in Chromium:
 * Bluesky's TipTap (ProseMirror), new Reddit's Lexical, old Reddit's textarea and Mastodon's
 * React-controlled textarea. Each page is served at an address of its site, where the content
 * script runs. The built extension's bar uses the same insertion (tests/e2e/sites.*.spec.ts).
 */
interface Editor {
  name: string;
  url: string;
  entry: EditorPage;
  /** The editor's element, as the site's hooks find it. */
  selector: string;
  around?: () => string;
  /** What the editor's own state holds after a two-paragraph draft. */
  paragraphs: string;
}

const DRAFT = 'Thanks for the thread!\n\nWhich needles did you use?';

const EDITORS: Editor[] = [
  {
    name: 'Bluesky (TipTap on ProseMirror)',
    url: 'https://bsky.app/profile/skein-test.bsky.social/post/3skeintest1',
    entry: 'bluesky',
    selector: BLUESKY_REPLY_HOOKS.editorSelector,
    // ProseMirror reads pasted plain text as one paragraph per line; blank lines go.
    paragraphs: 'Thanks for the thread!\nWhich needles did you use?',
  },
  {
    name: 'new Reddit (Lexical)',
    url: REDDIT_PAGES.thread.url,
    entry: 'reddit',
    selector: REDDIT_REPLY_HOOKS.editorSelector,
    paragraphs: DRAFT,
  },
  {
    name: 'old Reddit (textarea)',
    url: REDDIT_PAGES.oldThread.url,
    entry: 'reddit',
    selector: REDDIT_REPLY_HOOKS.editorSelector,
    around: () => html(REDDIT_PAGES.oldThread.file),
    paragraphs: DRAFT,
  },
  {
    name: 'Mastodon (React textarea)',
    url: 'https://knit-test.example/home',
    entry: 'mastodon',
    selector: MASTODON_REPLY_HOOKS.editorSelector,
    paragraphs: DRAFT,
  },
];

let browser: Browser;
test.beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
});
test.afterAll(() => browser.close());

async function open(editor: Editor): Promise<{ page: Page; errors: string[] }> {
  const body = await draftPageHtml(editor.around?.(), editor.entry);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (r) =>
    r.request().url() === editor.url ? r.fulfill({ contentType: 'text/html', body }) : r.fulfill({ status: 204 }),
  );
  await page.goto(editor.url);
  await expect.poll(() => page.evaluate(() => typeof window.skeinInsert)).toBe('function');
  return { page, errors };
}

const insert = (page: Page, text: string, mode: 'insert' | 'replace' = 'insert') =>
  page.evaluate(([text, mode]) => window.skeinInsert(text!, mode as 'insert'), [text, mode]);
const held = (page: Page) => page.evaluate(() => window.editorText().trim());
const enabled = (page: Page) => page.evaluate(() => window.postEnabled());

for (const editor of EDITORS) {
  test.describe(editor.name, () => {
    test('a draft lands in the editor’s own state, the site enables its button, and typing goes on', async () => {
      const { page, errors } = await open(editor);
      expect(await enabled(page)).toBe(editor.entry === 'reddit' && !!editor.around);
      expect(await insert(page, DRAFT)).toBe(true);
      await expect.poll(() => held(page)).toBe(editor.paragraphs);
      expect(await enabled(page)).toBe(true);
      // The editor is in sync: the user's next keys follow the draft.
      await page.keyboard.type(' Cheers');
      await expect.poll(() => held(page)).toBe(`${editor.paragraphs} Cheers`);
      expect(await page.evaluate(() => window.replyClicks)).toBe(0);
      expect(errors).toEqual([]);
    });

    test('insert adds to the user’s words; replace swaps everything for the new draft', async () => {
      const { page } = await open(editor);
      await page.locator(editor.selector).click();
      await page.keyboard.type('My own words.');
      await insert(page, ' Added.');
      await expect.poll(() => held(page)).toBe('My own words. Added.');
      await insert(page, 'A fresh draft.', 'replace');
      await expect.poll(() => held(page)).toBe('A fresh draft.');
    });
  });
}
