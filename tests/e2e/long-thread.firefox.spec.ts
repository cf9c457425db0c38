/**
 * Firefox on a Reddit thread of 5,000 comments (the project's own markup): every comment gets
 * its button, and Summarize hands all 5,001 posts to the background, in parts, as the panel
 * shows. (The summary itself is left to the Chromium test: Firefox's CPU engine runs on the
 * background page's thread, which the panel shares; see the README.)
 */
import { expect, firefoxUi, newTabFrom, skeinErrors, test, waitUntil } from './support/firefox';
import { longRedditThread } from './support/pages';
import { UI_STEP, UI_TEST } from './support/limits';

/** How long 5,001 buttons may take to appear. */
const ALL_BUTTONS_MS = 30_000;

test('Firefox on a 5,000-comment Reddit thread: every button, and all 5,001 posts reach the panel', async ({
  firefox,
  openServed,
  pageErrors,
}) => {
  test.setTimeout(UI_TEST);
  const thread = await longRedditThread(5000);
  const page = await openServed([thread]);
  await page.goto(thread.url);
  await waitUntil(page, () => document.querySelectorAll('skein-post-button').length === 5001, ALL_BUTTONS_MS);
  const host = firefoxUi(firefox, page).host('[data-skein-post="t1_c2500"]');
  await host.click('button.trigger');
  await host.click({ button: 'Summarize thread' });
  await expect.poll(() => host.on<boolean>('.notice', 'return el.matches(":popover-open");')).toBe(true);
  const panel = await newTabFrom(firefox, () => host.click('.notice-action'), pageErrors);
  // Polled on a timer: animation frames stop whenever Firefox hides the tab.
  await panel.waitForFunction(
    () => document.querySelector('[data-testid="thread-count"]')?.textContent === '5,001 posts read from Reddit',
    { timeout: UI_STEP, polling: 250 },
  );
  // The panel lists the first posts only, and keeps answering (it shares the background's thread).
  expect(await panel.$eval('[data-testid="thread-posts-all"]', (e) => e.textContent)).toBe('List all 5,001 posts');
  expect(skeinErrors(pageErrors)).toEqual([]);
});
