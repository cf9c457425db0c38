import type { Page } from 'puppeteer-core';
import {
  test,
  expect,
  FOCUSED_BUTTON,
  firefoxUi,
  newTabFrom,
  summarizeToPanel,
  waitForButtons,
  waitUntil,
} from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD, ownThreadBeforeLastReply, X_PAGES } from './support/pages';

/** The text of an element of the panel, by test id ('' when there is none). */
const textOf = (page: Page, id: string) =>
  page.evaluate((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? '', id);

/** Waits for the panel's job to be done. */
const done = (panel: Page) =>
  waitUntil(
    panel,
    () => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done',
    ENGINE_STEP,
  );

test('Firefox: back on a thread with a new reply, the panel offers what’s new, and the CPU engine writes it', async ({
  firefox,
  openServed,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  // The pages the tab is served, changed in place: first the thread before its last reply.
  const pages = [ownThreadBeforeLastReply()];
  const thread = await openServed(pages);
  await thread.goto(OWN_THREAD.url);
  const { panel } = await summarizeToPanel(firefox, thread, pageErrors, { button: FOCUSED_BUTTON, buttons: 6 });
  await waitUntil(panel, () => !!document.querySelector('[data-testid="job-download"]'), ENGINE_STEP);
  await panel.locator('[data-testid="job-download"]').click();
  await done(panel);
  expect(await textOf(panel, 'thread-news')).toBe('');

  // The reply is there now: Summarize offers what's new, and starts nothing by itself.
  pages[0] = OWN_THREAD;
  await thread.bringToFront();
  await thread.reload();
  await waitForButtons(thread, 7);
  const button = firefoxUi(firefox, thread).host(FOCUSED_BUTTON);
  await button.click('button.trigger');
  await button.click({ button: 'Summarize thread' });
  await panel.bringToFront();
  await waitUntil(panel, () => !!document.querySelector('[data-testid="news-whats-new"]'), ENGINE_STEP);
  expect(await textOf(panel, 'thread-news')).toMatch(/^1 post is new or edited since you saw this thread’s summary/);
  expect(await textOf(panel, 'job')).toBe('');
  await panel.locator('[data-testid="news-whats-new"]').click();
  await done(panel);
  expect(await textOf(panel, 'thread-action')).toBe('Summarize thread');
  expect((await textOf(panel, 'job-output')).trim().length).toBeGreaterThan(0);
  expect(await textOf(panel, 'thread-news')).toBe('');
  expect(pageErrors).toEqual([]);
});

test('Firefox: Catch me up on the home timeline from a post’s menu, then only the posts loaded since', async ({
  firefox,
  openServed,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  const home = await openServed([X_PAGES.home]);
  const visit = async (loaded: 'some' | 'all') => {
    await home.goto(X_PAGES.home.url);
    await waitUntil(home, () => document.querySelectorAll('skein-post-button').length > 5, ENGINE_STEP);
    // The timeline as first seen: its last two cells not loaded yet.
    if (loaded === 'some')
      await home.evaluate(() => {
        const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]:has(article)')];
        for (const cell of cells.slice(-2)) cell.remove();
      });
  };
  /** Opens the first post's menu and waits for its Catch me up item; returns its label. */
  const menu = async () => {
    const shown = await home.$$eval('skein-post-button', (all) => all.findIndex((h) => h.getClientRects().length));
    const host = firefoxUi(firefox, home).host('skein-post-button', shown);
    await host.click('button.trigger');
    await expect
      .poll(() => host.texts('[role="menuitem"]:not([hidden])'))
      .toContainEqual(expect.stringMatching(/^Catch me up \(/));
    const label = (await host.texts('[role="menuitem"]:not([hidden])')).find((t) => t.startsWith('Catch me up'))!;
    return { host, label };
  };

  await visit('some');
  const first = await menu();
  const onPage = Number(/\((\d+) new posts\)/.exec(first.label)?.[1]);
  expect(onPage).toBeGreaterThan(5);
  await first.host.click({ button: first.label });
  await expect.poll(() => first.host.on<boolean>('.notice', 'return el.matches(":popover-open");')).toBe(true);
  const panel = await newTabFrom(firefox, () => first.host.click('.notice-action'), pageErrors);
  await waitUntil(panel, () => !!document.querySelector('[data-testid="job-download"]'), ENGINE_STEP);
  await panel.locator('[data-testid="job-download"]').click();
  await done(panel);
  expect(await textOf(panel, 'thread-action')).toBe('Catch-up');
  expect(await textOf(panel, 'catch-up-news')).toBe(`Your first catch-up here: the ${onPage} posts on the page.`);
  expect((await textOf(panel, 'job-output')).trim().length).toBeGreaterThan(0);

  // The two cells loaded: the menu offers those alone; the CPU engine, loaded now, reads them.
  await home.bringToFront();
  await visit('all');
  const again = await menu();
  expect(again.label).toBe('Catch me up (2 new posts)');
  await again.host.click({ button: again.label });
  await panel.bringToFront();
  await waitUntil(
    panel,
    () => /^2 posts loaded since/.test(document.querySelector('[data-testid="catch-up-news"]')?.textContent ?? ''),
    ENGINE_STEP,
  );
  await done(panel);
  expect(await textOf(panel, 'catch-up-news')).toMatch(new RegExp(`, of ${onPage + 2} on the page\\.$`));
  expect(await textOf(panel, 'thread-count')).toBe('2 posts read from X');
  expect(pageErrors).toEqual([]);
});
