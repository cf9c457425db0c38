import type { Page } from 'puppeteer-core';
import {
  test,
  expect,
  FOCUSED_BUTTON,
  firefoxUi,
  summarizeToPanel,
  waitForButtons,
  waitUntil,
} from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD, ownThreadBeforeLastReply } from './support/pages';

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
