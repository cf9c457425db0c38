import { chromiumUi, test, expect } from './support/chromium';
import { OWN_THREAD, X_PAGES, html, postIdsOf } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';

const BUTTON = 'skein-post-button';

/** The posts on the page, in order (the unit tests check each button's own post id). */
const pagePostIds = (page: import('@playwright/test').Page) => page.$$eval('article[data-testid="tweet"]', postIdsOf);
/** The posts Skein's buttons sit in, in order. */
const buttonIds = (page: import('@playwright/test').Page) => page.$$eval(BUTTON, postIdsOf);

test.describe('Skein’s button on X', () => {
  test('one button per post on the real home timeline, in each post’s action bar', async ({
    context,
    serve,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    await serve([X_PAGES.home]);
    const page = await context.newPage();
    await page.goto(X_PAGES.home.url);
    await expect(page.locator(BUTTON)).toHaveCount(20);
    expect(await buttonIds(page)).toEqual(await pagePostIds(page));
    // Each host names its post, as the page-snapshot contract asks: other tools count by it.
    expect(await page.$$eval(BUTTON, (hosts) => hosts.map((h) => h.getAttribute('data-skein-post')))).toEqual(
      await pagePostIds(page),
    );
    // Each host sits in the post's own action bar, next to X's own buttons.
    const inBars = await page.$$eval(BUTTON, (hosts) =>
      hosts.every(
        (h) => h.parentElement?.matches('div[role="group"]') && h.parentElement.querySelector('[data-testid="reply"]'),
      ),
    );
    expect(inBars).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('posts scrolled in later get exactly one button; handled posts are left alone', async ({
    context,
    serve,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    await serve([X_PAGES.home]);
    const page = await context.newPage();
    await page.goto(X_PAGES.home.url);
    await expect(page.locator(BUTTON)).toHaveCount(20);
    // Mark the existing buttons: a re-processed post would lose the mark.
    await page.$$eval(BUTTON, (hosts) => hosts.forEach((h) => ((h as unknown as { mark: number }).mark = 1)));
    // X appends cells as the user scrolls: copy real cells under new ids, a few batches.
    for (let batch = 0; batch < 3; batch++) {
      await page.evaluate((batch) => {
        const cells = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]'))
          .filter((c) => c.querySelector('article'))
          .slice(0, 5);
        const list = cells[0]!.parentElement!;
        cells.forEach((c, i) => {
          const copy = c.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('skein-post-button').forEach((b) => b.remove());
          copy
            .querySelectorAll('a[href*="/status/"]')
            .forEach((a) =>
              a.setAttribute('href', a.getAttribute('href')!.replace(/status\/\d+/, `status/77${batch}${i}`)),
            );
          list.append(copy);
        });
        window.scrollTo(0, document.body.scrollHeight);
      }, batch);
      await expect(page.locator(BUTTON)).toHaveCount(20 + 5 * (batch + 1));
    }
    expect(await buttonIds(page)).toEqual(await pagePostIds(page));
    expect(
      await page.$$eval(BUTTON, (hosts) => hosts.filter((h) => (h as unknown as { mark?: number }).mark).length),
    ).toBe(20);
    // X virtualises: cells scrolled far away are removed, and their buttons with them.
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid="cellInnerDiv"]').forEach((c, i) => i < 8 && c.remove()),
    );
    await expect.poll(async () => (await buttonIds(page)).join()).toBe((await pagePostIds(page)).join());
    expect(pageErrors).toEqual([]);
  });

  test('in-app navigation: the new page’s posts get buttons, nothing is left behind', async ({
    context,
    serve,
    pageErrors,
  }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    await serve([X_PAGES.home, OWN_THREAD]);
    const page = await context.newPage();
    await page.goto(X_PAGES.home.url);
    await expect(page.locator(BUTTON)).toHaveCount(20);
    // X swaps the page's content and pushes the URL, without loading a page.
    const next = html(OWN_THREAD.file);
    await page.evaluate(
      ([markup, url]) => {
        const doc = new DOMParser().parseFromString(markup!, 'text/html');
        history.pushState({}, '', url);
        document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.adoptNode(n)));
      },
      [next, OWN_THREAD.url],
    );
    await expect(page.locator(BUTTON)).toHaveCount(7);
    expect(await buttonIds(page)).toEqual(await pagePostIds(page));
    // And back: the timeline again, one button each.
    const home = html(X_PAGES.home.file);
    await page.evaluate(
      ([markup, url]) => {
        const doc = new DOMParser().parseFromString(markup!, 'text/html');
        history.pushState({}, '', url);
        document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.adoptNode(n)));
      },
      [home, X_PAGES.home.url],
    );
    await expect(page.locator(BUTTON)).toHaveCount(20);
    expect(pageErrors).toEqual([]);
  });

  test('the button sits in X’s light, dim and dark themes, and its menu works from the keyboard', async ({
    openThread,
  }) => {
    const page = await openThread();
    const host = chromiumUi(page).host(BUTTON, 1);
    await expect.poll(() => host.state('theme')).toBe('light');
    for (const [bg, theme] of [
      ['rgb(21, 32, 43)', 'dim'],
      ['rgb(0, 0, 0)', 'dark'],
    ] as const) {
      await page.evaluate((bg) => (document.body.style.backgroundColor = bg), bg);
      // The next scan (any change on the page) picks the theme up.
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await expect.poll(() => host.state('theme')).toBe(theme);
    }
    await host.on('button.trigger', 'el.focus();');
    await page.keyboard.press('Enter');
    await expect.poll(() => host.visible('[role="menu"]')).toBe(true);
    await expect.poll(() => host.focused()).toBe('Summarize thread');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => host.focused()).toBe('Explain');
    await page.keyboard.press('Escape');
    await expect.poll(() => host.visible('[role="menu"]')).toBe(false);
    await expect.poll(() => host.focused()).toBe('Skein: ask about this post');
    await page.screenshot({
      path: 'test-results/screens/post-button-dark.png',
      clip: { x: 0, y: 0, width: 900, height: 500 },
    });
  });
});
