import type { Page } from 'puppeteer-core';
import { test, expect, firefoxUi, openOptions, skeinErrors } from './support/firefox';
import { MASTODON_SERVER, withEditor } from './support/pages';
import { ENGINE_STEP, ENGINE_TEST, UI_STEP } from './support/limits';

// The options page asks the servers the user typed for their public description: the one
// request Skein makes to a server the user named, and exactly these.
test.use({ alsoExpectedEgress: [MASTODON_SERVER.instance.url, MASTODON_SERVER.blog.url] });

/** The ids Skein's buttons carry on a page. */
const buttonIds = (page: Page) =>
  page.$$eval('[data-skein-post]', (hosts) => hosts.map((h) => h.getAttribute('data-skein-post')));

/** The options page's Mastodon section says `text`. */
const says = (options: Page, text: string) =>
  options.waitForFunction(
    (t) => document.querySelector('[data-testid="mastodon-status"]')?.textContent === t,
    { timeout: UI_STEP },
    text,
  );

/** Types a server's address into the options page and asks Skein to check it. */
async function check(options: Page, address: string): Promise<void> {
  await options.locator('[data-testid="mastodon-address"]').fill(address);
  await options.keyboard.press('Enter');
}

test(
  'Firefox: a Mastodon server added at run time gets Skein’s buttons and its reply bar in the compose form; ' +
    'removed, they are gone',
  async ({ firefox, openServed, modelServer, pageErrors }) => {
    test.setTimeout(ENGINE_TEST);
    modelServer.json.set(MASTODON_SERVER.instance.url, MASTODON_SERVER.instance.json);
    // The server's home, with Mastodon's compose form (its React textarea) beside the statuses.
    const site = await openServed([await withEditor(MASTODON_SERVER.home, 'mastodon')]);
    await site.goto(MASTODON_SERVER.home.url);
    const { options } = await openOptions(firefox, openServed, pageErrors, 'mastodon-address');
    // Before the user adds the server, no Skein code runs there: by the time the options page is
    // up, its statuses have no buttons.
    await site.waitForSelector('#mastodon .status');
    expect(await buttonIds(site)).toEqual([]);

    // Skein checks that the server answers as Mastodon; Add asks Firefox for that one origin
    // (granted here as the user's yes).
    await check(options, 'knit-test.example');
    await options.waitForSelector('[data-testid="mastodon-found"]');
    expect(await options.$eval('[data-testid="mastodon-found"] span', (el) => el.textContent)).toBe(
      'knit-test.example runs Mastodon 4.3.2 (Knitters).',
    );
    await options.locator('[data-testid="mastodon-add"]').click();
    await says(options, 'Skein now works on knit-test.example. Reload the pages of it you have open.');
    expect(await options.$$eval('[data-testid="mastodon-list"] li span', (s) => s.map((e) => e.textContent))).toEqual([
      'knit-test.example',
    ]);

    // Reloaded, the server's page has a button on each status with an action bar.
    await site.bringToFront();
    await site.reload();
    await site.waitForFunction(() => document.querySelectorAll('[data-skein-post]').length === 2, { timeout: UI_STEP });
    expect(await buttonIds(site)).toEqual(['2001', '2002']);

    // The user replies to a status: the form shows which, and Skein's bar drafts with the CPU
    // engine and types the draft into the textarea, within the server's own limit.
    await site.locator('[data-id="2001"] .status__action-bar button').click();
    await site.waitForSelector('.reply-indicator');
    await site.waitForSelector('skein-reply-bar');
    const bar = firefoxUi(firefox, site).host('skein-reply-bar');
    await bar.click({ button: /Draft with Skein/ });
    await bar.click({ button: 'Draft' });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('needs-model');
    await bar.click({ button: /Download the model/ });
    await expect.poll(() => bar.state('status'), { timeout: ENGINE_STEP }).toBe('done');
    const variants = await bar.texts('.variants li p');
    expect(variants).toHaveLength(3);
    for (const v of variants) expect(v.trim().length).toBeGreaterThan(0);
    expect(await site.evaluate(() => window.postEnabled())).toBe(false);
    await bar.click({ button: 'Insert draft 1 into the reply box' });
    await site.waitForFunction(() => window.postEnabled(), { timeout: UI_STEP });
    expect(await site.evaluate(() => window.editorText())).toBe(variants[0]);
    expect(await site.evaluate(() => window.replyClicks)).toBe(0);

    // Removed: the buttons leave the open page at once (the permission given back is the unit
    // tests' to check: Firefox's page realm over WebDriver has no extension API to ask).
    await options.bringToFront();
    await options.locator('[data-testid="mastodon-list"] li button').click();
    await says(options, 'Skein no longer runs on knit-test.example; its permission was given back.');
    await site.waitForFunction(() => document.querySelectorAll('[data-skein-post]').length === 0, { timeout: UI_STEP });
    await site.reload();
    await site.waitForSelector('#mastodon .status');
    expect(await buttonIds(site)).toEqual([]);
    expect(await site.$$('skein-reply-bar')).toEqual([]);
    expect(skeinErrors(pageErrors)).toEqual([]);
  },
);

test('Firefox: a server that does not answer as Mastodon is not added, and nothing is asked', async ({
  firefox,
  openServed,
  modelServer,
  pageErrors,
}) => {
  modelServer.json.set(MASTODON_SERVER.blog.url, MASTODON_SERVER.blog.json);
  const { options } = await openOptions(firefox, openServed, pageErrors, 'mastodon-address');
  await check(options, 'https://blog-test.example/posts/1');
  await says(options, 'This server does not answer as Mastodon: Skein adds Mastodon servers only.');
  expect(await options.$$('[data-testid="mastodon-add"]')).toEqual([]);
  expect(await options.$$('[data-testid="mastodon-list"] li')).toEqual([]);
  expect(skeinErrors(pageErrors)).toEqual([]);
});
