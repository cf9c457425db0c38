import type { Page } from '@playwright/test';
import { chromiumUi, test, expect } from './support/chromium';
import { BLUESKY_PAGES, REDDIT_PAGES, type ServedPage } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import { downloadModel } from './support/actions';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { TINY_SUMMARY_BLUESKY, TINY_SUMMARY_REDDIT } from './support/tiny';

const HOST = '[data-skein-post]';

/** The ids Skein's buttons carry, in page order. */
const buttonIds = (page: Page) => page.$$eval(HOST, (hosts) => hosts.map((h) => h.getAttribute('data-skein-post')));

/**
 * The ids of the Bluesky posts the page shows, read independently of Skein: each post's dated
 * permalink, or for the focused post (which has none) the page's own address.
 */
const blueskyIds = (page: Page) =>
  page.$$eval('[data-testid^="postThreadItem-by-"]', (items) =>
    items
      .filter((el) => !el.closest('[style*="display: none"]'))
      .map((el) => {
        const link = Array.from(el.querySelectorAll('a[data-tooltip][href*="/post/"]')).find(
          (a) => !a.closest('div[role="link"][aria-label^="Post by "]'),
        );
        return (link?.getAttribute('href') ?? location.pathname).split('/post/')[1]!.replace(/\/$/, '');
      }),
  );

/** Summarizes from the first post's button with the real CPU engine; returns the panel's text. */
async function summarizeWithCpu(page: Page, panel: Page, postId: string): Promise<{ output: string; posts: string }> {
  const host = chromiumUi(page).host(`[data-skein-post="${postId}"]`);
  await host.click('button.trigger');
  await host.click({ button: 'Summarize thread' });
  await downloadModel(panel);
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  return {
    output: (await panel.getByTestId('job-output').innerText()).trim(),
    posts: await panel.getByTestId('thread-count').innerText(),
  };
}

/** Adds a post the way a feed does as the user scrolls: a copy of the last one under a new id. */
async function appendCopy(page: Page, selector: string, rename: [string, string]): Promise<void> {
  await page.evaluate(
    ({ selector, rename }) => {
      const items = document.querySelectorAll(selector);
      const last = items[items.length - 1]!;
      const copy = new DOMParser().parseFromString(
        `<body>${last.outerHTML.replaceAll(rename[0], rename[1])}</body>`,
        'text/html',
      ).body.firstElementChild!;
      // The copy arrives without Skein's button (the page's own markup only).
      for (const host of copy.querySelectorAll('[data-skein-post]')) host.remove();
      last.after(document.importNode(copy, true));
    },
    { selector, rename },
  );
}

test.describe('Skein on Bluesky and Reddit (Chromium)', () => {
  test('Bluesky: one button per post of the real thread, and on a post that arrives later', async ({
    context,
    serve,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    await serve([BLUESKY_PAGES.thread]);
    const page = await context.newPage();
    await page.goto(BLUESKY_PAGES.thread.url);
    const ids = await blueskyIds(page);
    expect(ids).toHaveLength(52);
    await expect(page.locator(HOST)).toHaveCount(52);
    expect(await buttonIds(page)).toEqual(ids);
    const last = ids.at(-1)!;
    await appendCopy(page, '[data-testid^="postThreadItem-by-"]', [last, '3skeinlater1']);
    await expect(page.locator(HOST)).toHaveCount(53);
    expect((await buttonIds(page)).at(-1)).toBe('3skeinlater1');
    expect(await chromiumUi(page).count(HOST)).toBe(53);
    expect(pageErrors).toEqual([]);
  });

  for (const [name, served, expected] of [
    ['new Reddit', REDDIT_PAGES.thread, ['t3_1abc2de', 't1_kc1', 't1_kc2', 't1_kc3', 't1_kc4', 't1_kc6', 't1_kc7']],
    ['old Reddit', REDDIT_PAGES.oldThread, ['t3_1abc2de', 't1_kc1', 't1_kc2', 't1_kc5', 't1_kc6', 't1_kc7']],
  ] as [string, ServedPage, string[]][]) {
    test(`${name}: one button on the post and each comment with an action row, and on a later comment`, async ({
      context,
      serve,
      pageErrors,
    }) => {
      await serve([served]);
      const page = await context.newPage();
      await page.goto(served.url);
      await expect(page.locator(HOST)).toHaveCount(expected.length);
      expect(await buttonIds(page)).toEqual(expected);
      const comments =
        name === 'new Reddit' ? 'shreddit-comment[depth="0"]' : '.commentarea > .sitetable > .thing.comment';
      await appendCopy(page, comments, ['kc7', 'kc99']);
      await expect(page.locator(HOST)).toHaveCount(expected.length + 1);
      expect((await buttonIds(page)).at(-1)).toBe('t1_kc99');
      expect(pageErrors).toEqual([]);
    });
  }

  test.describe('summaries with the real CPU engine', () => {
    test.describe.configure({ timeout: ENGINE_TEST });

    test('a Bluesky thread: the tiny model’s summary, from Bluesky', async ({
      context,
      serve,
      openPanel,
      pageErrors,
    }) => {
      test.skip(!HAVE_SHARED, NO_SHARED_REASON);
      // A thread short enough to be read whole on any machine: on a long one, what is read
      // in time depends on the engine's measured speed, and so does the tiny model's text.
      await serve([BLUESKY_PAGES.pfrazee]);
      const panel = await openPanel();
      const page = await context.newPage();
      await page.goto(BLUESKY_PAGES.pfrazee.url);
      const { output, posts } = await summarizeWithCpu(page, panel, '3mbipks33ys2i');
      expect(posts).toBe('12 posts read from Bluesky');
      // The same text as in Firefox: greedy decoding of the same model on the same prompt.
      expect(output).toBe(TINY_SUMMARY_BLUESKY);
      expect(pageErrors).toEqual([]);
    });

    test('a Reddit thread: the post and its comments, the tiny model’s summary, from Reddit', async ({
      context,
      serve,
      openPanel,
      pageErrors,
    }) => {
      await serve([REDDIT_PAGES.thread]);
      const panel = await openPanel();
      const page = await context.newPage();
      await page.goto(REDDIT_PAGES.thread.url);
      const { output, posts } = await summarizeWithCpu(page, panel, 't3_1abc2de');
      // The ad is not part of the thread; the deleted comment is, as the page shows it.
      expect(posts).toBe('8 posts read from Reddit');
      expect(output).toBe(TINY_SUMMARY_REDDIT);
      expect(pageErrors).toEqual([]);
    });
  });
});
