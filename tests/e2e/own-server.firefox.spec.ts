import type { Page } from 'puppeteer-core';
import { test, expect, FOCUSED_BUTTON, firefoxUi, openOptions, waitUntil } from './support/firefox';
import { OWN_MODEL } from './support/own-server';
import { ENGINE_STEP, ENGINE_TEST, UI_STEP } from './support/limits';
import { egress } from './support/egress';

/** The text of an element of a page, by test id ('' when there is none). */
const textOf = (page: Page, id: string) =>
  page.evaluate((i) => document.querySelector(`[data-testid="${i}"]`)?.textContent ?? '', id);

/** The panel's job status, by its attribute. */
const jobStatus = (panel: Page) =>
  panel.evaluate(() => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') ?? '');

test(
  'Firefox: Connect asks for the server’s host, lists its models; a summary streams from it, Cancel ends the ' +
    'request; Forget gives the host back',
  async ({ firefox, openServed, ownServer, modelServer, pageErrors }) => {
    test.setTimeout(ENGINE_TEST);
    const { options, panel, thread } = await openOptions(firefox, openServed, pageErrors, 'server-address');
    expect(await textOf(options, 'server-egress')).toContain('go to this server, and to no other');
    // Firefox has no built-in model of Chrome's: neither the choice nor its status line shows.
    expect(await options.evaluate(() => !!document.querySelector('input[name="engine"][value="builtin"]'))).toBe(false);
    expect(await options.evaluate(() => !!document.querySelector('[data-testid="options-builtin"]'))).toBe(false);
    expect(await options.evaluate(() => !!document.querySelector('input[name="engine"][value="cpu"]'))).toBe(true);

    // Connect: Firefox asks the user for the host (granted here as the user's yes), then the
    // server's models are listed, as text. The server sends no CORS headers: the grant is what
    // lets Skein read it.
    await options.locator('[data-testid="server-address"]').fill(ownServer.root);
    await options.keyboard.press('Enter');
    const host = new URL(ownServer.root).host;
    await waitUntil(options, () => !!document.querySelector('[data-testid="choice-serverModel"] input'), UI_STEP);
    expect(await textOf(options, 'server-status')).toBe(`${host} answers. Pick the model Skein uses:`);
    expect(await textOf(options, 'choice-serverModel')).toBe(`Models on ${host}${OWN_MODEL}`);
    await options.locator(`input[name="serverModel"][value="${OWN_MODEL}"]`).click();
    await options.waitForFunction(
      () => (document.querySelector('input[name="engine"][value="server"]') as HTMLInputElement | null)?.checked,
      { timeout: UI_STEP },
    );
    expect(await textOf(options, 'server-saved')).toContain(`Skein uses ${OWN_MODEL} on ${host}.`);

    // Test: a short question, answered by the model, shown as text.
    await options.locator('[data-testid="server-saved"] button').click();
    await waitUntil(options, () => /answered in/.test(document.body.textContent ?? ''), ENGINE_STEP);
    expect(await textOf(options, 'server-status')).toMatch(
      new RegExp(`^${OWN_MODEL} answered in \\d+\\.\\d s: “.+”$`, 's'),
    );

    // A summary from the thread the options were opened from: streamed from the server, with
    // nothing to download. The panel is the tab the summary's notice opened.
    // Asked again from the thread (the panel still waits for the CPU model's download): the
    // server answers now, and the open panel follows.
    await thread.bringToFront();
    const button = firefoxUi(firefox, thread).host(FOCUSED_BUTTON);
    await button.click('button.trigger');
    await button.click({ button: 'Summarize thread' });
    await panel.bringToFront();
    await waitUntil(
      panel,
      () => document.querySelector('[data-testid="job"]')?.getAttribute('data-status') === 'done',
      ENGINE_STEP,
    );
    expect(await textOf(panel, 'job-model')).toBe(`${OWN_MODEL} · your server`);
    expect((await textOf(panel, 'job-output')).trim()).toBe(ownServer.sent.at(-1)!.trim());

    // Cancel in the middle: the server sees the request go.
    ownServer.pieceDelay = 500;
    await panel.locator('[data-testid="job-regenerate"]').click();
    await expect.poll(() => jobStatus(panel), { timeout: ENGINE_STEP }).toBe('running');
    await panel.locator('[data-testid="job-cancel"]').click();
    await expect.poll(() => jobStatus(panel)).toBe('cancelled');
    await expect.poll(() => ownServer.aborted).toBe(1);

    // Forget: the server is gone from the options, Automatic is back.
    await options.bringToFront();
    await options.locator('[data-testid="server-saved"] button:last-child').click();
    await options.waitForFunction(
      () => (document.querySelector('input[name="engine"][value="auto"]') as HTMLInputElement | null)?.checked,
      { timeout: UI_STEP },
    );
    expect(await textOf(options, 'server-status')).toBe(`Skein no longer uses ${host}; its permission was given back.`);

    // What left the browser: the server's two addresses (through the proxy, every context's
    // requests), and nothing else; no model download.
    expect([...new Set(egress(modelServer.log))].sort()).toEqual([
      `${ownServer.root}/chat/completions`,
      `${ownServer.root}/models`,
    ]);
    expect(pageErrors).toEqual([]);
  },
);
