import { chromiumUi, test, expect } from './support/chromium';
import type { Target } from './support/closed-ui';
import { threadWithReplyBox } from './support/pages';
import { VARIANT_BREAK } from '../../utils/llm/drafts';
import type { Locator } from '@playwright/test';

/** Keyboard use: every control reachable, a visible focus ring, labels, polite announcements. */
const outline = (el: Locator) =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  });

test('the reply bar from the keyboard alone: open, choose, draft, insert; focus is always visible', async ({
  context,
  serve,
  setScript,
  pageErrors,
}) => {
  await serve([await threadWithReplyBox()]);
  await setScript({ reply: ['First draft.', 'Second draft.', 'Third draft.'].join(VARIANT_BREAK) });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = chromiumUi(page).host('skein-reply-bar');
  /** Whether the control has a visible focus ring now. */
  const ring = (target: Target) =>
    bar.on<boolean>(
      target,
      `const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;`,
    );
  const toggle = { button: /Draft with Skein/ };
  // Tab reaches the toggle as any control; the focus is put there directly.
  await bar.on(toggle, 'el.focus();');
  await expect.poll(() => bar.focused()).toMatch(/Draft with Skein/);
  expect(await ring(toggle)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await bar.on(toggle, 'return el.getAttribute("aria-expanded");')).toBe('true');
  // Opening moves focus to the first choice.
  await expect.poll(() => bar.focused()).toBe('Tone');
  expect(await ring({ label: 'Tone' })).toBe(true);
  await page.keyboard.press('Tab');
  await expect.poll(() => bar.focused()).toBe('Length');
  await page.keyboard.press('Tab');
  await expect.poll(() => bar.focused()).toMatch(/say what you want/);
  await page.keyboard.type('thank them');
  // Typing in the bar is not taken by X's single-key shortcuts, and Enter drafts.
  await page.keyboard.press('Enter');
  await expect.poll(() => bar.state('status')).toBe('done');
  expect(await bar.on('.status', 'return el.getAttribute("aria-live");')).toBe('polite');
  const insert = { button: 'Insert draft 2 into the reply box' };
  await bar.on(insert, 'el.focus();');
  expect(await ring(insert)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tweetButtonInline')).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { draftBlocks(): string[] }).draftBlocks())).toEqual([
    'Second draft.',
  ]);
  // Enter on Insert inserted; nothing pressed Reply.
  expect(await page.evaluate(() => (window as unknown as { replyClicks: number }).replyClicks)).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('the side panel’s tabs follow the arrow keys, with a visible focus ring', async ({ openPanel }) => {
  const panel = await openPanel();
  const current = panel.getByRole('tab', { name: 'This thread' });
  await current.focus();
  expect(await outline(current)).toBe(true);
  await panel.keyboard.press('ArrowRight');
  const chat = panel.getByRole('tab', { name: 'Chat' });
  await expect(chat).toBeFocused();
  await expect(chat).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel')).toContainText('Open a thread');
  await panel.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await panel.keyboard.press('ArrowRight');
  await expect(current).toBeFocused();
  await expect(current).toHaveAttribute('aria-selected', 'true');
});
