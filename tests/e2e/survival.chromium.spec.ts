import { chromiumUi, test, expect } from './support/chromium';
import { chooseAction, FOCUSED_POST, inPost, postButton } from './support/actions';
import { SCRIPT_HOLD } from '../../utils/llm/scripted-engine';
import { PROTOCOL_CALL, within } from './support/limits';
import type { Page } from '@playwright/test';

/**
 * Skein through what the browser does to it: Chrome stopping its service worker mid-answer,
 * its offscreen document closing, the panel closing, the extension reloaded under a page.
 * Every job is held after its first words (SCRIPT_HOLD), so it is surely mid-answer when the
 * test strikes, however slow the machine.
 */
const HELD = `First words ${SCRIPT_HOLD}`;
const ANSWER = 'Swatch first, count twice [1].';

const panelStatus = (panel: Page) => panel.getByTestId('job').getAttribute('data-status');

test(
  'Chrome stops the service worker mid-answer: panel and card say interrupted, keep what was written, and ' +
    'Try again works at once',
  async ({ openThread, context, setScript, openPanel, pageErrors }) => {
    const panel = await openPanel();
    const page = await openThread({ reply: HELD });
    // An explanation is being written in its card, held after its first words…
    await chooseAction(page, '1900000000000000012', 'Explain');
    const card = chromiumUi(page).host(inPost('1900000000000000012', 'skein-card'));
    await expect.poll(() => card.state('status')).toBe('running');
    await expect.poll(() => card.text('.text')).toContain('First words');
    // …and a summary waits in the queue behind it, in the panel.
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    await expect.poll(() => panelStatus(panel)).toBe('queued');
    // Later jobs answer at once.
    await setScript({ reply: ANSWER });

    const cdp = await within(context.newCDPSession(panel), PROTOCOL_CALL, 'DevTools session');
    await within(cdp.send('ServiceWorker.enable'), PROTOCOL_CALL, 'ServiceWorker.enable');
    await within(cdp.send('ServiceWorker.stopAllWorkers'), PROTOCOL_CALL, 'ServiceWorker.stopAllWorkers');

    await expect.poll(() => panelStatus(panel)).toBe('interrupted');
    await expect(panel.getByTestId('job-retry')).toHaveText('Try again');
    await expect.poll(() => card.state('status')).toBe('interrupted');
    // What was written stays, with what happened.
    expect(await card.text('.text')).toContain('First words');
    expect(await card.text('.text')).toContain('stopped by the browser');
    // A new request, at once: the new worker finds the engine's page and runs it.
    await panel.getByTestId('job-retry').click();
    await expect.poll(() => panelStatus(panel)).toBe('done');
    await expect(panel.getByTestId('job-output')).toContainText('Swatch first, count twice');
    await card.click({ button: 'Try again' });
    await expect.poll(() => card.state('status')).toBe('done');
    expect(await card.text('.text')).toBe(ANSWER);
    expect(pageErrors).toEqual([]);
  },
);

test('the engine’s offscreen document closes mid-answer: the job says interrupted, and the next one runs', async ({
  openThread,
  setScript,
  openPanel,
  serviceWorker,
  pageErrors,
}) => {
  const panel = await openPanel();
  const page = await openThread({ reply: HELD });
  await chooseAction(page, FOCUSED_POST, 'Summarize thread');
  await expect.poll(() => panelStatus(panel)).toBe('running');
  await setScript({ reply: ANSWER });
  const worker = await serviceWorker();
  await within(
    worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }
      ).chrome.offscreen.closeDocument(),
    ),
    PROTOCOL_CALL,
    'offscreen.closeDocument',
  );
  await expect.poll(() => panelStatus(panel)).toBe('interrupted');
  await panel.getByTestId('job-retry').click();
  await expect.poll(() => panelStatus(panel)).toBe('done');
  await expect(panel.getByTestId('job-output')).toContainText('Swatch first, count twice');
  expect(pageErrors).toEqual([]);
});

test('the panel closed mid-answer: the job goes on, and the panel opened again shows it', async ({
  openThread,
  openPanel,
  pageErrors,
}) => {
  // About 3 s of writing: the panel closes as soon as the first words show.
  const panel = await openPanel();
  const page = await openThread({ reply: 'Swatch first, count twice, block at the end [1].', delayMs: 300 });
  await chooseAction(page, FOCUSED_POST, 'Summarize thread');
  await expect.poll(() => panelStatus(panel)).toBe('running');
  await panel.close();
  const again = await openPanel();
  await expect.poll(() => panelStatus(again)).toBe('done');
  await expect(again.getByTestId('job-output')).toContainText('Swatch first, count twice, block at the end');
  expect(pageErrors).toEqual([]);
});

test(
  'the extension reloaded under an open page: its leftover button says Skein was updated and the page needs ' +
    'a reload',
  async ({ openThread, serviceWorker, pageErrors }) => {
    const page = await openThread();
    const button = postButton(page, FOCUSED_POST);
    await expect.poll(() => button.visible('button.trigger')).toBe(true);
    const worker = await serviceWorker();
    const gone = new Promise((resolve) => worker.once('close', resolve));
    // The worker goes with the reload: its answer may never come.
    void worker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);
    await within(gone, PROTOCOL_CALL, 'the old service worker closing');
    await button.click('button.trigger');
    await button.click({ button: 'Summarize thread' });
    await expect
      .poll(() => button.on<string>('.notice', 'return el.matches(":popover-open") ? el.textContent : null;'))
      .toContain('Skein was updated or restarted. Reload the page to use it again.');
    expect(pageErrors).toEqual([]);
  },
);
