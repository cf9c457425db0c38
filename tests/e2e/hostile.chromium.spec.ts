import { test, expect } from './support/chromium';
import { chooseAction } from './support/actions';
import { threadWithReplyBox } from './support/pages';

/**
 * The page's own scripts try to drive Skein: they find every Skein control on the page and
 * click it (`click()`, as any script on x.com could). Nothing happens: no job, no panel, no
 * request for the model.
 */
test('a page script clicking every Skein control starts nothing and downloads nothing', async ({
  context,
  serve,
  modelServer,
  sidePanelText,
  pageErrors,
}) => {
  await serve([await threadWithReplyBox()]);
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');
  await expect(page.locator('skein-reply-bar')).toHaveCount(1);
  // The user asks for an explanation once: the card offers the model download (CPU engine, no model yet).
  await chooseAction(page, '1900000000000000012', 'Explain');
  const card = page.locator('skein-card');
  await expect(card.getByRole('button', { name: /Download/ })).toBeVisible();
  const before = modelServer.log.length;

  // In the page's own world, as X's scripts or a third party's would.
  const clicked = await page.evaluate(async () => {
    let count = 0;
    const roots = Array.from(
      document.querySelectorAll('skein-post-button, skein-reply-bar, skein-card, skein-toast, skein-selection-button'),
    )
      .map((host) => host.shadowRoot)
      .filter((root): root is ShadowRoot => root != null);
    for (const root of roots) {
      for (const control of Array.from(root.querySelectorAll<HTMLElement>('button, [role="menuitem"]'))) {
        control.click();
        control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        count++;
      }
    }
    return count;
  });
  expect(clicked).toBeGreaterThan(20);
  // What the clicks would have done at once: the bar opened, the menu open, the card moved on.
  await expect(page.locator('skein-reply-bar').getByLabel('Tone')).toBeHidden();
  await expect(page.locator('skein-post-button').getByRole('menu')).toHaveCount(0);
  await expect(card.getByRole('button', { name: /Download/ })).toBeVisible();
  // No job reached a surface, and the model was not asked for.
  // The panel still shows the user's explanation: the menu's Summarize and Draft went nowhere.
  expect(await sidePanelText()).toContain('Explain');
  expect(await sidePanelText()).not.toMatch(/Summarize thread|Draft reply/);
  await expect(page.locator('skein-reply-bar .variants li')).toHaveCount(0);
  expect(modelServer.log.slice(before).filter((l) => l.includes('huggingface.co'))).toEqual([]);
  // The user's own click still works.
  await page
    .locator('skein-reply-bar')
    .getByRole('button', { name: /Draft with Skein/ })
    .click();
  await expect(page.locator('skein-reply-bar').getByLabel('Tone')).toBeFocused();
  expect(pageErrors).toEqual([]);
});
