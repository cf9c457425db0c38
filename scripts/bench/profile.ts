/**
 * `npm run bench:profile`: where the previous CPU engine's (wllama's) time goes. Runs the real-size model in
 * Chromium (one thread, as in the bench) under the DevTools sampling profiler attached to
 * wllama's worker, and prints the functions that take the most time (wllama's build keeps
 * llama.cpp's function names). BENCH_CPU_QUANT picks the model (q4km, q4_0, q8_0).
 */
import { chromium, type CDPSession } from '@playwright/test';
import { realSizeModel, type RealSizeQuant } from '../lib/real-size-model';
import { promptOf, serveSpeedPage } from './cpu-speed';
import type { SpeedAsk } from './cpu-speed-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** Talks to a worker over the page's DevTools session (non-flat: Playwright has no worker sessions). */
function workerChannel(cdp: CDPSession) {
  let next = 0;
  const pending = new Map<number, (v: Record<string, unknown> | null) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
    if (msg.id != null) pending.get(msg.id)?.(msg.result ?? null);
  });
  return (sessionId: string, method: string, params: object = {}) =>
    new Promise<Record<string, unknown> | null>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => resolve(null));
    });
}

const quant = (process.env.BENCH_CPU_QUANT ?? 'q4km') as RealSizeQuant;
const site = await serveSpeedPage(realSizeModel(quant));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const send = workerChannel(cdp);
  const workers = new Set<string>();
  // Every worker is profiled from its start (wllama starts its worker when it loads).
  cdp.on('Target.attachedToTarget', (e) => {
    workers.add(e.sessionId);
    void send(e.sessionId, 'Profiler.enable')
      .then(() => send(e.sessionId, 'Profiler.setSamplingInterval', { interval: 500 }))
      .then(() => send(e.sessionId, 'Profiler.start'));
  });
  cdp.on('Target.detachedFromTarget', (e) => void (e.sessionId && workers.delete(e.sessionId)));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.goto(site.url);
  await page.waitForFunction('"runSpeed" in window');
  // The model stays loaded (`keep`): its worker must still be there to hand over its profile.
  const ask: SpeedAsk = {
    threads: 1,
    runs: 1,
    prompt: promptOf(128),
    decodeTokens: 32,
    modelUrl: `${site.url}model.gguf`,
    keep: true,
  };
  const measured = await page.evaluate(
    (a) => (window as unknown as { runSpeed(a: SpeedAsk): Promise<{ runs: unknown[] }> }).runSpeed(a),
    ask,
  );
  console.log(`real-size model (${quant}), 1 thread: ${JSON.stringify(measured.runs)}`);
  for (const w of workers) {
    const stopped = (await send(w, 'Profiler.stop')) as {
      profile?: { nodes: ProfileNode[]; samples: number[] };
    } | null;
    if (!stopped?.profile?.samples.length) continue;
    const { nodes, samples } = stopped.profile;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    for (const id of samples) {
      const name = byId.get(id)?.callFrame.functionName || '(other)';
      self.set(name, (self.get(name) ?? 0) + 1);
    }
    // Only the worker that ran the model (the others idle, or fetch).
    if (!self.has('ggml_graph_compute')) continue;
    console.log(`worker profile, ${samples.length} samples (the model's load included):`);
    for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`  ${((100 * count) / samples.length).toFixed(1)}% ${name}`);
  }
} finally {
  await browser.close();
  site.close();
}
