import { test, expect } from './support/chromium';
import { join } from 'node:path';
import { OWN_THREAD } from './support/pages';
import { OWN_FIXTURES } from './support/env';
import type { Page } from '@playwright/test';
import { downloadModel } from './support/actions';
import { TINY_SUMMARY } from './support/tiny';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** Opens `url` in a tab, then the popup over it, and clicks its Summarize this thread. */
async function summarizeFromPopup(
  page: Page,
  url: string,
  fixtures: { openPopup(): Promise<unknown>; evalInTarget(path: string, js: string): Promise<unknown> },
) {
  await page.goto(url);
  await page.bringToFront();
  await fixtures.openPopup();
  await expect
    .poll(() =>
      fixtures.evalInTarget(
        '/popup.html',
        'document.querySelector("[data-testid=popup-summarize]")?.textContent ?? null',
      ),
    )
    .toBe('Summarize this thread');
  await fixtures.evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]").click(), true');
}

test.describe('the toolbar popup', () => {
  test('on a site Skein does not read it says where it works; it shows the engine and opens the options', async ({
    context,
    extensionId,
  }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('popup-unsupported')).toHaveText(
      'Skein works on X, Bluesky, and Reddit. Open a post there to summarize it.',
    );
    await expect(popup.getByTestId('popup-engine')).toHaveText('Automatic · Qwen2.5 0.5B Instruct');
    await expect(popup.getByTestId('popup-model')).toHaveText(
      /^Model: Qwen2\.5 0\.5B Instruct · Not downloaded yet \(\d+ MB\)$/,
    );
    const options = context.waitForEvent('page');
    await popup.getByTestId('popup-options').click();
    expect((await options).url()).toBe(`chrome-extension://${extensionId}/options.html`);
  });

  test('on an X thread, Summarize this thread opens the side panel with the page’s thread', async ({
    context,
    serve,
    setScript,
    evalInTarget,
    sidePanelText,
    openPanel,
    openPopup,
  }) => {
    await serve([OWN_THREAD]);
    await setScript({ reply: 'TL;DR: Swatch first [2].' });
    await summarizeFromPopup(await context.newPage(), OWN_THREAD.url, { openPopup, evalInTarget });
    await expect.poll(sidePanelText).toContain('Swatch first.');
    const panel = await openPanel();
    await expect(panel.getByTestId('thread-count')).toHaveText('9 posts read from X');
    await expect(panel.getByTestId('summary-tldr')).toHaveText('Swatch first.[2]');
  });

  test('on an X page Skein cannot read, the panel says why (the popup closes when the panel opens)', async ({
    context,
    serve,
    evalInTarget,
    sidePanelText,
    openPanel,
    openPopup,
  }) => {
    // X's loading screen: an X page with no posts yet.
    const loading = {
      url: 'https://x.com/skein_test/status/1900000000000000099',
      file: join(OWN_FIXTURES, 'x/loading.html'),
    };
    await serve([loading]);
    await summarizeFromPopup(await context.newPage(), loading.url, { openPopup, evalInTarget });
    await expect.poll(sidePanelText).toContain('Skein could not read this page');
    const panel = await openPanel();
    await expect(panel.getByTestId('panel-notice')).toContainText('Skein could not read this page');
    await expect(panel.getByTestId('panel-empty')).toHaveCount(0);
  });

  test(
    'with the CPU engine: the popup starts the summary, the panel asks to download the model, and the popup ' +
      'then shows it on the device',
    async ({ openThread, context, evalInTarget, openPanel, extensionId, openPopup }) => {
      test.setTimeout(ENGINE_TEST);
      const page = await openThread();
      await page.bringToFront();
      await openPopup();
      await expect
        .poll(() =>
          evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-model]")?.textContent ?? null'),
        )
        .toMatch(/Not downloaded yet/);
      await evalInTarget('/popup.html', 'document.querySelector("[data-testid=popup-summarize]").click(), true');
      const panel = await openPanel();
      await downloadModel(panel);
      await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
      expect((await panel.getByTestId('job-output').innerText()).trim()).toBe(TINY_SUMMARY);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(popup.getByTestId('popup-model')).toHaveText('Model: Qwen2.5 0.5B Instruct · On this device');
    },
  );
});
