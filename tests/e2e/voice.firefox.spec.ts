import { test, expect, firefoxUi, summarizeToPanel, waitUntil } from './support/firefox';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { OWN_PROFILE, signedIn, threadWithReplyBox } from './support/pages';
import { postSelector } from './support/actions';

test('Firefox: Learn my voice on the own profile with the CPU engine; the reply bar then drafts in it', async ({
  firefox,
  openServed,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  const thread = signedIn(await threadWithReplyBox(), 'skein_test');
  const page = await openServed([OWN_PROFILE, thread]);
  await page.goto(OWN_PROFILE.url);
  const button = `${postSelector('1900000000000000210')} skein-post-button`;
  const { panel } = await summarizeToPanel(firefox, page, pageErrors, { button, buttons: 6 });

  // The panel offers to learn the voice from the user's five posts; the CPU engine writes the note.
  await waitUntil(panel, () => !!document.querySelector('[data-testid="voice-learn"]'), ENGINE_STEP);
  expect(await panel.$eval('[data-testid="voice-offer"]', (el) => el.textContent)).toContain('from your 5 posts here');
  await panel.locator('[data-testid="voice-learn"]').click();
  await waitUntil(
    panel,
    () => document.querySelector('[data-testid="thread-action"]')?.textContent === 'Learn my voice',
    ENGINE_STEP,
  );
  await waitUntil(panel, () => !!document.querySelector('[data-testid="job-download"]'), ENGINE_STEP);
  await panel.locator('[data-testid="job-download"]').click();
  await waitUntil(panel, () => !!document.querySelector('[data-testid="voice-note"]'), ENGINE_STEP);
  // The user writes the note as they like it, and keeps it.
  await panel.$eval('[data-testid="voice-note"]', (el) => ((el as HTMLTextAreaElement).value = ''));
  await panel.type('[data-testid="voice-note"]', 'Short and dry. Lowercase.');
  await panel.locator('[data-testid="voice-save"]').click();
  await waitUntil(panel, () => !!document.querySelector('[data-testid="voice-saved"]'), ENGINE_STEP);
  expect(await panel.$eval('[data-testid="voice-saved"]', (el) => el.textContent)).toBe(
    'Saved. Drafts on X as @skein_test follow it while “In my voice” is on.',
  );

  // In the reply box, In my voice is offered and on; the engine, loaded now, drafts three.
  await page.bringToFront();
  await page.goto(thread.url);
  await page.waitForSelector('skein-reply-bar');
  const bar = firefoxUi(firefox, page).host('skein-reply-bar');
  await bar.click({ button: /Draft with Skein/ });
  await expect.poll(() => bar.visible({ label: 'In my voice' })).toBe(true);
  expect(await bar.on<boolean>('input[name=voice]', 'return el.checked;')).toBe(true);
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('done');
  expect(await bar.texts('.variants li p')).toHaveLength(3);
  expect(pageErrors).toEqual([]);
});
