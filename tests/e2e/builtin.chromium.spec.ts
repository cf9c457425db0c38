import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Settings } from '../../utils/settings-schema';
import { test, expect } from './support/chromium';
import { chooseAction, downloadModel, FOCUSED_POST } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import type { FakeBuiltinConfig } from '../../utils/llm/fake-language-model';

/*
 * Chrome's built-in model cannot run on the machines these tests run on: a fake LanguageModel
 * that follows the API's documented shapes stands in for it (utils/llm/fake-language-model.ts).
 * The test build installs it in the engine's page, the panel and the options page, before
 * Skein's own scripts there use the API. The real model was never run in these tests.
 */

test.describe('Chrome’s built-in model', () => {
  test.beforeEach(async ({ serve }) => {
    await serve([OWN_THREAD]);
  });

  /** Stands the fake in for Chrome's model in every Skein page that opens from now on. */
  const fakeBuiltin = async (worker: Worker, config: FakeBuiltinConfig) =>
    worker.evaluate(
      (value: FakeBuiltinConfig) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }
        ).chrome.storage.local.set({ testBuiltin: value }),
      config,
    );

  /** Chrome's model chosen before Chrome has it: a summary asked, the panel at its download step. */
  const untilNeedsModel = async (
    fixtures: {
      context: BrowserContext;
      serviceWorker(): Promise<Worker>;
      setSettings(s: Partial<Settings>): Promise<void>;
      openPanel(): Promise<Page>;
    },
    more: Partial<FakeBuiltinConfig>,
  ): Promise<Page> => {
    await fakeBuiltin(await fixtures.serviceWorker(), {
      availability: 'downloadable',
      reply: 'TL;DR: Swatch first [2].',
      ...more,
    });
    await fixtures.setSettings({ engine: 'builtin' });
    const panel = await fixtures.openPanel();
    const page = await fixtures.context.newPage();
    await page.goto(OWN_THREAD.url);
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'needs-model');
    return panel;
  };

  test('Automatic prefers it when Chrome has it ready: the summary streams from it, nothing is downloaded', async ({
    context,
    extensionId,
    serviceWorker,
    openPanel,
    pageErrors,
  }) => {
    await fakeBuiltin(await serviceWorker(), {
      availability: 'available',
      reply: 'TL;DR: Swatch first [2].\nKey points:\n- Keep notes [3]',
      delayMs: 20,
    });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('options-builtin')).toHaveText(
      'Chrome’s built-in model is ready on this device: Automatic uses it.',
    );
    const panel = await openPanel();
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    const job = panel.getByTestId('job');
    await expect(job).toHaveAttribute('data-status', 'done');
    await expect(panel.getByTestId('job-model')).toHaveText(/Chrome’s built-in model/);
    await expect(panel.getByTestId('summary-tldr')).toHaveText('Swatch first.[2]');
    await expect(panel.getByTestId('job-passed-over')).toHaveCount(0);
    await panel.getByTestId('job').screenshot({ path: 'test-results/screens/builtin.png' });
    expect(pageErrors).toEqual([]);
  });

  test('chosen before Chrome has it: the panel asks Chrome at the click, shows progress, then summarizes', async ({
    context,
    serviceWorker,
    setSettings,
    openPanel,
  }) => {
    // Slow enough steps for the progress to show between them.
    const panel = await untilNeedsModel({ context, serviceWorker, setSettings, openPanel }, { delayMs: 400 });
    const job = panel.getByTestId('job');
    await expect(panel.getByTestId('job-needs-model')).toContainText('Chrome has not downloaded its built-in model');
    await panel.getByRole('button', { name: 'Ask Chrome to download it' }).click();
    await expect(panel.getByTestId('builtin-progress')).toHaveText(/^Chrome is downloading its model: (0|50|100)%$/);
    await expect(panel.getByTestId('summary-tldr')).toHaveText('Swatch first.[2]');
    await expect(job).toHaveAttribute('data-status', 'done');
  });

  test('a download Chrome refuses says why, and the thread and the button stay', async ({
    context,
    serviceWorker,
    setSettings,
    openPanel,
  }) => {
    const panel = await untilNeedsModel(
      { context, serviceWorker, setSettings, openPanel },
      { refuseDownload: 'Not enough disk space.' },
    );
    await panel.getByRole('button', { name: 'Ask Chrome to download it' }).click();
    await expect(panel.getByTestId('builtin-failed')).toHaveText(
      'Chrome did not download its model: Not enough disk space.',
    );
    await expect(panel.getByTestId('job-download')).toBeVisible();
    await expect(panel.getByTestId('thread-posts')).toBeAttached();
  });

  test('not in the user’s language: Automatic uses the CPU engine and says why', async ({
    context,
    serviceWorker,
    setSettings,
    openPanel,
  }) => {
    test.setTimeout(ENGINE_TEST);
    await fakeBuiltin(await serviceWorker(), { availability: 'available', reply: 'never', languages: ['en'] });
    await setSettings({ outputLanguage: 'fr' });
    const panel = await openPanel();
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    await downloadModel(panel);
    const job = panel.getByTestId('job');
    await expect(job).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toHaveText(/CPU/);
    await expect(panel.getByTestId('job-passed-over')).toHaveText(
      'Chrome’s built-in model does not write your language, so Qwen2.5 0.5B Instruct answered.',
    );
    expect((await panel.getByTestId('job-output').innerText()).trim()).not.toBe('');
  });
});
