import { test, expect } from './support/chromium';
import { chooseAction, downloadModel } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { TINY_SUMMARY } from './support/tiny';
import { againstModel, egress } from './support/egress';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** The first file web-llm fetches for the GPU model this adapter gets: the model's settings. */
const GPU_MODEL_SETTINGS =
  'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/mlc-chat-config.json';

test.use({
  // WebGPU on the CPU through SwiftShader: an adapter without shader-f16.
  extraArgs: ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'],
  // The user agrees to the GPU model's download too.
  alsoExpectedEgress: [GPU_MODEL_SETTINGS],
});

test(
  'with WebGPU, automatic picks web-llm (f32 on this adapter); unreachable model files give a clear error ' +
    'and the CPU engine takes over',
  async ({ context, serve, openPanel, modelServer, pageErrors, skeinRequests }) => {
    test.setTimeout(ENGINE_TEST);
    await serve([OWN_THREAD]);
    modelServer.failWith = 404; // the model host answers nothing useful
    const panel = await openPanel();
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await chooseAction(page, '1900000000000000010', 'Summarize thread');
    await expect(panel.getByTestId('job-needs-model')).toContainText('Qwen2.5 0.5B (f32)');
    await downloadModel(panel);

    const job = panel.getByTestId('job');
    await expect(job).toHaveAttribute('data-status', 'error', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toHaveText('Qwen2.5 0.5B (f32) · WebGPU');
    await expect(panel.getByTestId('job-error')).toContainText('could not be downloaded');
    await expect(panel.getByTestId('job-error')).toContainText('The CPU engine works without a GPU');
    // It asked for the GPU model's settings, exactly, and for nothing else; the answer ended it.
    expect(egress(modelServer.log)).toEqual([GPU_MODEL_SETTINGS]);
    expect(skeinRequests).toEqual([GPU_MODEL_SETTINGS]);

    modelServer.failWith = null;
    await panel.getByTestId('job-use-cpu').click();
    // Another model, another download: asked again.
    await downloadModel(panel);
    await expect(job).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toHaveText('Qwen2.5 0.5B Instruct · CPU');
    expect((await panel.getByTestId('job-output').innerText()).trim()).toBe(TINY_SUMMARY);
    // Then the CPU model's files, exactly, each of them.
    expect(againstModel(egress(modelServer.log), [GPU_MODEL_SETTINGS])).toEqual({ beyond: [], missing: [] });
    expect(pageErrors).toEqual([]);
  },
);
