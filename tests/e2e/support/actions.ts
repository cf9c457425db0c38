/** Using Skein's post menu in a page, as a person does: open it, pick an action. */
import { expect, type Page } from '@playwright/test';
import { ENGINE_STEP } from './limits';
import { chromiumUi } from './chromium';
import { postIdsOf } from './pages';
import type { SkeinHost } from './closed-ui';

/** The project's test thread's focused post. */
export const FOCUSED_POST = '1900000000000000010';

/** The post with this id (found by its permalink, as X shows one with its time). */
export const postSelector = (postId: string) => `article:has(a[href$="/status/${postId}"] time)`;

/** Skein's button on a post, and what else sits in the post (a card: `skein-card`). */
export const inPost = (postId: string, tag = 'skein-post-button') => `${postSelector(postId)} ${tag}`;

/** Skein's button on a post. */
export const postButton = (page: Page, postId: string): SkeinHost => chromiumUi(page).host(inPost(postId));

/** The id of the first post whose Skein button is on screen (X's permalink holds it). */
export async function firstShownPost(page: Page): Promise<string> {
  const shown = await page.$$eval('skein-post-button', (hosts) => hosts.findIndex((h) => h.getClientRects().length));
  const id = (await page.$$eval('skein-post-button', postIdsOf))[shown] ?? '';
  expect(id).toMatch(/^\d+$/);
  return id;
}

/** Opens Skein's menu on a post and picks an action by its label; returns the button's host. */
export async function chooseAction(
  page: Page,
  postId: string,
  label: 'Summarize thread' | 'Explain' | 'Draft reply',
): Promise<SkeinHost> {
  const host = postButton(page, postId);
  await host.click('button.trigger');
  await host.click({ button: label });
  return host;
}

/** Answers the panel's "download the model (size)" step, as a first-time user does. */
export async function downloadModel(panel: Page): Promise<void> {
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
  await panel.getByTestId('job-download').click();
}
