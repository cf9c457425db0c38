import type { Page } from 'puppeteer-core';
import { test, expect, summarizeToPanel, waitUntil } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_THREAD } from './support/pages';
import { againstModel, egress } from './support/egress';
import { TINY_SUMMARY } from './support/tiny';

/** The job's status and text as the panel shows them. */
const job = (panel: Page) =>
  panel.evaluate(() => {
    const el = document.querySelector('[data-testid="job"]');
    return {
      status: el?.getAttribute('data-status') ?? null,
      text: el?.querySelector('[data-testid="job-output"]')?.textContent?.trim() ?? '',
      note: document.querySelector('[data-testid="job-status"]')?.textContent ?? '',
    };
  });

test('Firefox: the CPU engine in its worker summarizes with the tiny model; kept and shown again', async ({
  firefox,
  openServed,
  modelServer,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  const page = await openServed([OWN_THREAD]);
  await page.goto(OWN_THREAD.url);
  const { host, panel } = await summarizeToPanel(firefox, page, pageErrors);
  // The first download is the user's choice.
  await waitUntil(panel, () => !!document.querySelector('[data-testid="job-download"]'), ENGINE_STEP);
  // Nothing left the machine before it, on any channel.
  expect(egress(modelServer.log)).toEqual([]);
  await panel.locator('[data-testid="job-download"]').click();
  await waitUntil(
    panel,
    () => ['done', 'error'].includes(document.querySelector('[data-testid="job"]')?.getAttribute('data-status') ?? ''),
    ENGINE_STEP,
  );
  // The same text as in Chromium: greedy decoding of the same model.
  const written = await job(panel);
  expect(written).toMatchObject({ status: 'done', text: TINY_SUMMARY });

  // Kept in the extension's IndexedDB.
  const records = await panel.evaluate(
    () =>
      new Promise<{ action: string; postCount: number; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('skein');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('results').objectStore('results').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ action: 'summarize', postCount: 9, text: written.text });

  // Asked again: the kept summary at once, no new download.
  const downloads = () => modelServer.log.filter((l) => l.includes('huggingface.co')).length;
  const seen = downloads();
  // Back to the X tab, as the user would be (a background tab does not lay out its popovers).
  await page.bringToFront();
  await host.click('button.trigger');
  await host.click({ button: 'Summarize thread' });
  await panel.waitForFunction(() =>
    document.querySelector('[data-testid="job-status"]')?.textContent?.includes('saved earlier'),
  );
  expect(await job(panel)).toMatchObject({ status: 'done', text: written.text });
  expect(downloads()).toBe(seen);

  // Nothing left the machine but the model download: its exact file addresses, each of them.
  expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
  expect(pageErrors).toEqual([]);
});
