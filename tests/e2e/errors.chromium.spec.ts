import { test, expect } from './support/chromium';
import { threadWithReplyBox } from './support/pages';
import { chooseAction, downloadModel, FOCUSED_POST } from './support/actions';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** What every surface says when the model host refuses the download. */
const SENTENCE = 'Qwen2.5 0.5B Instruct could not be downloaded.';
const NEXT = 'Check the connection and try again.';

test('the same failure reads the same on every surface: panel, explanation card and reply bar, each with Try again', async ({
  context,
  serve,
  openPanel,
  modelServer,
  pageErrors,
}) => {
  test.setTimeout(ENGINE_TEST);
  await serve([await threadWithReplyBox()]);
  // 404, not 5xx: Chrome throttles an extension's requests to a URL that keeps answering 5xx
  // (the retries would fail in the browser without reaching the server).
  modelServer.failWith = 404;
  const panel = await openPanel();
  const page = await context.newPage();
  await page.goto('https://x.com/skein_test/status/1900000000000000010');

  // The panel.
  await chooseAction(page, FOCUSED_POST, 'Summarize thread');
  await downloadModel(panel);
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'error', { timeout: ENGINE_STEP });
  const error = panel.getByTestId('job-error');
  await expect(error.locator('p').first()).toHaveText(SENTENCE);
  await expect(panel.getByTestId('job-next')).toHaveText(NEXT);
  // The engine's own words are a detail, folded away.
  await expect(panel.getByTestId('job-error-detail')).toBeHidden();
  await expect(panel.getByTestId('job-retry')).toHaveText('Try again');

  // The explanation card under the post.
  await chooseAction(page, FOCUSED_POST, 'Explain');
  const card = page.locator('skein-card');
  await expect(card).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
  await card.getByRole('button', { name: /Download the model/ }).click();
  await expect(card).toHaveAttribute('data-status', 'error', { timeout: ENGINE_STEP });
  await expect(card.locator('.text')).toHaveText(`${SENTENCE} ${NEXT}`);

  // The reply bar.
  const bar = page.locator('skein-reply-bar');
  await bar.getByRole('button', { name: /Draft with Skein/ }).click();
  await bar.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(bar).toHaveAttribute('data-status', 'needs-model', { timeout: ENGINE_STEP });
  await bar.getByRole('button', { name: /Download the model/ }).click();
  await expect(bar).toHaveAttribute('data-status', 'error', { timeout: ENGINE_STEP });
  await expect(bar.getByRole('status')).toHaveText(`${SENTENCE} ${NEXT}`);

  // Their Try again works once the model host answers (the panel's: summary.chromium.spec.ts).
  modelServer.failWith = null;
  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(card).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  await bar.getByRole('button', { name: 'Try again' }).click();
  await expect(bar).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  expect(pageErrors).toEqual([]);
});
