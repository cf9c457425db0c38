import { test, expect } from './support/chromium';
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
  setSettings,
  pageErrors,
}) => {
  await serve([await threadWithReplyBox()]);
  await setSettings({
    engine: 'scripted',
    scriptedReply: ['First draft.', 'Second draft.', 'Third draft.'].join(VARIANT_BREAK),
  });
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  const bar = page.locator('skein-reply-bar');
  const toggle = bar.getByRole('button', { name: /Draft with Skein/ });
  await toggle.focus();
  expect(await outline(toggle)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // Opening moves focus to the first choice.
  const tone = bar.getByLabel('Tone');
  await expect(tone).toBeFocused();
  expect(await outline(tone)).toBe(true);
  await page.keyboard.press('Tab');
  await expect(bar.getByLabel('Length')).toBeFocused();
  await page.keyboard.press('Tab');
  const instruction = bar.getByRole('textbox', { name: /say what you want/ });
  await expect(instruction).toBeFocused();
  await page.keyboard.type('thank them');
  // Typing in the bar is not taken by X's single-key shortcuts, and Enter drafts.
  await page.keyboard.press('Enter');
  await expect(bar).toHaveAttribute('data-status', 'done');
  await expect(bar.locator('.status')).toHaveAttribute('aria-live', 'polite');
  const insert = bar.getByRole('button', { name: 'Insert draft 2 into the reply box' });
  await insert.focus();
  expect(await outline(insert)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tweetButtonInline')).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { draftBlocks(): string[] }).draftBlocks())).toEqual([
    'Second draft.',
  ]);
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
