import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';

test('a slow engine reads the posts that matter in time, says which, and reads all at the user’s click', async ({
  openThread,
  openPanel,
  pageErrors,
}) => {
  // An engine reading one token a second: the 9-post thread is more than it reads in time.
  const panel = await openPanel();
  const page = await openThread({ reply: 'TL;DR: Swatch first [2].', prefillTps: 1 });
  await chooseAction(page, '1900000000000000010', 'Summarize thread');

  const job = panel.getByTestId('job');
  await expect(job).toHaveAttribute('data-status', 'done');
  const reading = panel.getByTestId('job-reading');
  await expect(reading).toContainText(
    /^Read [1-8] of 9 posts, to answer in time: the post you chose and what it answers/,
  );
  // Reading all 9 at that speed: about 5 minutes, said before the user asks for it.
  const readAll = panel.getByTestId('job-read-all');
  await expect(readAll).toHaveText(/^Read all 9 posts \(about \d+ min\)$/);
  const first = await job.getAttribute('data-job-id');
  await readAll.click();
  // A new job, which reads every post: nothing left to say about what was read.
  await expect(job).not.toHaveAttribute('data-job-id', first!);
  await expect(job).toHaveAttribute('data-status', 'done');
  await expect(panel.getByTestId('job-output')).toContainText('Swatch first');
  await expect(reading).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
