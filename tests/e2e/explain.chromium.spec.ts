import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';
import { OWN_THREAD, X_PAGES } from './support/pages';
import type { Locator } from '@playwright/test';

test('Explain from the post menu: a card under the post streams the explanation, as text; the panel shows it too', async ({
  context,
  serve,
  setSettings,
  openPanel,
  pageErrors,
}) => {
  await serve([OWN_THREAD]);
  await setSettings({
    engine: 'scripted',
    scriptedReply: '“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>',
  });
  const page = await context.newPage();
  await page.goto(OWN_THREAD.url);
  const article = page
    .locator('article')
    .filter({ has: page.locator('a[href="/skein_test/status/1900000000000000012"]') });
  await chooseAction(page, '1900000000000000012', 'Explain');

  const card = article.locator('skein-card');
  await expect(card).toHaveAttribute('data-status', 'done');
  await expect(card.locator('.text')).toHaveText(
    '“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>',
  );
  await expect(card.locator('b')).toHaveCount(0);
  await expect(card.getByRole('region', { name: 'Skein explains' })).toBeVisible();

  const panel = await openPanel();
  await expect(panel.getByTestId('thread-action')).toHaveText('Explain');
  await expect(panel.getByTestId('job-text')).toContainText('“Blocking” means wetting');

  await card.getByRole('button', { name: 'Close' }).click();
  await expect(article.locator('skein-card')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

/** The post's own text box and the card's, on the page as laid out. */
async function boxes(article: Locator) {
  const text = article.locator('[data-testid="tweetText"]').first();
  const card = article.locator('skein-card');
  return {
    text: (await text.boundingBox())!,
    card: (await card.count()) ? await card.boundingBox() : null,
    article: (await article.boundingBox())!,
  };
}

for (const [name, served] of [
  ['a status page', X_PAGES.statusText],
  ['the home timeline', X_PAGES.home],
] as const) {
  test(`on ${name} in X's own styles, the card lies under the post's text, at least as wide, and narrows nothing`, async ({
    context,
    serve,
    setSettings,
    pageErrors,
  }) => {
    await serve([served]);
    await setSettings({
      engine: 'scripted',
      scriptedReply:
        'Context: a long enough explanation to wrap over several lines if the card were squeezed into a narrow ' +
        'column beside the post [1].',
    });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(served.url);
    const host = page.locator('skein-post-button').filter({ visible: true }).first();
    await expect(host).toBeAttached();
    const postId = (await host.getAttribute('data-skein-post'))!;
    const article = page
      .locator('article')
      .filter({ has: page.locator(`skein-post-button[data-skein-post="${postId}"]`) })
      .first();
    const before = await boxes(article);
    await chooseAction(page, postId, 'Explain');
    await expect(article.locator('skein-card')).toHaveAttribute('data-status', 'done');
    const after = await boxes(article);
    // X's own columns keep their width: the text is as wide as before, the post too.
    expect(after.text.width).toBeCloseTo(before.text.width, 0);
    expect(after.article.width).toBeCloseTo(before.article.width, 0);
    // The card is under the text, not beside it, and at least as wide.
    expect(after.card!.y).toBeGreaterThanOrEqual(after.text.y + after.text.height - 1);
    expect(after.card!.width).toBeGreaterThanOrEqual(after.text.width - 1);
    expect(after.card!.x).toBeLessThanOrEqual(after.text.x + 1);
    expect(pageErrors).toEqual([]);
  });
}
