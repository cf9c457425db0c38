import type { Page } from '@playwright/test';
import { test, expect } from './support/chromium';
import { chooseAction, FOCUSED_POST, firstShownPost, postButton } from './support/actions';
import { answer, OWN_THREAD, ownThreadBeforeLastReply, X_PAGES } from './support/pages';

const summarize = (page: Page) => chooseAction(page, FOCUSED_POST, 'Summarize thread');

test('What’s new: a new reply on a thread seen before is offered, read alone, then nothing new', async ({
  context,
  serve,
  setScript,
  openPanel,
  pageErrors,
}) => {
  await serve([OWN_THREAD]);
  await setScript({ reply: 'TL;DR: Swatch first [2].\nKey points:\n- Keep notes [3]' });
  const panel = await openPanel();
  const job = panel.getByTestId('job');
  const news = panel.getByTestId('thread-news');

  // First visit: the thread without its last reply. A first summary says nothing of news.
  const page = await context.newPage();
  await page.route(OWN_THREAD.url, (route) => route.fulfill(answer(OWN_THREAD.url, [ownThreadBeforeLastReply()])));
  await page.goto(OWN_THREAD.url);
  await summarize(page);
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(news).toHaveCount(0);

  // Back later: a new reply. Summarize offers what's new and starts nothing by itself.
  await page.unroute(OWN_THREAD.url);
  await page.reload();
  await setScript({ reply: 'TL;DR: @gauge_guru joined with a tip [9].' });
  await summarize(page);
  await expect(news).toContainText(/^1 post is new or edited since you saw this thread’s summary \(.+\)\./);
  await expect(job).toHaveCount(0);
  await panel.getByRole('button', { name: 'What’s new (1 new post)' }).click();
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(panel.getByTestId('summary-tldr')).toHaveText('@gauge_guru joined with a tip.[9]');
  await expect(news).toHaveCount(0);

  // Regenerate reads the same new post again, though it now counts as seen.
  await setScript({ reply: 'TL;DR: A tip from @gauge_guru [9].' });
  await panel.getByTestId('job-regenerate').click();
  await expect(panel.getByTestId('summary-tldr')).toHaveText('A tip from @gauge_guru.[9]');
  await expect(job).toHaveAttribute('data-action', 'whats-new');

  // The history lists it as what's new.
  await panel.getByRole('tab', { name: 'History' }).click();
  await expect(panel.getByTestId('history-item').first()).toContainText('What’s new');
  await panel.getByRole('tab', { name: 'This thread' }).click();

  // Nothing changed since: Summarize shows the summary (a whole one, the thread's posts are
  // not those of the first), and once kept, says since when nothing is new.
  await summarize(page);
  await expect(job).toHaveAttribute('data-status', 'done');
  await summarize(page);
  await expect(panel.getByTestId('job-status')).toContainText('saved earlier');
  await expect(news).toHaveText(/^Nothing new since .+\.$/);
  expect(pageErrors).toEqual([]);
});

test('What’s new from the post menu and from the popup, on a thread that grew twice', async ({
  context,
  serve,
  setScript,
  openPanel,
  openPopup,
  evalInTarget,
  pageErrors,
}) => {
  await serve([OWN_THREAD]);
  await setScript({ reply: 'TL;DR: Swatch first [2].' });
  const panel = await openPanel();
  const job = panel.getByTestId('job');
  const page = await context.newPage();
  const visit = async (missing: number) => {
    await page.unroute(OWN_THREAD.url);
    if (missing > 0)
      await page.route(OWN_THREAD.url, (route) =>
        route.fulfill(answer(OWN_THREAD.url, [ownThreadBeforeLastReply(missing)])),
      );
    await page.goto(OWN_THREAD.url);
  };
  const menuItems = async () => {
    const host = postButton(page, FOCUSED_POST);
    await host.click('button.trigger');
    return host;
  };

  // Seven posts summarized; the menu has no What's new while nothing changed.
  await visit(2);
  await summarize(page);
  await expect(job).toHaveAttribute('data-status', 'done');
  const before = await menuItems();
  await expect
    .poll(() => before.texts('[role="menuitem"]:not([hidden])'))
    .toEqual(['Summarize thread', 'Explain', 'Draft reply']);

  // One reply more: the menu offers What's new, which reads that reply alone.
  await visit(1);
  await setScript({ reply: 'TL;DR: A new reply [8].' });
  const host = await menuItems();
  await expect.poll(() => host.texts('[role="menuitem"]:not([hidden])')).toContain('What’s new (1 new post)');
  await host.click({ button: 'What’s new (1 new post)' });
  await expect(job).toHaveAttribute('data-action', 'whats-new');
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(panel.getByTestId('summary-tldr')).toHaveText('A new reply.[8]');

  // Another: the popup offers it next to Summarize this thread.
  await visit(0);
  await setScript({ reply: 'TL;DR: @gauge_guru joined [9].' });
  await page.bringToFront();
  await openPopup();
  const newsButton = 'document.querySelector("[data-testid=popup-whats-new]")';
  await expect
    .poll(() => evalInTarget('/popup.html', `${newsButton}?.textContent ?? null`))
    .toBe('What’s new (1 new post)');
  await evalInTarget('/popup.html', `${newsButton}.click(), true`);
  await expect(panel.getByTestId('summary-tldr')).toHaveText('@gauge_guru joined.[9]');
  await expect(job).toHaveAttribute('data-action', 'whats-new');
  await expect(panel.getByTestId('thread-action')).toHaveText('What’s new');
  expect(pageErrors).toEqual([]);
});

test('Catch me up on the home timeline: every post the first time, then those loaded since, then nothing new', async ({
  context,
  serve,
  setScript,
  openPanel,
  openPopup,
  evalInTarget,
  pageErrors,
}) => {
  await serve([X_PAGES.home]);
  await setScript({ reply: '## The launch\n- It went up [1]\n## The weather\n- Rain all day [2][3]' });
  const panel = await openPanel();
  const job = panel.getByTestId('job');
  const news = panel.getByTestId('catch-up-news');
  const page = await context.newPage();
  // The timeline as first seen: its last two cells not loaded yet.
  const visit = async (loaded: 'some' | 'all') => {
    await page.goto(X_PAGES.home.url);
    await expect(page.locator('skein-post-button').first()).toBeAttached();
    if (loaded === 'some')
      await page.evaluate(() => {
        const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]:has(article)')];
        for (const cell of cells.slice(-2)) cell.remove();
      });
  };
  const popupButton = 'document.querySelector("[data-testid=popup-catch-up]")';
  const fromPopup = async () => {
    await page.bringToFront();
    await openPopup();
    await expect.poll(() => evalInTarget('/popup.html', `${popupButton}?.textContent ?? null`)).toMatch(/^Catch me up/);
    const label = await evalInTarget('/popup.html', `${popupButton}.textContent`);
    await evalInTarget('/popup.html', `${popupButton}.click(), true`);
    return label as string;
  };

  // The first catch-up: every post on the page, by topic, with citations.
  await visit('some');
  const first = /^Catch me up \((\d+) new posts\)$/.exec(await fromPopup());
  const onPage = Number(first?.[1]);
  expect(onPage).toBeGreaterThan(5);
  await expect(job).toHaveAttribute('data-action', 'catch-up');
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(panel.getByTestId('thread-action')).toHaveText('Catch-up');
  await expect(news).toHaveText(`Your first catch-up here: the ${onPage} posts on the page.`);
  await expect(panel.getByTestId('topic').locator('h3')).toHaveText(['The launch', 'The weather']);
  await expect(panel.getByTestId('citation')).toHaveCount(3);
  // The README's picture: the panel at a side panel's width.
  const size = panel.viewportSize();
  await panel.setViewportSize({ width: 420, height: 360 });
  await panel.screenshot({ path: 'test-results/screens/catch-up.png' });
  if (size) await panel.setViewportSize(size);

  // Later, the two cells loaded: the post menu offers those alone, and the panel says since when.
  await visit('all');
  const host = postButton(page, await firstShownPost(page));
  await host.click('button.trigger');
  await expect.poll(() => host.texts('[role="menuitem"]:not([hidden])')).toContain('Catch me up (2 new posts)');
  await setScript({ reply: '## Football\n- A late goal [2]' });
  await host.click({ button: 'Catch me up (2 new posts)' });
  await expect(news).toHaveText(
    new RegExp(`^2 posts loaded since your last catch-up \\(.+\\), of ${onPage + 2} on the page\\.$`),
  );
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(panel.getByTestId('thread-count')).toHaveText('2 posts read from X');
  await expect(panel.getByTestId('topic').locator('h3')).toHaveText(['Football']);

  // Nothing loaded since: no job, and the panel says so.
  await fromPopup();
  await expect(news).toHaveText(/^Nothing new since your last catch-up \(.+\): every post on the page was in it\.$/);
  await expect(job).toHaveCount(0);

  // The history lists both catch-ups, and shows one by topic.
  await panel.getByRole('tab', { name: 'History' }).click();
  await expect(panel.getByTestId('history-item').filter({ hasText: 'Catch-up' })).toHaveCount(2);
  expect(pageErrors).toEqual([]);
});
