import type { Page } from '@playwright/test';
import { test, expect } from './support/chromium';
import { chooseAction, FOCUSED_POST } from './support/actions';
import { answer, OWN_THREAD, ownThreadBeforeLastReply } from './support/pages';

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
