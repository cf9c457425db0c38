import { chromiumUi, test, expect } from './support/chromium';
import { threadWithReplyBox } from './support/pages';
import { chooseAction, downloadModel, FOCUSED_POST } from './support/actions';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** What every surface says when the model host refuses the download. */
const SENTENCE = 'Qwen2.5 0.5B Instruct could not be downloaded.';
const NEXT = 'Check the connection and try again.';

test('one failure reads the same on panel, explanation card and reply bar, each with Try again', async ({
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
  const ui = chromiumUi(page);
  const card = ui.host('skein-card');
  await expect.poll(() => card.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
  await card.click({ button: /Download the model/ });
  await expect.poll(() => card.state('status'), { timeout: ENGINE_STEP }).toBe('error');
  expect(await card.text('.text')).toBe(`${SENTENCE} ${NEXT}`);

  // The reply bar.
  const bar = ui.host('skein-reply-bar');
  await bar.click({ button: /Draft with Skein/ });
  await bar.click({ button: 'Draft' });
  await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
  await bar.click({ button: /Download the model/ });
  await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('error');
  expect(await bar.text('[role="status"]')).toBe(`${SENTENCE} ${NEXT}`);

  // Their Try again works once the model host answers (the panel's: summary.chromium.spec.ts).
  modelServer.failWith = null;
  await card.click({ button: 'Try again' });
  await expect.poll(() => card.state('status'), { timeout: ENGINE_STEP }).toBe('done');
  await bar.click({ button: 'Try again' });
  await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('done');
  expect(pageErrors).toEqual([]);
});
