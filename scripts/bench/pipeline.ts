/**
 * Pipeline figures, through the built Chrome extension in Chromium with the scripted engine
 * (which answers at once, so what is measured is Skein's own overhead): from the click on
 * "Summarize thread" to the first words in the side panel, and to a kept summary shown again.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../utils/settings-schema';
import { figure } from '../lib/stats';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const THREAD_URL = 'https://x.com/skein_test/status/1900000000000000010';

/** Percentile of sorted values. */
const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))]!;

/** Clicks Summarize on the focused post and returns the click time (epoch ms, sub-ms). */
async function clickSummarize(page: Page): Promise<number> {
  const host = page.locator('skein-post-button[data-skein-post="1900000000000000010"]');
  await host.locator('button.trigger').click();
  await host.getByRole('menuitem', { name: 'Summarize thread' }).click();
  return page.evaluate(() => (window as unknown as { skeinClick: number }).skeinClick);
}

/**
 * Waits in the panel for a new job to show text (or its kept text) and returns when (epoch
 * ms). The page code is a string: the TypeScript runner would rename its helpers otherwise.
 */
function whenShown(panel: Page, previousJob: string | null, cached: boolean): Promise<number> {
  return panel.evaluate(`new Promise((resolve) => {
    const previousJob = ${JSON.stringify(previousJob)};
    const cached = ${JSON.stringify(cached)};
    const check = () => {
      const job = document.querySelector('[data-testid="job"]');
      if (!job || job.getAttribute('data-job-id') === previousJob) return false;
      const text = job.querySelector('[data-testid="job-output"]')?.textContent ?? '';
      const isCached = (job.querySelector('[data-testid="job-status"]')?.textContent ?? '').includes('saved earlier');
      if (text.length === 0 || isCached !== cached) return false;
      resolve(performance.timeOrigin + performance.now());
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })`) as Promise<number>;
}

/** Prints the pipeline figures. */
export async function benchPipeline(): Promise<void> {
  const build = join(ROOT, '.output/chrome-mv3');
  const thread = readFileSync(join(ROOT, 'tests/fixtures/x/status-thread-replies.html'), 'utf8');
  const profile = mkdtempSync(join(tmpdir(), 'skein-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    await context.route('**/*', (r) => {
      const url = r.request().url();
      if (!url.startsWith('http')) return r.continue(); // the extension's own pages
      return url === THREAD_URL ? r.fulfill({ contentType: 'text/html', body: thread }) : r.fulfill({ status: 204 });
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await worker.evaluate(
      (settings) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ settings }),
      {
        ...DEFAULT_SETTINGS,
        engine: 'scripted',
        scriptedReply: 'TL;DR: Swatch first [2].\nKey points:\n- Count twice [2]',
      },
    );
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    const page = await context.newPage();
    await page.goto(THREAD_URL);
    await page.evaluate(() =>
      window.addEventListener(
        'click',
        () => ((window as unknown as { skeinClick: number }).skeinClick = performance.timeOrigin + performance.now()),
        true,
      ),
    );
    const clearKept = () =>
      panel.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const open = indexedDB.open('skein');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('results')) {
                db.close();
                return resolve();
              }
              const tx = db.transaction('results', 'readwrite');
              tx.objectStore('results').clear();
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
            };
            open.onerror = () => resolve();
          }),
      );
    const jobId = () =>
      panel.evaluate(() => document.querySelector('[data-testid="job"]')?.getAttribute('data-job-id') ?? null);

    const firstToken: number[] = [];
    const cachedShown: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      await clearKept();
      let previous = await jobId();
      let shown = whenShown(panel, previous, false);
      let clicked = await clickSummarize(page);
      const fresh = (await shown) - clicked;
      await panel.waitForSelector('[data-testid="job"][data-status="done"]');
      previous = await jobId();
      shown = whenShown(panel, previous, true);
      clicked = await clickSummarize(page);
      const kept = (await shown) - clicked;
      if (i >= 2) {
        // The first runs warm up the engine host and caches.
        firstToken.push(fresh);
        cachedShown.push(kept);
      }
    }
    console.log(
      `${figure('click to first token, scripted engine (pipeline overhead)', firstToken, 'ms', 1)} p50 ` +
        `${pct(firstToken, 0.5).toFixed(1)} p95 ${pct(firstToken, 0.95).toFixed(1)}`,
    );
    console.log(
      `${figure('click to a kept summary shown again', cachedShown, 'ms', 1)} p50 ` +
        `${pct(cachedShown, 0.5).toFixed(1)} p95 ${pct(cachedShown, 0.95).toFixed(1)}`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
