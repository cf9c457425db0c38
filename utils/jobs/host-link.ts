/**
 * How the background reaches the engine host. Chrome: an offscreen document (WebGPU and Web
 * Workers work there; a service worker may be torn down mid-generation), reached over a port.
 * Firefox: a worker of the background page (worker-link.ts).
 */
import { browser, type Browser } from '#imports';
import { EngineError } from '../llm/engine';
import { builtinApi, builtinAvailability, type BuiltinAvailability } from '../llm/builtin-engine';
import type { EngineHost } from './host';
import type { HostLink } from './queue';
import { HOST_CALL, HOST_PORT, type FromHost, type HostEvent, type JobTask, type ToHost } from './protocol';

/** The host in the same context, called directly (the job queue's unit tests). */
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

/**
 * The runs a link has sent to a host in another context (Chrome's offscreen document,
 * Firefox's engine worker), matched to what the host sends back.
 */
export class RunTable {
  private runs = new Map<string, Run>();
  private probes = new Map<string, (availability: BuiltinAvailability) => void>();

  /**
   * Asks the host whether Chrome's built-in model can answer in `lang`; `unavailable` when the
   * host does not answer in time (it never blocks a job).
   */
  probe(send: (msg: ToHost) => void, lang: string): Promise<BuiltinAvailability> {
    const runId = crypto.randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.probes.delete(runId);
        resolve('unavailable');
      }, PROBE_TIMEOUT_MS);
      this.probes.set(runId, (availability) => {
        clearTimeout(timer);
        this.probes.delete(runId);
        resolve(availability);
      });
      send({ type: 'probe', runId, lang });
    });
  }

  /** Sends a run through `send`; settles when the host says it is done or failed. */
  start(send: (msg: ToHost) => void, task: JobTask, onEvent: (e: HostEvent) => void, signal: AbortSignal) {
    const runId = crypto.randomUUID();
    return new Promise<{ text: string; calls: number }>((resolve, reject) => {
      this.runs.set(runId, { onEvent, resolve, reject });
      signal.addEventListener('abort', () => send({ type: 'cancel', runId }), { once: true });
      send({ type: 'run', runId, task });
    });
  }

  /** Hands what the host sent to the run it belongs to. */
  dispatch(msg: FromHost): void {
    if (msg.type === 'probed') {
      this.probes.get(msg.runId)?.(msg.availability);
      return;
    }
    const run = this.runs.get(msg.runId);
    if (!run) return;
    if (msg.type === 'event') run.onEvent(msg.event);
    else {
      this.runs.delete(msg.runId);
      if (msg.type === 'done') run.resolve({ text: msg.text, calls: msg.calls });
      else run.reject(new EngineError(msg.message, msg.code as EngineError['code']));
    }
  }

  /** The host's context closed or crashed: whatever ran there is over. */
  failAll(): void {
    for (const [id, run] of this.runs) {
      this.runs.delete(id);
      run.reject(Object.assign(new Error('The engine stopped before finishing. Try again.'), { code: 'interrupted' }));
    }
  }
}

/** How long the host may take to say whether Chrome's model is there. */
const PROBE_TIMEOUT_MS = 5_000;

/** How long the offscreen document may take to start and call in. */
const CONNECT_TIMEOUT_MS = 15_000;

/** The host in Chrome's offscreen document. */
export class OffscreenLink implements HostLink {
  private port: Browser.runtime.Port | null = null;
  private runs = new RunTable();
  private connected: ((port: Browser.runtime.Port) => void)[] = [];

  /** Takes the port the offscreen document opened. */
  attach(port: Browser.runtime.Port): void {
    this.port = port;
    port.onMessage.addListener((msg: FromHost) => this.runs.dispatch(msg));
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = null;
      this.runs.failAll();
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
    return this.runs.start((msg) => port.postMessage(msg), task, onEvent, signal);
  }

  /** Whether Chrome's built-in model can answer in `lang`, asked where the engines run. */
  async probeBuiltin(lang: string): Promise<BuiltinAvailability> {
    const port = await this.host().catch(() => null);
    return port ? this.runs.probe((msg) => port.postMessage(msg), lang) : 'unavailable';
  }
}

/**
 * Serves runs sent from another context, one at a time: `serve` takes a message and the way to
 * answer it; `stopAll` stops what runs (its asker is gone). A run stopping ends before the next
 * one starts.
 */
export function hostServer(
  host: EngineHost,
  probe: (lang: string) => Promise<BuiltinAvailability> = (lang) => builtinAvailability(builtinApi(), lang),
) {
  const controllers = new Map<string, AbortController>();
  let previous: Promise<unknown> = Promise.resolve();
  const serve = (msg: ToHost, post: (m: FromHost) => void) => {
    if (msg.type === 'cancel') {
      controllers.get(msg.runId)?.abort();
      return;
    }
    // Answered at once, not after the runs queued: a job waits on it to pick its engine.
    if (msg.type === 'probe') {
      void probe(msg.lang).then((availability) => post({ type: 'probed', runId: msg.runId, availability }));
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
  const stopAll = () => {
    for (const controller of controllers.values()) controller.abort();
  };
  return { serve, stopAll };
}

/**
 * The offscreen document's side: serves runs from the background over the host port. The
 * document outlives service workers: when the worker's port drops, its runs stop (nobody waits
 * for them), and the next worker's call opens a new port. One run at a time: a run stopping
 * for a gone worker ends before the next worker's run starts.
 */
export function serveHost(host: EngineHost): void {
  let port: Browser.runtime.Port | null = null;
  const { serve, stopAll } = hostServer(host);

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
      stopAll();
    });
  };
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (msg === HOST_CALL) connect();
  });
  connect();
}
