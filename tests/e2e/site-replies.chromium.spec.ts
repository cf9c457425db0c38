import type { Page } from '@playwright/test';
import { chromiumUi, test, expect } from './support/chromium';
import { BLUESKY_PAGES, REDDIT_PAGES, type ServedPage, withEditor } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import type { EditorPage } from './draft/build';
import { VARIANT_BREAK } from '../../utils/llm/drafts';

/**
 * The reply bar in each site's own editor, in the built extension (Chromium): Bluesky's TipTap
 * composer, new Reddit's Lexical composer, old Reddit's reply form. The scripted engine gives
 * exact variants; the second is too long for Bluesky, whose 300 graphemes Skein keeps to.
 */
const LONG_SECOND =
  'Blocking opens the lace right up, and merino takes it well. ' +
  'Pin it out while damp and leave it overnight. '.repeat(8);
const VARIANTS = ['Lovely work!\n\nWhich yarn did you use?', LONG_SECOND.trim(), 'Saving this for my next shawl.'];

interface Site {
  name: string;
  served: ServedPage;
  entry: EditorPage;
  needsShared: boolean;
  /** Opens the site's reply box, as the user would; none when the page shows one already. */
  openBox?(page: Page): Promise<void>;
  /** The draft as the editor holds it, one line per paragraph. */
  held: string;
  /** How many posts the drafts read, as the panel says. */
  read: string;
}

const SITES: Site[] = [
  {
    name: 'Bluesky',
    served: BLUESKY_PAGES.pfrazee,
    entry: 'bluesky',
    needsShared: true,
    openBox: (page) =>
      page
        .locator('[data-testid^="postThreadItem-by-"]', { has: page.locator('[data-skein-post="3mbipks33ys2i"]') })
        .locator('[data-testid="replyBtn"]')
        .first()
        .click(),
    // ProseMirror keeps a pasted line per paragraph; blank lines go.
    held: 'Lovely work!\nWhich yarn did you use?',
    read: '12 posts read from Bluesky',
  },
  {
    name: 'new Reddit',
    served: REDDIT_PAGES.thread,
    entry: 'reddit',
    needsShared: false,
    held: VARIANTS[0]!,
    read: '8 posts read from Reddit',
  },
  {
    name: 'old Reddit',
    served: REDDIT_PAGES.oldThread,
    entry: 'reddit',
    needsShared: false,
    held: VARIANTS[0]!,
    read: '6 posts read from Reddit',
  },
];

for (const site of SITES) {
  test(`${site.name}: drafts go into the site’s own editor, which enables its button; nothing is posted`, async ({
    context,
    serve,
    setScript,
    openPanel,
    pageErrors,
  }) => {
    test.skip(site.needsShared && !HAVE_SHARED, NO_SHARED_REASON);
    await serve([await withEditor(site.served, site.entry)]);
    await setScript({ reply: VARIANTS.join(VARIANT_BREAK) });
    const page = await context.newPage();
    await page.goto(site.served.url);
    await site.openBox?.(page);
    const ui = chromiumUi(page);
    await expect.poll(() => ui.count('skein-reply-bar')).toBe(1);
    const bar = ui.host('skein-reply-bar');
    await bar.click({ button: /Draft with Skein/ });
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status')).toBe('done');
    const drafts = await bar.texts('.variants li p');
    expect(drafts[0]).toBe(VARIANTS[0]);
    expect(drafts[2]).toBe(VARIANTS[2]);
    if (site.name === 'Bluesky') {
      // Over 300 graphemes: cut at the last sentence that fits.
      expect(drafts[1]!.length).toBeLessThanOrEqual(300);
      expect(LONG_SECOND.startsWith(drafts[1]!)).toBe(true);
      expect(drafts[1]).toMatch(/overnight\.$/);
    } else {
      // Reddit takes 10,000 characters: the comment is whole.
      expect(drafts[1]).toBe(VARIANTS[1]);
    }

    expect(await page.evaluate(() => window.postEnabled())).toBe(site.name === 'old Reddit');
    await bar.click({ button: 'Insert draft 1 into the reply box' });
    await expect.poll(() => page.evaluate(() => window.editorText().trim())).toBe(site.held);
    expect(await page.evaluate(() => window.postEnabled())).toBe(true);
    // Another variant replaces the one Skein inserted.
    await bar.click({ button: 'Insert draft 3 into the reply box' });
    await expect.poll(() => page.evaluate(() => window.editorText().trim())).toBe(VARIANTS[2]);

    // The drafts answered the thread, read from the site.
    const panel = await openPanel();
    await expect(panel.getByTestId('thread-action')).toHaveText('Draft reply');
    await expect(panel.getByTestId('thread-count')).toHaveText(site.read);
    expect(await page.evaluate(() => window.replyClicks)).toBe(0);
    expect(pageErrors).toEqual([]);
  });
}
