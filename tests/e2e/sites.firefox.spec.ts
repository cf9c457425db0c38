import type { Page } from 'puppeteer-core';
import { test, expect, skeinErrors, summarizeToPanel, waitUntil } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { BLUESKY_PAGES, REDDIT_PAGES, type ServedPage } from './support/pages';
import { againstModel, egress } from './support/egress';
import { HAVE_SHARED, NO_SHARED_REASON } from './support/env';
import { TINY_SUMMARY_BLUESKY, TINY_SUMMARY_REDDIT } from './support/tiny';

/** The ids Skein's buttons carry, in page order. */
const buttonIds = (page: Page) =>
  page.$$eval('[data-skein-post]', (hosts) => hosts.map((h) => h.getAttribute('data-skein-post')));

/** Summarizes from a post's button with the real CPU engine, after the download step. */
async function summary(
  firefox: Parameters<typeof summarizeToPanel>[0],
  page: Page,
  errors: string[],
  post: { id: string; buttons: number },
): Promise<{ status: string | null; text: string; count: string }> {
  const { panel } = await summarizeToPanel(firefox, page, errors, {
    button: `[data-skein-post="${post.id}"]`,
    buttons: post.buttons,
  });
  await waitUntil(panel, () => !!document.querySelector('[data-testid="job-download"]'), ENGINE_STEP);
  await panel.locator('[data-testid="job-download"]').click();
  await waitUntil(
    panel,
    () => ['done', 'error'].includes(document.querySelector('[data-testid="job"]')?.getAttribute('data-status') ?? ''),
    ENGINE_STEP,
  );
  return panel.evaluate(() => ({
    status: document.querySelector('[data-testid="job"]')?.getAttribute('data-status') ?? null,
    text: document.querySelector('[data-testid="job-output"]')?.textContent?.trim() ?? '',
    count: document.querySelector('[data-testid="thread-count"]')?.textContent ?? '',
  }));
}

const CASES: [string, ServedPage, { id: string; buttons: number; count: string; text: string }][] = [
  // The 12-post thread: read whole on any machine, so the tiny model's text is the same everywhere.
  [
    'Bluesky',
    BLUESKY_PAGES.pfrazee,
    { id: '3mbipks33ys2i', buttons: 12, count: '12 posts read from Bluesky', text: TINY_SUMMARY_BLUESKY },
  ],
  [
    'Reddit',
    REDDIT_PAGES.thread,
    { id: 't3_1abc2de', buttons: 7, count: '8 posts read from Reddit', text: TINY_SUMMARY_REDDIT },
  ],
];

for (const [site, served, expected] of CASES) {
  test(`Firefox on ${site}: a button per post, and the tiny model’s summary of the thread`, async ({
    firefox,
    openServed,
    modelServer,
    pageErrors,
  }) => {
    test.skip(site === 'Bluesky' && !HAVE_SHARED, NO_SHARED_REASON);
    test.setTimeout(ENGINE_TEST);
    const page = await openServed([served]);
    await page.goto(served.url);
    const written = await summary(firefox, page, pageErrors, expected);
    expect((await buttonIds(page))[0]).toBe(expected.id);
    expect(written).toEqual({ status: 'done', text: expected.text, count: expected.count });
    // Nothing left the machine but the model download: its exact file addresses, each of them.
    expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
    expect(skeinErrors(pageErrors)).toEqual([]);
  });
}
