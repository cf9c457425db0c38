import { test, expect } from './support/chromium';
import { PROTOCOL_CALL, within } from './support/limits';
import { egress } from './support/egress';

/**
 * Every test ends by checking that no Skein context logged an error or threw (the pageErrors
 * fixture). This test shows that check can fail: errors made on purpose in the service worker
 * and the offscreen document, which no tab shows, are caught; so are requests they make on any
 * channel (the egress watch the privacy tests use).
 */
test('the error watch sees the service worker and the offscreen document, not only tabs', async ({
  serviceWorker,
  sendToTarget,
  pageErrors,
  skeinRequests,
  modelServer,
}) => {
  type Chrome = {
    chrome: { offscreen: { createDocument(o: object): Promise<void> }; runtime: { getURL(p: string): string } };
  };
  const worker = await serviceWorker();
  await within(
    worker.evaluate(() => {
      console.error('probe: worker console');
      setTimeout(() => {
        throw new Error('probe: worker uncaught');
      });
      const { chrome } = globalThis as unknown as Chrome;
      return chrome.offscreen.createDocument({
        url: chrome.runtime.getURL('/offscreen.html'),
        reasons: ['WORKERS'],
        justification: 'test',
      });
    }),
    PROTOCOL_CALL,
    'probe in the worker',
  );
  await expect
    .poll(() =>
      sendToTarget('/offscreen.html', [
        'Runtime.evaluate',
        { expression: 'console.error("probe: offscreen console"); 1', returnByValue: true },
      ]),
    )
    .not.toBeNull();
  await expect
    .poll(() => pageErrors.join('\n'))
    .toMatch(/probe: worker console[\s\S]*probe: worker uncaught|probe: worker uncaught[\s\S]*probe: worker console/);
  await expect.poll(() => pageErrors.join('\n')).toContain('probe: offscreen console');
  // Seen: the test itself made them, so they do not fail it.
  pageErrors.length = 0;

  // The egress watch sees every channel from those contexts: https, plain http to an IP
  // literal, and a WebSocket (none of which reach anything here).
  const before = modelServer.log.length;
  await within(
    worker.evaluate(() => {
      void fetch('https://probe.example/a').catch(() => undefined);
      void fetch('http://203.0.113.9/b').catch(() => undefined);
      new WebSocket('ws://198.51.100.7:9/c');
    }),
    PROTOCOL_CALL,
    'probe requests in the worker',
  );
  await expect
    .poll(() => [...skeinRequests].sort())
    .toEqual(['http://203.0.113.9/b', 'https://probe.example/a', 'ws://198.51.100.7:9/c']);
  // The https one reached the network (the local server), where the browser-wide check sees it.
  expect(egress(modelServer.log.slice(before))).toEqual(['https://probe.example/a']);
  // Seen: the test made them, so the end-of-test egress checks must not count them.
  skeinRequests.length = 0;
  modelServer.log.splice(before);
});
