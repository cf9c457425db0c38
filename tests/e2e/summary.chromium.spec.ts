import { test, expect } from './support/chromium';
import { chooseAction, downloadModel, FOCUSED_POST } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { againstModel, egress } from './support/egress';
import { DEFAULT_CPU_MODEL } from '../../utils/llm/models';
import { PROMPT_VERSION } from '../../utils/llm/prompts';
import type { BrowserContext, Page } from '@playwright/test';

import { TINY_SUMMARY } from './support/tiny';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** Records every state the panel's job goes through, from before it starts. */
async function recordJob(panel: Page) {
  await panel.evaluate(() => {
    const w = window as unknown as { jobLog: { status: string; length: number }[] };
    w.jobLog = [];
    new MutationObserver(() => {
      const job = document.querySelector('[data-testid="job"]');
      if (!job) return;
      const entry = {
        status: job.getAttribute('data-status') ?? '',
        length: job.querySelector('[data-testid="job-output"]')?.textContent?.length ?? 0,
      };
      const last = w.jobLog.at(-1);
      if (!last || last.status !== entry.status || last.length !== entry.length) w.jobLog.push(entry);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => panel.evaluate(() => (window as unknown as { jobLog: { status: string; length: number }[] }).jobLog);
}

const summarize = (page: Page) => chooseAction(page, FOCUSED_POST, 'Summarize thread');

/** Opens the panel and the thread, asks for a summary and agrees to the model download. */
async function summarizeFirstTime(context: BrowserContext, openPanel: () => Promise<Page>): Promise<Page> {
  const panel = await openPanel();
  const page = await context.newPage();
  await page.goto(OWN_THREAD.url);
  await summarize(page);
  await downloadModel(panel);
  return panel;
}

/** Waits for the panel's job to end as `status`. */
const jobEnds = (panel: Page, status: 'done' | 'error') =>
  expect(panel.getByTestId('job')).toHaveAttribute('data-status', status, { timeout: ENGINE_STEP });

/** Try again, and the tiny model's exact summary comes out. */
async function retryGivesTheSummary(panel: Page): Promise<void> {
  await panel.getByTestId('job-retry').click();
  await jobEnds(panel, 'done');
  expect((await panel.getByTestId('job-output').innerText()).trim()).toBe(TINY_SUMMARY);
}

/** The records in the extension's IndexedDB, read from one of its pages. */
const storedResults = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<
        { key: string; action: string; modelId: string; postCount: number; text: string; postIds: (string | null)[] }[]
      >((resolve, reject) => {
        const open = indexedDB.open('skein');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('results').objectStore('results').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );

test.describe('thread summaries in Chromium', () => {
  // All but the last run the real CPU engine, some of them twice.
  test.describe.configure({ timeout: ENGINE_TEST });

  test('the CPU engine summarizes with the tiny model: streamed, kept, shown again at once', async ({
    context,
    serve,
    openPanel,
    modelServer,
    requests,
    extensionId,
    pageErrors,
    skeinRequests,
  }) => {
    await serve([OWN_THREAD]);
    const panel = await openPanel();
    const jobLog = await recordJob(panel);
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await summarize(page);

    // First the user's choice to download the model: nothing was fetched before it.
    const job = panel.getByTestId('job');
    await expect(job).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-needs-model')).toContainText(`Download ${DEFAULT_CPU_MODEL.label} (`);
    await expect(panel.getByTestId('job-error')).toHaveCount(0);
    // Nothing reached the network, and Skein's own contexts asked for nothing on any channel,
    // before the user agreed.
    expect(egress(modelServer.log)).toEqual([]);
    expect(skeinRequests).toEqual([]);
    await panel.getByTestId('job-download').click();
    await expect(job).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toHaveText(`${DEFAULT_CPU_MODEL.label} · CPU`);
    // Extension pages are cross-origin isolated: the engine's page may run threads.
    expect(await panel.evaluate(() => crossOriginIsolated)).toBe(true);
    // llama.cpp's own timings: how many tokens it read, and how fast it read and wrote. The
    // system prompt every job starts with was read once to time the engine, and kept.
    await expect(panel.getByTestId('job-speed')).toHaveText(
      /^Read \d[\d,]* new tokens \([1-9][\d,]* kept from before\) at [\d.,]+ a second, wrote at [\d.,]+ a second$/,
    );
    const text = (await panel.getByTestId('job-output').innerText()).trim();
    expect(text).toBe(TINY_SUMMARY);
    // It loaded the model before it was done. (The tiny model writes its few words in
    // milliseconds, too fast to see them grow: the test below watches that.)
    const statuses = (await jobLog()).map((e) => e.status);
    expect(statuses.lastIndexOf('loading')).toBeGreaterThan(-1);
    expect(statuses.lastIndexOf('loading')).toBeLessThan(statuses.indexOf('done'));
    expect(
      modelServer.log.filter((l) => l.startsWith('GET') && l.includes(new URL(DEFAULT_CPU_MODEL.url).pathname)).length,
    ).toBeGreaterThan(0);

    // Kept in IndexedDB under its cache key.
    const records = await storedResults(panel);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: 'summarize', modelId: DEFAULT_CPU_MODEL.id, postCount: 9 });
    expect(records[0]!.key).toMatch(
      new RegExp(
        `^x:1900000000000000010:[0-9a-f]{32}:qwen2\\.5-0\\.5b-instruct-int8:p${PROMPT_VERSION}:en(-US)?:summarize$`,
      ),
    );
    expect(records[0]!.postIds[1]).toBe('1900000000000000010');

    // Asked again: the kept summary, at once, with no new download or generation. (Counted
    // without the browser's own background calls, which may land at any moment.)
    const downloads = egress(modelServer.log).length;
    await summarize(page);
    await expect(panel.getByTestId('job-status')).toContainText('saved earlier');
    expect((await panel.getByTestId('job-output').innerText()).trim()).toBe(TINY_SUMMARY);
    expect(egress(modelServer.log).length).toBe(downloads);

    // Nothing left the machine but the model download: Skein's contexts asked for the model's
    // exact file addresses (each of them, nothing else, on any channel).
    expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
    expect(againstModel(skeinRequests)).toEqual({ beyond: [], missing: [] });
    const others = requests.filter(
      (u) =>
        !u.startsWith(`chrome-extension://${extensionId}/`) &&
        !/^https:\/\/(x\.com|pbs\.twimg\.com|abs[-\w]*\.twimg\.com)\//.test(u),
    );
    expect(others).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('the downloaded model is listed on the device and can be deleted', async ({ context, serve, openPanel }) => {
    await serve([OWN_THREAD]);
    const panel = await openPanel();
    await panel.getByText('Models on this device').click();
    await expect(panel.getByTestId('models-none')).toHaveText('No model downloaded yet.');
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    await summarize(page);
    await downloadModel(panel);
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    // Closing and opening the list reads it again.
    await panel.getByText('Models on this device').click();
    await panel.getByText('Models on this device').click();
    await expect(panel.getByTestId('model-row')).toHaveText([/^Qwen2\.5 0\.5B Instruct · CPU · 0\.5 MB/]);
    await panel.getByRole('button', { name: 'Delete Qwen2.5 0.5B Instruct' }).click();
    await expect(panel.getByTestId('models-none')).toHaveText('No model downloaded yet.');
    // Gone from the device, not just from the list: a fresh page finds nothing either.
    const again = await openPanel();
    await again.getByText('Models on this device').click();
    await expect(again.getByTestId('models-none')).toHaveText('No model downloaded yet.');
  });

  test('a download that fails says so, and Try again works once the model is reachable', async ({
    context,
    serve,
    openPanel,
    modelServer,
  }) => {
    await serve([OWN_THREAD]);
    modelServer.failWith = 503;
    const panel = await summarizeFirstTime(context, openPanel);
    await jobEnds(panel, 'error');
    await expect(panel.getByTestId('job-error')).toContainText('could not be downloaded');
    await expect(panel.getByTestId('job-error')).toContainText('Check the connection and try again');
    expect(await storedResults(panel)).toHaveLength(0);
    modelServer.failWith = null;
    await retryGivesTheSummary(panel);
  });

  test('Cancel during a slow download stops the transfer, and a new download works at once', async ({
    context,
    serve,
    openPanel,
    modelServer,
    pageErrors,
  }) => {
    await serve([OWN_THREAD]);
    // About 25 s for the tiny model: Cancel comes long before the end.
    modelServer.bytesPerSecond = 20_000;
    const panel = await summarizeFirstTime(context, openPanel);
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'loading');
    await expect.poll(() => modelServer.log.some((l) => l.startsWith(`GET ${DEFAULT_CPU_MODEL.url}`))).toBe(true);
    await panel.getByTestId('job-cancel').click();
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'cancelled');
    // The server saw the browser give the transfer up.
    await expect.poll(() => modelServer.aborted).toEqual([DEFAULT_CPU_MODEL.url]);
    modelServer.bytesPerSecond = null;
    await retryGivesTheSummary(panel);
    expect(pageErrors).toEqual([]);
  });

  test('a download cut halfway leaves no broken model behind: the retry gives the same summary', async ({
    context,
    serve,
    openPanel,
    modelServer,
  }) => {
    await serve([OWN_THREAD]);
    modelServer.cutAfter = 100_000;
    const panel = await summarizeFirstTime(context, openPanel);
    await jobEnds(panel, 'error');
    modelServer.cutAfter = null;
    await retryGivesTheSummary(panel);
  });

  test(
    'a damaged model file: the failed load is explained, and once the file is deleted Try again downloads it ' +
      'afresh',
    async ({ context, serve, openPanel, modelServer }) => {
      await serve([OWN_THREAD]);
      modelServer.damaged = true;
      const panel = await summarizeFirstTime(context, openPanel);
      await jobEnds(panel, 'error');
      await expect(panel.getByTestId('job-error')).toContainText('Qwen2.5 0.5B Instruct could not be loaded');
      await expect(panel.getByTestId('job-error')).toContainText('delete it under “Models on this device”');
      modelServer.damaged = false;
      await panel.getByTestId('models-on-device').locator('summary').click();
      await panel.getByRole('button', { name: 'Delete Qwen2.5 0.5B Instruct' }).click();
      await expect(panel.getByTestId('models-none')).toHaveText('No model downloaded yet.');
      const before = modelServer.log.length;
      await retryGivesTheSummary(panel);
      expect(modelServer.log.slice(before).some((l) => l.startsWith(`GET ${DEFAULT_CPU_MODEL.url}`))).toBe(true);
    },
  );

  test('the panel shows the answer growing as the engine writes it (scripted engine)', async ({
    openThread,
    openPanel,
  }) => {
    const page = await openThread({
      reply: 'TL;DR: Swatch first [2].\nKey points:\n- Keep notes [3]\n- Count twice [4]',
      delayMs: 60,
    });
    const panel = await openPanel();
    const jobLog = await recordJob(panel);
    await summarize(page);
    await jobEnds(panel, 'done');
    const lengths = (await jobLog()).filter((e) => e.status === 'running' && e.length > 0).map((e) => e.length);
    // Several sizes while it ran (the summary's layout reshapes the text as its parts arrive).
    expect(new Set(lengths).size).toBeGreaterThan(2);
  });

  test('citations in a summary show their post on the page (scripted engine)', async ({
    context,
    serve,
    openPanel,
    setScript,
  }) => {
    await serve([OWN_THREAD]);
    await setScript({
      reply:
        'TL;DR: Swatch first, then count [2].\nKey points:\n- Keep notes [3]\n- A French reader agrees ' +
        '[7]\nWho says what:\n- @gauge_guru: swatching is a useful lie [9]',
    });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.goto(OWN_THREAD.url);
    await summarize(page);
    const panel = await openPanel();
    await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done');
    await expect(panel.getByTestId('summary-tldr')).toHaveText('Swatch first, then count.[2]');
    await expect(panel.getByTestId('summary-points').getByRole('listitem')).toHaveText([
      'Keep notes[3]',
      'A French reader agrees[7]',
    ]);
    await expect(panel.getByTestId('summary-voices').getByRole('listitem')).toHaveText([
      '@gauge_guru: swatching is a useful lie[9]',
    ]);
    // Copy puts the summary on the clipboard (it says Copied once the browser took it).
    await panel.getByTestId('job-copy').click();
    await expect(panel.getByTestId('job-copy')).toHaveText('Copied');
    const target = page
      .locator('article')
      .filter({ has: page.locator('a[href="/gauge_guru/status/1900000000000000022"]') });
    await expect(target).not.toBeInViewport();
    await panel.getByRole('button', { name: 'Show post 9 on the page' }).click();
    // Marked by an animation (no attribute left on X's element).
    await expect.poll(() => target.evaluate((el) => el.getAnimations().length)).toBe(1);
    await expect(target).toBeInViewport();
    await panel.screenshot({ path: 'test-results/screens/side-panel-summary.png' });
  });
});
