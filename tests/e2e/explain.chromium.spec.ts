import { chromiumUi, test, expect } from './support/chromium';
import { chooseAction, firstShownPost, inPost, postSelector } from './support/actions';
import { X_PAGES } from './support/pages';
import type { Locator } from '@playwright/test';

test('Explain from the post menu: a card under the post streams it, as text; the panel shows it too', async ({
  openThread,
  openPanel,
  pageErrors,
}) => {
  const page = await openThread({
    reply: '“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>',
  });
  await chooseAction(page, '1900000000000000012', 'Explain');

  const card = chromiumUi(page).host(inPost('1900000000000000012', 'skein-card'));
  await expect.poll(() => card.state('status')).toBe('done');
  expect(await card.text('.text')).toBe(
    '“Blocking” means wetting the finished piece and pinning it to shape [4]. <b>not bold</b>',
  );
  expect(await card.count('b')).toBe(0);
  expect(await card.visible('[role="region"][aria-label="Skein explains"]')).toBe(true);

  const panel = await openPanel();
  await expect(panel.getByTestId('thread-action')).toHaveText('Explain');
  await expect(panel.getByTestId('job-text')).toContainText('“Blocking” means wetting');

  await card.click({ button: 'Close' });
  await expect(page.locator(inPost('1900000000000000012', 'skein-card'))).toHaveCount(0);
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
  test(`on ${name} in X's styles, the card lies under the post's text, as wide at least, narrowing nothing`, async ({
    context,
    serve,
    setScript,
    pageErrors,
  }) => {
    await serve([served]);
    await setScript({
      reply:
        'Context: a long enough explanation to wrap over several lines if the card were squeezed into a narrow ' +
        'column beside the post [1].',
    });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(served.url);
    await expect(page.locator('skein-post-button').first()).toBeAttached();
    const postId = await firstShownPost(page);
    const article = page.locator(postSelector(postId)).first();
    const before = await boxes(article);
    await chooseAction(page, postId, 'Explain');
    await expect.poll(() => chromiumUi(page).host(inPost(postId, 'skein-card')).state('status')).toBe('done');
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
