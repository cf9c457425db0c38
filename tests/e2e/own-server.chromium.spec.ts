import type { Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './support/chromium';
import { chooseAction, FOCUSED_POST } from './support/actions';
import { OWN_THREAD } from './support/pages';
import { OWN_MODEL, type OwnServer } from './support/own-server';
import { ENGINE_STEP, ENGINE_TEST } from './support/limits';
import { egress } from './support/egress';

// "Your own server" in Chromium, against real llama.cpp serving the tiny model. Chromium's
// permission prompt cannot be answered here (see the ownServer fixture): the options test
// checks that nothing happens before the user's yes, then sets up the server as the yes
// would have; Firefox's test follows the yes itself.

const useServer = (server: OwnServer, model = OWN_MODEL) => ({
  engine: 'server' as const,
  serverAddress: server.root,
  serverModel: model,
});

/** Lengths of the panel's answer while it is being written, from before the job starts. */
async function recordGrowth(panel: Page) {
  await panel.evaluate(() => {
    const w = window as unknown as { lengths: number[] };
    w.lengths = [];
    new MutationObserver(() => {
      const job = document.querySelector('[data-testid="job"]');
      const length = job?.querySelector('[data-testid="job-output"]')?.textContent?.length ?? 0;
      if (job?.getAttribute('data-status') === 'running' && length !== w.lengths.at(-1)) w.lengths.push(length);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => panel.evaluate(() => (window as unknown as { lengths: number[] }).lengths);
}

test.describe('your own server in Chromium', () => {
  test.describe.configure({ timeout: ENGINE_TEST });

  test('options: a bad address is said; Connect waits for the browser; a set-up server is tested, forgotten', async ({
    context,
    extensionId,
    ownServer,
    setSettings,
    skeinRequests,
    pageErrors,
  }) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#server`);
    // Where posts go with this engine, said before anything is set up.
    await expect(options.getByTestId('server-egress')).toContainText('go to this server, and to no other');
    await expect(options.locator('input[name="engine"][value="server"]')).toHaveCount(0);

    const address = options.getByTestId('server-address');
    await address.fill('localhost:11434');
    await address.press('Enter');
    await expect(options.getByTestId('server-status')).toHaveText(
      'Write the address with http:// or https://, without a name or password, like http://localhost:11434/v1.',
    );

    // Connect's click asks the browser for the host: until the user answers, nothing is
    // listed or saved, and the server is not contacted.
    await address.fill(ownServer.root);
    await options.getByRole('button', { name: 'Connect' }).click();
    await expect(options.getByRole('button', { name: 'Connect' })).toBeDisabled();
    await expect(options.getByTestId('choice-serverModel')).toHaveCount(0);
    expect(ownServer.log).toEqual([]);

    // As after the user's yes and a pick: the engine shows as a choice, checked, and Test
    // asks the model a short question and shows its answer as text.
    await setSettings(useServer(ownServer));
    await options.reload();
    const host = new URL(ownServer.root).host;
    await expect(options.getByTestId('server-saved')).toContainText(`Skein uses ${OWN_MODEL} on ${host}.`);
    await expect(options.locator('input[name="engine"][value="server"]')).toBeChecked();
    await expect(options.getByTestId('choice-engine')).toContainText(`Your own server: ${OWN_MODEL} on ${host}`);
    await options.getByTestId('own-server').screenshot({ path: 'test-results/screens/own-server.png' });
    await options.getByRole('button', { name: 'Test' }).click();
    await expect(options.getByTestId('server-status')).toHaveText(
      new RegExp(`^${OWN_MODEL} answered in \\d+\\.\\d s: “.+”$`, 's'),
      { timeout: ENGINE_STEP },
    );
    expect(ownServer.finished).toBe(1);

    await options.getByRole('button', { name: 'Forget this server' }).click();
    await expect(options.getByTestId('server-status')).toHaveText(
      `Skein no longer uses ${host}; its permission was given back.`,
    );
    await expect(options.getByTestId('server-saved')).toHaveCount(0);
    await expect(options.locator('input[name="engine"][value="auto"]')).toBeChecked();
    // The server's two addresses, and nothing else, from any Skein context.
    expect([...new Set(skeinRequests)].sort()).toEqual([
      `${ownServer.root}/chat/completions`,
      `${ownServer.root}/models`,
    ]);
    expect(pageErrors).toEqual([]);
  });

  test('a summary streams from the server, with nothing to download; Cancel ends the request', async ({
    context,
    serve,
    openPanel,
    ownServer,
    setSettings,
    modelServer,
    skeinRequests,
    pageErrors,
  }) => {
    await setSettings(useServer(ownServer));
    await serve([OWN_THREAD]);
    const panel = await openPanel();
    const growth = await recordGrowth(panel);
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    // Slow enough to watch the answer grow, piece by piece.
    ownServer.pieceDelay = 5;
    await chooseAction(page, FOCUSED_POST, 'Summarize thread');
    const job = panel.getByTestId('job');
    await expect(job).toHaveAttribute('data-status', 'done', { timeout: ENGINE_STEP });
    await expect(panel.getByTestId('job-model')).toHaveText(`${OWN_MODEL} · your server`);
    expect((await panel.getByTestId('job-output').innerText()).trim()).toBe(ownServer.sent[0]!.trim());
    expect((await growth()).length).toBeGreaterThan(3);
    // Nothing was downloaded: the model lives on the server.
    expect(egress(modelServer.log)).toEqual([]);

    // Cancel in the middle: the panel says so, and the server sees the request go.
    ownServer.pieceDelay = 500;
    await panel.getByTestId('job-regenerate').click();
    await expect(job).toHaveAttribute('data-status', 'running', { timeout: ENGINE_STEP });
    await panel.getByTestId('job-cancel').click();
    await expect(job).toHaveAttribute('data-status', 'cancelled');
    await expect.poll(() => ownServer.aborted).toBe(1);
    expect(ownServer.finished).toBe(1);
    expect([...new Set(skeinRequests)].sort()).toEqual([
      `${ownServer.root}/chat/completions`,
      `${ownServer.root}/models`,
    ]);
    expect(pageErrors).toEqual([]);
  });

  test('a server that refuses, answers as something else, is down, or lacks the model: each said plainly', async ({
    context,
    serve,
    openPanel,
    ownServer,
    setSettings,
    fixtureEgress,
    pageErrors,
  }) => {
    // A port where nothing listens: the server is down.
    const down = await new Promise<string>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(`http://127.0.0.1:${port}/v1`));
      });
    });
    fixtureEgress.push(`${down}/models`);
    await serve([OWN_THREAD]);
    const panel = await openPanel();
    const page = await context.newPage();
    await page.goto(OWN_THREAD.url);
    const error = panel.getByTestId('job-error');
    const cases: [() => Promise<void>, RegExp][] = [
      [
        async () => {
          ownServer.mode = 'refuse';
          await setSettings(useServer(ownServer));
        },
        /^The server at http:\/\/127\.0\.0\.1:\d+ refused Skein \(HTTP 401\)\.$/,
      ],
      [
        async () => void (ownServer.mode = 'not-api'),
        /answered, but not as an OpenAI-compatible API \(no list of models\)/,
      ],
      [
        async () => setSettings({ ...useServer(ownServer), serverAddress: down }),
        /^Skein could not reach http:\/\/127\.0\.0\.1:\d+\. Is the server running at that address\?$/,
      ],
      [
        async () => {
          ownServer.mode = 'api';
          await setSettings(useServer(ownServer, 'llama3.2'));
        },
        new RegExp(`^Your server has no model named “llama3\\.2”\\. It has ${OWN_MODEL.replace('.', '\\.')}\\.$`),
      ],
    ];
    for (const [i, [arrange, detail]] of cases.entries()) {
      await arrange();
      if (i === 0) await chooseAction(page, FOCUSED_POST, 'Summarize thread');
      else await panel.getByTestId('job-retry').click();
      await expect(error).toHaveAttribute('data-code', 'server', { timeout: ENGINE_STEP });
      await expect(error).toContainText(`Skein could not use your server for ${i === 3 ? 'llama3.2' : OWN_MODEL}.`);
      await expect(panel.getByTestId('job-open-options')).toBeVisible();
      await expect(panel.getByTestId('job-error-detail')).toHaveText(detail);
    }
    // Nothing was generated, and the options are one click away.
    expect(ownServer.finished).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
