import type { Worker } from '@playwright/test';
import { test, expect } from './support/chromium';
import { MASTODON_SERVER } from './support/pages';

// The options page asks the servers the user typed for their public description: the one
// request Skein makes to a server the user named, and exactly these.
test.use({ alsoExpectedEgress: [MASTODON_SERVER.instance.url, MASTODON_SERVER.blog.url] });

/** What the browser has registered and granted for Skein on the made-up server. */
const registration = (worker: Worker) =>
  worker.evaluate(async () => {
    const c = (
      globalThis as unknown as {
        chrome: {
          scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
          permissions: { contains(p: { origins: string[] }): Promise<boolean> };
        };
      }
    ).chrome;
    return {
      scripts: (await c.scripting.getRegisteredContentScripts()).map((s) => s.id),
      granted: await c.permissions.contains({ origins: ['https://knit-test.example/*'] }),
    };
  });

test('Chromium: nothing of Skein runs on a Mastodon server before it is added; options checks a server first', async ({
  context,
  extensionId,
  serve,
  serviceWorker,
  skeinRequests,
  pageErrors,
}) => {
  await serve([MASTODON_SERVER.home, MASTODON_SERVER.instance, MASTODON_SERVER.blog]);
  const site = await context.newPage();
  await site.goto(MASTODON_SERVER.home.url);
  await site.locator('#mastodon .status').first().waitFor();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#mastodon`);
  // Skein's buttons would be up by the time the options page has loaded: there are none.
  await expect(options.getByTestId('mastodon-servers')).toBeVisible();
  await expect(site.locator('[data-skein-post]')).toHaveCount(0);

  // Not Mastodon: said plainly, nothing to add, nothing asked of the browser.
  const address = options.getByTestId('mastodon-address');
  await address.fill('https://blog-test.example/posts/1');
  await address.press('Enter');
  await expect(options.getByTestId('mastodon-status')).toHaveText(
    'This server does not answer as Mastodon: Skein adds Mastodon servers only.',
  );
  await expect(options.getByTestId('mastodon-add')).toHaveCount(0);

  // Mastodon: the server is shown, as text, with the one button that asks the browser for it.
  await address.fill('knit-test.example');
  await address.press('Enter');
  await expect(options.getByTestId('mastodon-found')).toContainText(
    'knit-test.example runs Mastodon 4.3.2 (Knitters).',
  );
  await expect(options.getByTestId('mastodon-add')).toBeVisible();
  await options.getByTestId('mastodon-servers').screenshot({ path: 'test-results/screens/mastodon-add.png' });
  // Chromium's permission prompt is its own window, which no test can answer: until the user
  // says yes, nothing is registered or granted (Firefox's test follows the yes).
  expect(await registration(await serviceWorker())).toEqual({ scripts: [], granted: false });
  expect([...skeinRequests].sort()).toEqual([MASTODON_SERVER.blog.url, MASTODON_SERVER.instance.url]);
  expect(pageErrors).toEqual([]);
});
