import { test, expect } from './support/chromium';
import { chooseAction, downloadModel, FOCUSED_POST } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { againstModel, egress } from './support/egress';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';

/** The panel's Chat tab: follow-up questions about the thread, answered by the CPU engine with the tiny model. */
test('Chat: questions about the thread, answered by the real CPU engine one after another, kept', async ({
  context,
  serve,
  openPanel,
  modelServer,
  pageErrors,
  skeinRequests,
}) => {
  test.setTimeout(ENGINE_TEST);
  await serve([OWN_THREAD]);
  const panel = await openPanel();
  await panel.getByRole('tab', { name: 'Chat' }).click();
  await expect(panel.getByTestId('chat-no-thread')).toBeVisible();

  const page = await context.newPage();
  await page.goto(OWN_THREAD.url);
  await chooseAction(page, FOCUSED_POST, 'Summarize thread');
  await panel.getByRole('tab', { name: 'This thread' }).click();
  await downloadModel(panel);
  await expect(panel.getByTestId('job')).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });

  await panel.getByRole('tab', { name: 'Chat' }).click();
  await panel.getByRole('textbox', { name: 'Ask about this thread' }).fill('Why block at the end?');
  await panel.getByRole('textbox', { name: 'Ask about this thread' }).press('Enter');
  const answers = panel.getByTestId('chat-exchange').getByTestId('job');
  // The model is on the device now: no second download step.
  await expect(answers.first()).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  const first = (await answers.first().getByTestId('job-output').innerText()).trim();
  expect(first.length).toBeGreaterThan(0);
  // The question came after the same thread block as the summary: the engine kept its reading
  // of the thread and read only the question.
  const speed = await answers.first().getByTestId('job-speed').innerText();
  const [, fresh, kept] = (/^Read ([\d,]+) new tokens \(([\d,]+) kept from before\)/.exec(speed) ?? []).map((n) =>
    Number(n.replace(/,/g, '')),
  );
  expect(kept).toBeGreaterThan(fresh! * 5);
  // Streamed text is announced politely to screen readers.
  await expect(answers.first().getByTestId('job-output')).toHaveAttribute('aria-live', 'polite');

  await panel.getByRole('textbox', { name: 'Ask about this thread' }).fill('Who disagrees?');
  await panel.getByRole('button', { name: 'Ask' }).click();
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1)).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
  await expect(panel.getByTestId('chat-question')).toHaveText([/Why block at the end\?/, /Who disagrees\?/]);

  // Kept with the thread's other results, searchable in History by the question.
  await panel.getByRole('tab', { name: 'History' }).click();
  await panel.getByTestId('history-search').fill('disagrees');
  await expect(panel.getByTestId('history-title')).toHaveText(['Who disagrees?']);

  // Nothing left the machine but the model's exact files, each of them.
  expect(againstModel(egress(modelServer.log))).toEqual({ beyond: [], missing: [] });
  expect(againstModel(skeinRequests)).toEqual({ beyond: [], missing: [] });
  expect(pageErrors).toEqual([]);
});
