import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';
import { X_PAGES } from './support/pages';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';

test.describe('from a post to the side panel', () => {
  test('Summarize on a conversation opens the side panel with the whole thread, read exactly', async ({
    openThread,
    pageErrors,
    sidePanelText,
    openPanel,
  }) => {
    const page = await openThread();
    expect(await sidePanelText()).toBeNull();
    const host = await chooseAction(page, '1900000000000000010', 'Summarize thread');

    // Chrome's own side panel opened, showing what the page sent.
    await expect.poll(sidePanelText).toContain('9 posts read from X');
    const shown = (await sidePanelText())!;
    expect(shown).toContain('Summarize thread');
    expect(shown).toMatch(/posts read from the page/i);
    // No notice in the page: the panel did open.
    expect(await host.visible('.notice')).toBe(false);

    // The same panel page, opened as a tab, lists the posts in order with their details.
    const panel = await openPanel();
    const posts = panel.getByTestId('post');
    await expect(posts).toHaveCount(9);
    await expect(panel.getByTestId('post-handle')).toHaveText([
      '@yarn_fan',
      '@skein_test',
      '@skein_test',
      '@skein_test',
      '@purl_one',
      '@tricot_fr',
      '@gauge_guru',
    ]);
    await expect(posts.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(posts.nth(1).getByTestId('post-time')).toHaveAttribute('datetime', '2026-03-01T09:05:00.000Z');
    await expect(posts.nth(6).getByTestId('post-text')).toHaveText(
      'Merci pour ce fil ! Je commence toujours par un échantillon.',
    );
    await panel.screenshot({ path: 'test-results/screens/side-panel-thread.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  test('Explain on a timeline post sends that post alone', async ({ context, serve, openPanel, pageErrors }) => {
    test.skip(!HAVE_SHARED, NO_SHARED_REASON);
    await serve([X_PAGES.profile]);
    const page = await context.newPage();
    await page.goto(X_PAGES.profile.url);
    await chooseAction(page, '1982150084708987222', 'Explain');
    const panel = await openPanel();
    await expect(panel.getByTestId('thread-action')).toHaveText('Explain');
    await expect(panel.getByTestId('post')).toHaveCount(2); // the post and the post it quotes
    await expect(panel.getByTestId('post-handle')).toHaveText(['@badlogicgames', '@mehulmpt']);
    await expect(panel.getByTestId('post-text').first()).toContainText(
      'https://en.wikipedia.org/wiki/Google_Developers#Google_Code',
    );
    expect(pageErrors).toEqual([]);
  });

  test('page text is shown as text, never run as markup', async ({ openThread, openPanel, pageErrors }) => {
    const page = await openThread();
    // A post whose text and name look like markup.
    await page.evaluate(() => {
      const text = document.querySelectorAll('[data-testid="tweetText"]')[4]!;
      text.textContent = '<img src=x onerror="document.title=1"><b>bold</b>';
      document.querySelectorAll('[data-testid="User-Name"] [dir="ltr"] span span')[4]!.textContent =
        '<script>alert(1)</script>';
    });
    await chooseAction(page, '1900000000000000020', 'Draft reply');
    const panel = await openPanel();
    const card = panel.locator('[data-post-id="1900000000000000020"]');
    await expect(card.getByTestId('post-text')).toHaveText('<img src=x onerror="document.title=1"><b>bold</b>');
    await expect(card.getByTestId('post-author')).toHaveText('<script>alert(1)</script>');
    await expect(panel.locator('main img, main b, main script')).toHaveCount(0);
    expect(await panel.title()).toBe('Skein');
    expect(pageErrors).toEqual([]);
  });

  test('the panel is empty until a page sends something', async ({ openPanel }) => {
    const panel = await openPanel();
    await expect(panel.getByTestId('panel-empty')).toHaveText('Click Skein’s button on a post to start.');
  });
});
