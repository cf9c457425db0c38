/**
 * How the background reaches the engine host. Chrome: an offscreen document (WebGPU and Web
 * Workers work there; a service worker may be torn down mid-generation), reached over a port.
 * Firefox: the background page is a page, so the host runs right there.
 */
import { browser, type Browser } from '#imports';
import { EngineError } from '../llm/engine';
import type { EngineHost } from './host';
import type { HostLink } from './queue';
import { HOST_CALL, HOST_PORT, type FromHost, type HostEvent, type JobTask, type ToHost } from './protocol';

/** The host in the same context (Firefox's background page). */
export class InProcessLink implements HostLink {
  constructor(private host: EngineHost) {}
  run(task: JobTask, onEvent: (e: HostEvent) => void, signal: AbortSignal) {
    return this.host.run(task, onEvent, signal);
  }
}

interface Run {
  onEvent: (e: HostEvent) => void;
  resolve: (r: { text: string; calls: number }) => void;
  reject: (e: unknown) => void;
}

/** How long the offscreen document may take to start and call in. */
const CONNECT_TIMEOUT_MS = 15_000;

/** The host in Chrome's offscreen document. */
export class OffscreenLink implements HostLink {
  private port: Browser.runtime.Port | null = null;
  private runs = new Map<string, Run>();
  private connected: ((port: Browser.runtime.Port) => void)[] = [];

  /** Takes the port the offscreen document opened. */
  attach(port: Browser.runtime.Port): void {
    this.port = port;
    port.onMessage.addListener((msg: FromHost) => {
      const run = this.runs.get(msg.runId);
      if (!run) return;
      if (msg.type === 'event') run.onEvent(msg.event);
      else {
        this.runs.delete(msg.runId);
        if (msg.type === 'done') run.resolve({ text: msg.text, calls: msg.calls });
        else run.reject(new EngineError(msg.message, msg.code as EngineError['code']));
      }
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
      // The document closed or crashed: whatever ran there is over.
      for (const [id, run] of this.runs) {
        this.runs.delete(id);
        run.reject(
          Object.assign(new Error('The engine stopped before finishing. Try again.'), { code: 'interrupted' }),
        );
      }
    });
    for (const waiter of this.connected.splice(0)) waiter(port);
  }

  private async host(): Promise<Browser.runtime.Port> {
    if (this.port) return this.port;
    const waiting = new Promise<Browser.runtime.Port>((resolve, reject) => {
      this.connected.push(resolve);
      setTimeout(() => reject(new EngineError('The engine host did not start.', 'load')), CONNECT_TIMEOUT_MS);
    });
    const existing = await browser.runtime
      .getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType] })
      .catch(() => []);
    if (existing?.length) {
      // Open since an earlier worker: its port went with that worker. It connects again.
      await browser.runtime.sendMessage(HOST_CALL).catch(() => undefined);
    } else {
      await browser.offscreen.createDocument({
        url: browser.runtime.getURL('/offscreen.html'),
        reasons: ['WORKERS' as Browser.offscreen.Reason],
        justification: 'Runs the on-device language model in Web Workers.',
      });
    }
    return waiting;
  }

  async run(task: JobTask, onEvent: (e: HostEvent) => void, signal: AbortSignal) {
    const port = await this.host();
    const runId = crypto.randomUUID();
    return new Promise<{ text: string; calls: number }>((resolve, reject) => {
      this.runs.set(runId, { onEvent, resolve, reject });
      const send = (msg: ToHost) => port.postMessage(msg);
      signal.addEventListener('abort', () => send({ type: 'cancel', runId }), { once: true });
      send({ type: 'run', runId, task });
    });
  }
}

/**
 * The offscreen document's side: serves runs from the background over the host port. The
 * document outlives service workers: when the worker's port drops, its runs stop (nobody waits
 * for them), and the next worker's call opens a new port. One run at a time: a run stopping
 * for a gone worker ends before the next worker's run starts.
 */
export function serveHost(host: EngineHost): void {
  let port: Browser.runtime.Port | null = null;
  const controllers = new Map<string, AbortController>();
  let previous: Promise<unknown> = Promise.resolve();

  const serve = (msg: ToHost, post: (m: FromHost) => void) => {
    if (msg.type === 'cancel') {
      controllers.get(msg.runId)?.abort();
      return;
    }
    const controller = new AbortController();
    controllers.set(msg.runId, controller);
    previous = previous
      .then(() => host.run(msg.task, (event) => post({ type: 'event', runId: msg.runId, event }), controller.signal))
      .then(
        ({ text, calls }) => post({ type: 'done', runId: msg.runId, text, calls }),
        (err: unknown) => {
          const e = err as { code?: string; message?: string };
          post({
            type: 'error',
            runId: msg.runId,
            code: controller.signal.aborted ? 'aborted' : (e?.code ?? 'generate'),
            message: e?.message ?? String(err),
          });
        },
      )
      .finally(() => controllers.delete(msg.runId));
  };

  const connect = () => {
    if (port) return;
    const mine = browser.runtime.connect({ name: HOST_PORT });
    port = mine;
    const post = (m: FromHost) => {
      if (port === mine) mine.postMessage(m);
    };
    mine.onMessage.addListener((msg: ToHost) => serve(msg, post));
    mine.onDisconnect.addListener(() => {
      port = null;
      for (const controller of controllers.values()) controller.abort();
    });
  };
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (msg === HOST_CALL) connect();
  });
  connect();
}
