import { statSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/chromium';
import { chooseAction, FOCUSED_POST } from './support/actions';
import { threadWithReplyBox } from './support/pages';
import { VARIANT_BREAK } from '../../utils/llm/drafts';

/**
 * What a user sees, in light and dark: the popup, the side panel, an explanation card, the
 * reply bar and the options page, saved under test-results/screens (not committed;
 * `npm run screens` copies the README's few into tests/screens). Each also checks its surface
 * rendered what it should, so a blank screenshot fails.
 */
const SUMMARY = 'TL;DR: Swatch first, count twice, block at the end [2][4].\nKey points:\n- Swatch before a big project [2]\n- Keep notes as you go [3]\nWho says what:\n- @tricot_fr: always starts with a swatch [8]\n- @gauge_guru: swatching is a useful lie [9]';
const EXPLAIN = '“Blocking” means wetting the finished piece and pinning it to its final shape [4]. The posts do not say which pins to use.';
const DRAFTS = ['Great thread! Blocking changed everything for my last shawl.', 'How long do you leave a piece pinned when you block it?', 'Saving this for my next big project. Thanks!'];

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of every surface (${theme})`, async ({ context, serve, setSettings, openPanel, extensionId, pageErrors, evalInTarget, sendToTarget, openPopup }) => {
    const shot = (name: string) => `test-results/screens/${name}-${theme}.png`;
    await serve([await threadWithReplyBox()]);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    // X's "Lights out" theme paints the page black; Skein's inline UI follows X's theme.
    if (theme === 'dark') await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { document.body.style.cssText = 'background-color: rgb(0, 0, 0); color: rgb(231, 233, 234)'; }));
    await page.goto('https://x.com/skein_test/status/1900000000000000010');

    await setSettings({ engine: 'scripted', scriptedReply: SUMMARY });
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    const panel = await openPanel();
    await panel.emulateMedia({ colorScheme: theme });
    await panel.setViewportSize({ width: 400, height: 820 });
    await expect(panel.getByTestId('summary-tldr')).toContainText('Swatch first');
    await panel.screenshot({ path: shot('side-panel') });

    await setSettings({ engine: 'scripted', scriptedReply: EXPLAIN });
    await page.bringToFront();
    await chooseAction(page, '1900000000000000012', 'Explain');
    const article = page.locator('article').filter({ has: page.locator('a[href="/skein_test/status/1900000000000000012"]') });
    await expect(article.locator('skein-card')).toHaveAttribute('data-status', 'done');
    await expect(article.locator('skein-card')).toHaveAttribute('data-theme', theme === 'dark' ? 'dark' : 'light');
    await article.screenshot({ path: shot('inline-card') });

    await setSettings({ engine: 'scripted', scriptedReply: DRAFTS.join(VARIANT_BREAK) });
    const bar = page.locator('skein-reply-bar');
    await bar.getByRole('button', { name: /Draft with Skein/ }).click();
    await bar.getByRole('button', { name: 'Draft', exact: true }).click();
    await expect(bar).toHaveAttribute('data-status', 'done');
    await expect(bar.locator('.variants li p')).toHaveText(DRAFTS);
    await page.getByTestId('inline_reply_offscreen').screenshot({ path: shot('reply-bar') });

    // The options as a user has them (the tests' scripted engine is not one of its choices).
    await setSettings({});
    // Chrome's real popup over the X thread (read over the DevTools protocol: no tab shows it).
    await page.bringToFront();
    await openPopup();
    await expect.poll(() => evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]")?.textContent ?? null')).toBe('Summarize this thread');
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
