/**
 * Firefox: the engine host runs in a dedicated worker that the background page starts. The
 * background page is a page: an engine on its thread held that thread for a whole step of
 * reading (about a second on the real-size model), and every extension page that called the
 * background (panel, popup, options) waited behind it. In a worker, the engine reads as fast
 * (measured with `BENCH_IN_WORKER=1`, see the README) and the background stays free.
 */
import type { EngineHost } from './host';
import { hostServer, RunTable } from './host-link';
import type { FromHost, HostEvent, JobTask, ToHost } from './protocol';
import type { HostLink } from './queue';

/** What the link needs of a worker. */
export interface EngineWorker {
  postMessage(message: ToHost): void;
  onmessage: ((e: MessageEvent<FromHost>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The host in a worker, started on the first run. */
export class WorkerLink implements HostLink {
  private worker: EngineWorker | null = null;
  private runs = new RunTable();

  /**
   * `start` makes the worker: in Skein, from a file of the extension (Firefox refuses `blob:`
   * workers there).
   */
  constructor(private start: () => EngineWorker) {}

  private host(): EngineWorker {
    if (this.worker) return this.worker;
    const worker = this.start();
    worker.onmessage = (e) => this.runs.dispatch(e.data);
    // The worker's script failed, or the worker died (out of memory): its runs are over, and the
    // next run starts a new worker. The error is still reported, as any uncaught error is.
    worker.onerror = () => {
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.runs.failAll();
    };
    this.worker = worker;
    return worker;
  }

  run(task: JobTask, onEvent: (e: HostEvent) => void, signal: AbortSignal) {
    const worker = this.host();
    return this.runs.start((msg) => worker.postMessage(msg), task, onEvent, signal);
  }
}

/** What the worker's side needs of its global scope. */
export interface WorkerScope {
  postMessage(message: FromHost): void;
  onmessage: ((e: MessageEvent<ToHost>) => void) | null;
}

/** The worker's side: serves the background's runs, one at a time. */
export function serveHostInWorker(host: EngineHost, scope: WorkerScope): void {
  const { serve } = hostServer(host);
  const post = (m: FromHost) => scope.postMessage(m);
  scope.onmessage = (e) => serve(e.data, post);
}
