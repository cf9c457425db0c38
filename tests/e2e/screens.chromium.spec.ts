import { statSync, writeFileSync } from 'node:fs';
import { chromiumUi, test, expect } from './support/chromium';
import { chooseAction, firstShownPost, inPost, postSelector } from './support/actions';
import { OWN_THREAD, X_PAGES } from './support/pages';
import { VARIANT_BREAK } from '../../utils/llm/drafts';

/**
 * What a user sees, in light and dark, on real X layouts: the popup, the side panel, an
 * explanation card, the reply bar and the options page, saved under test-results/screens (not committed;
 * `npm run screens` copies the README's few into tests/screens). Each also checks its surface
 * rendered what it should, so a blank screenshot fails.
 */
const SUMMARY =
  'TL;DR: Swatch first, count twice, block at the end [2][4].\nKey points:\n- Swatch before a big project ' +
  '[2]\n- Keep notes as you go [3]\nWho says what:\n- @tricot_fr: always starts with a swatch [8]\n- ' +
  '@gauge_guru: swatching is a useful lie [9]';
const EXPLAIN =
  '“Blocking” means wetting the finished piece and pinning it to its final shape [4]. The posts do not say which ' +
  'pins to use.';
const DRAFTS = [
  'Great thread! Blocking changed everything for my last shawl.',
  'How long do you leave a piece pinned when you block it?',
  'Saving this for my next big project. Thanks!',
];

// Real X layouts in X's own styles: the saved article page is in X's light theme, the status
// and home pages in its dark ("Lights out") theme. Skein's inline UI follows the page's theme.
// The home timeline's cells are placed by X's scripts, which saved pages lack: a card there
// would overlap the next cell in a picture, so its card is shown on a status page.
const PAGES = {
  light: { post: X_PAGES.article, box: X_PAGES.article },
  dark: { post: X_PAGES.statusText, box: X_PAGES.home },
} as const;

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of every surface (${theme})`, async ({
    context,
    serve,
    setSettings,
    setScript,
    openPanel,
    extensionId,
    pageErrors,
    evalInTarget,
    sendToTarget,
    openPopup,
  }) => {
    const shot = (name: string) => `test-results/screens/${name}-${theme}.png`;
    const served = PAGES[theme];
    await serve([OWN_THREAD, served.post, served.box]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    // The summary of the project's own 9-post thread (the saved real threads are one post long).
    await page.goto(OWN_THREAD.url);
    await setScript({ reply: SUMMARY });
    await chooseAction(page, '1900000000000000010', 'Summarize thread');
    const panel = await openPanel();
    await panel.emulateMedia({ colorScheme: theme });
    await panel.setViewportSize({ width: 400, height: 820 });
    await expect(panel.getByTestId('summary-tldr')).toContainText('Swatch first');
    await panel.screenshot({ path: shot('side-panel') });

    await setScript({ reply: EXPLAIN });
    await page.bringToFront();
    await page.goto(served.post.url);
    await expect(page.locator('skein-post-button').first()).toBeAttached();
    const postId = await firstShownPost(page);
    await chooseAction(page, postId, 'Explain');
    const article = page.locator(postSelector(postId)).first();
    const inCard = chromiumUi(page).host(inPost(postId, 'skein-card'));
    await expect.poll(() => inCard.state('status')).toBe('done');
    expect(await inCard.state('theme')).toBe(theme);
    await article.locator('skein-card').scrollIntoViewIfNeeded();
    // The card and the post's action bar above it (the saved pages' own pictures lack X's files).
    const card = (await article.locator('skein-card').boundingBox())!;
    const post = (await article.boundingBox())!;
    await page.screenshot({
      path: shot('inline-card'),
      clip: { x: post.x, y: card.y - 56, width: post.width, height: card.height + 68 },
    });

    await setScript({ reply: DRAFTS.join(VARIANT_BREAK) });
    if (served.box !== served.post) await page.goto(served.box.url);
    const bar = chromiumUi(page).host('skein-reply-bar');
    await bar.click({ button: /Draft with Skein/ });
    // The home composer writes a new post: it needs to be told what about.
    if (theme === 'dark') await bar.fill({ label: 'What is the post about?' }, 'blocking a shawl');
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status')).toBe('done');
    await expect.poll(() => bar.texts('.variants li p')).toEqual(DRAFTS);
    // The site's box and Skein's bar under it.
    const editor = (await page.locator('[data-testid="tweetTextarea_0"]').boundingBox())!;
    const under = (await page.locator('skein-reply-bar').boundingBox())!;
    const x = Math.min(editor.x, under.x) - 16;
    await page.screenshot({
      path: shot('reply-bar'),
      clip: {
        x,
        y: editor.y - 16,
        width: Math.max(editor.x + editor.width, under.x + under.width) - x + 16,
        height: under.y + under.height - editor.y + 32,
      },
    });

    // The options as a user has them (the tests' scripted engine is not one of its choices).
    await setSettings({});
    // Chrome's real popup over the X thread (read over the DevTools protocol: no tab shows it);
    // over a timeline (the dark run's home composer) it would offer Catch me up instead.
    await page.goto(OWN_THREAD.url);
    await page.bringToFront();
    await openPopup();
    await expect
      .poll(() =>
        evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]")?.textContent ?? null'),
      )
      .toBe('Summarize this thread');
    const png = await sendToTarget(
      '/popup.html',
      ['Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: theme }] }],
      ['Page.captureScreenshot', { format: 'png' }],
    );
    writeFileSync(shot('popup'), Buffer.from(String(png?.data ?? ''), 'base64'));
    expect(statSync(shot('popup')).size).toBeGreaterThan(1000);

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: theme });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('privacy')).toBeVisible();
    await options.screenshot({ path: shot('options'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
}
