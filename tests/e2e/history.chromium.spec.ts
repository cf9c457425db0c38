import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';
import { OWN_THREAD } from './support/pages';

test('history: past summaries listed live, searchable, reopened and deleted', async ({
  context,
  serve,
  setScript,
  openPanel,
}) => {
  await serve([OWN_THREAD]);
  await setScript({ reply: 'TL;DR: Swatch first, count twice [2].' });
  const panel = await openPanel();
  await panel.getByRole('tab', { name: 'History' }).click();
  await expect(panel.getByTestId('history-empty')).toContainText('Nothing here yet');

  const page = await context.newPage();
  await page.goto(OWN_THREAD.url);
  await chooseAction(page, '1900000000000000010', 'Summarize thread');

  // It appears without reloading the panel.
  await expect(panel.getByTestId('history-title')).toHaveText([
    '@yarn_fan: What is the best way to start a big knitting project?',
  ]);
  // The row shows the result's start, not only the post it came from.
  await expect(panel.getByTestId('history-preview')).toHaveText('TL;DR: Swatch first, count twice.');
  await panel.getByTestId('history-search').fill('count twice');
  await expect(panel.getByTestId('history-item')).toHaveCount(1);
  await panel.getByTestId('history-search').fill('crochet');
  await expect(panel.getByTestId('history-empty')).toHaveText('No past result matches.');
  await panel.getByTestId('history-search').fill('');
  await panel.getByTestId('history-title').click();
  await expect(panel.getByTestId('history-result').getByTestId('summary-tldr')).toHaveText(
    'Swatch first, count twice.[2]',
  );
  // Delete asks first; Keep (which takes the focus) leaves the result.
  await panel.getByRole('button', { name: /^Delete “@yarn_fan/ }).click();
  await expect(panel.getByTestId('history-delete-confirm')).toContainText('Delete this result? It cannot be undone.');
  await expect(panel.getByRole('button', { name: 'Keep' })).toBeFocused();
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('history-item')).toHaveCount(1);
  await panel.getByRole('button', { name: /^Delete “@yarn_fan/ }).click();
  await panel.getByTestId('history-delete-confirm').getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByTestId('history-empty')).toContainText('Nothing here yet');
});
