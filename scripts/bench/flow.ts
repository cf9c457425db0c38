/**
 * What a user waits for with a model of the real size, through the built Chrome extension:
 * the real-size ONNX model (scripts/bench/onnx.ts) is served at the default CPU model's
 * address, downloaded from the options page, then a 40-post thread (real X post markup) is
 * summarized from its post menu and a Chat question follows. Timed from the click to the first
 * token, and to the summary's end. One run: it takes minutes on 2 cores.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { postButton } from '../../tests/e2e/support/actions';
import { startModelServer } from '../../tests/e2e/support/model-server';
import { DEFAULT_CPU_MODEL } from '../../utils/llm/models';
import { DEFAULT_SETTINGS } from '../../utils/settings-schema';
import { figure } from '../lib/stats';
import { syntheticStatusPage } from '../lib/synthetic';
import { realSizeOnnxFiles } from '../lib/real-size-onnx';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, process.env.SKEIN_SHARED_FIXTURES ?? '../shared/fixtures');

/** Resolves with the time (epoch ms) the panel's newest job first shows text, and when it is done. */
function watchJob(
  panel: Page,
  scope: string,
  count: number,
  notId = '',
): Promise<{ first: number; done: number; speed: string }> {
  return panel.evaluate(`new Promise((resolve) => {
    let first = 0;
    const check = () => {
      const jobs = document.querySelectorAll(${JSON.stringify(scope)});
      if (jobs.length < ${count}) return;
      const job = jobs[jobs.length - 1];
      if (job.getAttribute('data-job-id') === ${JSON.stringify(notId)}) return;
      const text = job.querySelector('[data-testid="job-output"]')?.textContent ?? '';
      if (!first && text.trim()) first = performance.timeOrigin + performance.now();
      const status = job.getAttribute('data-status');
      if (status === 'done' || status === 'error') {
        const reading = document.querySelector('[data-testid="job-reading"] p')?.textContent ?? 'read every post';
        const speed =
          job.querySelector('[data-testid="job-speed"]')?.textContent ??
          job.querySelector('[data-testid="job-error"]')?.textContent ??
          status;
        resolve({ first, done: performance.timeOrigin + performance.now(), speed: speed + ' · ' + reading });
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  })`) as Promise<{ first: number; done: number; speed: string }>;
}

/** Prints the flow figures. */
export async function benchFlow(): Promise<void> {
  const build = join(ROOT, '.output/chrome-mv3');
  const thread = syntheticStatusPage(join(SHARED, 'x/home-timeline.html'), 40);
  const server = await startModelServer(DEFAULT_CPU_MODEL.url, 0, realSizeOnnxFiles());
  const profile = mkdtempSync(join(tmpdir(), 'skein-flow-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--disable-background-networking',
      '--disable-component-update',
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
  });
  const firstToken: number[] = [];
  const done: number[] = [];
  const chat: number[] = [];
  const allFirst: number[] = [];
  const allDone: number[] = [];
  let speeds: string[] = [];
  try {
    await context.route('https://x.com/**', (r) =>
      r.request().url().split('?')[0] === thread.url
        ? r.fulfill({ contentType: 'text/html', body: thread.html })
        : r.fulfill({ status: 204 }),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await worker.evaluate(
      (settings) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ settings }),
      { ...DEFAULT_SETTINGS, engine: 'cpu' },
    );
    // The download, once, as a user starts it from the options page.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const started = Date.now();
    await options.getByTestId('model-download-cpu').getByRole('button').click();
    await options.getByTestId('model-download-cpu').getByText('on this device').waitFor({ timeout: 0 });
    console.log(
      `real-size model download into the CPU engine's cache, local server: ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    const page = await context.newPage();
    await page.goto(thread.url);
    {
      // Skein's UI is in closed shadow roots, reached through DevTools. From the keyboard: the
      // synthetic page has none of X's styles, and its icons cover the button.
      const host = postButton(page, thread.focusedId);
      await host.press('button.trigger', 'Enter');
      const watching = watchJob(panel, '[data-testid="job"]', 1);
      // Should the click fail, its own error is the one to see, not this watcher's.
      watching.catch(() => undefined);
      const clicked = Date.now();
      await host.press({ button: 'Summarize thread' }, 'Enter');
      const summary = await watching;
      firstToken.push((summary.first - clicked) / 1000);
      done.push((summary.done - clicked) / 1000);
      speeds.push(summary.speed);
      // A follow-up question about the same thread.
      await panel.getByRole('tab', { name: 'Chat' }).click();
      const answer = watchJob(panel, '[data-testid="chat-exchange"] [data-testid="job"]', 1);
      const asked = Date.now();
      await panel.getByRole('textbox', { name: 'Ask about this thread' }).fill('Who disagrees, and why?');
      await panel.getByRole('textbox', { name: 'Ask about this thread' }).press('Enter');
      const answered = await answer;
      chat.push((answered.first - asked) / 1000);
      speeds.push(answered.speed);
      // Then the whole thread, at the user's click: BENCH_READ_ALL=1 (it takes half an hour
      // here, map-reduce over the whole thread with the generated vocabulary's token counts).
      await panel.getByRole('tab', { name: 'This thread' }).click();
      const readAll = panel.getByTestId('job-read-all');
      // The panel offers it when the summary read part of the thread.
      if (
        process.env.BENCH_READ_ALL === '1' &&
        (await readAll.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        ))
      ) {
        const before = (await panel.getByTestId('job').getAttribute('data-job-id')) ?? '';
        const whole = watchJob(panel, '[data-testid="job"]', 1, before);
        const clickedAll = Date.now();
        await readAll.click();
        const all = await whole;
        allFirst.push((all.first - clickedAll) / 1000);
        allDone.push((all.done - clickedAll) / 1000);
        speeds.push(all.speed);
      }
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(figure('click to first summary token, real-size model, 40 posts', firstToken, 's', 1));
  console.log(figure('click to summary done, real-size model, 40 posts', done, 's', 1));
  console.log(figure('chat follow-up to first token, real-size model', chat, 's', 1));
  if (allFirst.length) {
    console.log(figure('read all 40 posts, click to first token, real-size model', allFirst, 's', 1));
    console.log(figure('read all 40 posts, click to done, real-size model', allDone, 's', 1));
  }
  speeds = [...new Set(speeds)];
  for (const s of speeds) console.log(`  the panel said: ${s}`);
}
