import { readFileSync } from 'node:fs';
import { test, expect } from './support/chromium';
import { chooseAction, downloadModel, postButton } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { DEFAULT_CPU_MODEL } from '../../utils/llm/models';

test.describe('options', () => {
  test('the interface language switches the options page, the side panel and the page’s buttons to French', async ({
    context,
    extensionId,
    serve,
    openPanel,
  }) => {
    await serve([OWN_THREAD]);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Skein options');
    await options.getByRole('radio', { name: 'Français' }).last().check();
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Options de Skein');
    await expect(options.getByTestId('privacy')).toContainText('y restent');
    const panel = await openPanel();
    await expect(panel.getByTestId('panel-empty')).toHaveText('Cliquez sur le bouton Skein d’un post pour commencer.');
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    const host = postButton(page, '1900000000000000010');
    await host.click('button.trigger');
    await expect
      .poll(() => host.texts('[role="menuitem"]:not([hidden])'))
      .toEqual(['Résumer le fil', 'Expliquer', 'Rédiger une réponse']);
    await options.screenshot({ path: 'test-results/screens/options-fr.png', fullPage: true });
  });

  test('choosing the GPU engine takes effect; without WebGPU the panel says so and offers the CPU engine', async ({
    context,
    extensionId,
    serve,
    openPanel,
  }) => {
    test.setTimeout(ENGINE_TEST);
    await serve([OWN_THREAD]);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    // No WebGPU in this browser: the page says so and offers no GPU model to download.
    await expect(options.getByTestId('options-gpu-none')).toHaveText(
      'This browser offers no WebGPU here: the GPU models cannot run.',
    );
    await expect(options.getByText('GPU model', { exact: true })).toHaveCount(0);
    await expect(options.getByTestId('model-download-webgpu')).toHaveCount(0);
    await options.getByRole('radio', { name: 'GPU (WebGPU, web-llm)' }).check();
    const panel = await openPanel();
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await chooseAction(page, '1900000000000000010', 'Summarize thread');
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'error', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toContainText('WebGPU');
    await expect(panel.getByTestId('job-use-cpu')).toBeVisible();
    await panel.getByTestId('job-use-cpu').click();
    await downloadModel(panel);
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    await expect(options.getByRole('radio', { name: 'CPU (works everywhere, slower)' })).toBeChecked();
  });

  test('history: export says when it is empty, exports kept results as JSON, and clears them', async ({
    openThread,
    context,
    extensionId,
    openPanel,
  }) => {
    const page = await openThread({ reply: 'TL;DR: Wool [2].' });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('export-history').click();
    await expect(options.getByTestId('data-status')).toHaveText('Nothing to export yet: the history is empty.');

    const panel = await openPanel();
    await chooseAction(page, '1900000000000000010', 'Summarize thread');
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done');

    const download = options.waitForEvent('download');
    await options.getByTestId('export-history').click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.results).toHaveLength(1);
    expect(exported.results[0]).toMatchObject({ action: 'summarize', text: 'TL;DR: Wool [2].', postCount: 9 });
    await expect(options.getByTestId('data-status')).toHaveText('Exported 1 result.');
    // Clearing asks first: Escape leaves the history as it is.
    await options.getByTestId('clear-history').click();
    await expect(options.getByTestId('clear-history-confirm')).toContainText('Delete every kept result?');
    await options.keyboard.press('Escape');
    await expect(options.getByTestId('clear-history')).toBeVisible();
    await expect(options.getByTestId('data-status')).toHaveText('Exported 1 result.');
    await options.getByTestId('clear-history').click();
    await options.getByRole('button', { name: 'Clear all' }).click();
    await expect(options.getByTestId('data-status')).toHaveText('Cleared 1 result.');
    await options.getByTestId('export-history').click();
    await expect(options.getByTestId('data-status')).toHaveText('Nothing to export yet: the history is empty.');
  });

  test(
    'the chosen CPU model downloads from the options page (the tiny model), shows it is on the device, and ' +
      'the first summary needs no download step',
    async ({ context, extensionId, serve, openPanel, modelServer }) => {
      test.setTimeout(ENGINE_TEST);
      await serve([OWN_THREAD]);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(
        options.getByRole('radio', { name: /^Qwen2\.5 0\.5B Instruct · \d+ MB download · not downloaded$/ }),
      ).toBeChecked();
      const cpu = options.getByTestId('model-download-cpu');
      await cpu.getByRole('button', { name: /^Download Qwen2\.5 0\.5B Instruct now \(\d+ MB\)$/ }).click();
      await expect(cpu).toHaveText('Qwen2.5 0.5B Instruct: on this device', { timeout: ENGINE_STEP });
      await expect(
        options.getByRole('radio', { name: /^Qwen2\.5 0\.5B Instruct · \d+ MB download · on this device$/ }),
      ).toBeVisible();
      expect(modelServer.log.some((l) => l.startsWith(`GET ${DEFAULT_CPU_MODEL.url}`))).toBe(true);

      const panel = await openPanel();
      const page = await context.newPage();
      await page.goto(OWN_THREAD.url);
      await chooseAction(page, '1900000000000000010', 'Summarize thread');
      await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
      await expect(panel.getByTestId('job-needs-model')).toHaveCount(0);
    },
  );
});
