import { chromiumUi, test, expect } from './support/chromium';
import { inPost } from './support/actions';
import type { Page } from '@playwright/test';

/** Explain from a text selection: the button by the selection, a card under the post, the panel. */
const post = (page: Page, id: string) =>
  page.locator('article').filter({ has: page.locator(`a[href="/skein_test/status/${id}"]`) });

/** Selects a post's text the way a reader does: a triple click on it. */
async function selectText(page: Page, id: string) {
  const text = post(page, id).getByTestId('tweetText');
  await text.scrollIntoViewIfNeeded();
  await text.click({ clickCount: 3 });
}

test('select words, click Explain by the selection: the card explains them, the panel shows the selection', async ({
  openThread,
  pageErrors,
  sidePanelText,
}) => {
  const page = await openThread({ reply: 'To “block” is to wet the piece and pin it to shape [4].' });
  await selectText(page, '1900000000000000012');
  const ui = chromiumUi(page);
  await ui.host('skein-selection-button').click({ button: 'Explain the selected words with Skein' });

  const card = ui.host(inPost('1900000000000000012', 'skein-card'));
  await expect.poll(() => card.state('status')).toBe('done');
  expect(await card.text('.text')).toBe('To “block” is to wet the piece and pin it to shape [4].');
  // The click opened Chrome's side panel, showing the selected words.
  await expect.poll(sidePanelText).toContain('4. Block it at the end. Fin.');
  expect(await sidePanelText()).toContain('Explain');
  // A click elsewhere clears the selection, and the button goes.
  await page.mouse.click(5, 5);
  await expect(page.locator('skein-selection-button')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('a selection too long is trimmed, with a notice; the panel shows what was sent', async ({
  openThread,
  openPanel,
  pageErrors,
}) => {
  const page = await openThread({ reply: 'It lists project tips [2].' });
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`)
    .join(' ')
    .repeat(2);
  await post(page, '1900000000000000012')
    .getByTestId('tweetText')
    .evaluate((el, text) => (el.firstElementChild!.textContent = text), long);
  await selectText(page, '1900000000000000012');
  const ui = chromiumUi(page);
  await ui.host('skein-selection-button').click('button');
  await expect
    .poll(() => ui.host('skein-toast').text())
    .toMatch(/The selection was long: Skein explains its first \d+ characters\./);
  const panel = await openPanel();
  const sent = (await panel.getByTestId('thread-selection').innerText()).replace(/^Selected words:\s*/, '');
  expect(sent.length).toBeLessThanOrEqual(501);
  expect(sent.endsWith('…')).toBe(true);
  expect(long.startsWith(sent.slice(0, -1).trim())).toBe(true);
  expect(pageErrors).toEqual([]);
});
