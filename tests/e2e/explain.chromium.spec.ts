import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';
import { OWN_THREAD } from './support/pages';

test('Explain from the post menu: a card under the post streams the explanation, as text; the panel shows it too', async ({ context, serve, setSettings, openPanel, pageErrors }) => {
  await serve([OWN_THREAD]);
  await setSettings({ engine: 'scripted', scriptedReply: '“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>' });
  const page = await context.newPage();
  await page.goto(OWN_THREAD.url);
  const article = page.locator('article').filter({ has: page.locator('a[href="/skein_test/status/1900000000000000012"]') });
  await chooseAction(page, '1900000000000000012', 'Explain');

  const card = article.locator('skein-card');
  await expect(card).toHaveAttribute('data-status', 'done');
  await expect(card.locator('.text')).toHaveText('“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>');
  await expect(card.locator('b')).toHaveCount(0);
  await expect(card.getByRole('region', { name: 'Skein explains' })).toBeVisible();

  const panel = await openPanel();
  await expect(panel.getByTestId('thread-action')).toHaveText('Explain');
  await expect(panel.getByTestId('job-text')).toContainText('“Blocking” means wetting');

  await card.getByRole('button', { name: 'Close' }).click();
  await expect(article.locator('skein-card')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
