/** Using Skein's post menu in a page, as a person does: open it, pick an action. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ENGINE_STEP } from './limits';

/** The project's test thread's focused post. */
export const FOCUSED_POST = '1900000000000000010';

/** Skein's button on a post. */
export const postButton = (page: Page, postId: string): Locator =>
  page.locator(`skein-post-button[data-skein-post="${postId}"]`);

/** Opens Skein's menu on a post and picks an action by its label; returns the button's host. */
export async function chooseAction(
  page: Page,
  postId: string,
  label: 'Summarize thread' | 'Explain' | 'Draft reply',
): Promise<Locator> {
  const host = postButton(page, postId);
  await host.scrollIntoViewIfNeeded();
  await host.locator('button.trigger').click();
  await host.getByRole('menuitem', { name: label }).click();
  return host;
}

/** Answers the panel's "download the model (size)" step, as a first-time user does. */
export async function downloadModel(panel: Page): Promise<void> {
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
  await panel.getByTestId('job-download').click();
}
