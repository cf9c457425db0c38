import { test, expect } from './support/chromium';
import { OWN_THREAD } from './support/pages';

test.describe('the toolbar popup', () => {
  test('on a site Skein does not read it says where it works; it shows the engine and opens the options', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('popup-unsupported')).toHaveText('Skein works on X (x.com). Open a post there to summarize it.');
    await expect(popup.getByTestId('popup-engine')).toHaveText('Automatic · Qwen2.5 0.5B Instruct');
    const options = context.waitForEvent('page');
    await popup.getByTestId('popup-options').click();
    expect((await options).url()).toBe(`chrome-extension://${extensionId}/options.html`);
  });

  test('on an X thread, Summarize this thread opens the side panel with the page’s thread', async ({ context, serve, setSettings, evalInTarget, sidePanelText, openPanel }) => {
    await serve([OWN_THREAD]);
    await setSettings({ engine: 'scripted', scriptedReply: 'TL;DR: Swatch first [2].' });
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await page.bringToFront();
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
    await expect.poll(() => evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]")?.textContent ?? null')).toBe('Summarize this thread');
    await evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]").click(), true');
    await expect.poll(sidePanelText).toContain('Swatch first.');
    const panel = await openPanel();
    await expect(panel.getByTestId('thread-count')).toHaveText('9 post(s) read from X');
    await expect(panel.getByTestId('summary-tldr')).toHaveText('Swatch first.[2]');
  });
});
