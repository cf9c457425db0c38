import { describe, expect, it } from 'vitest';
import { EngineHost } from '@/utils/jobs/host';
import type { FromHost, HostEvent, JobTask, ToHost } from '@/utils/jobs/protocol';
import { serveHostInWorker, WorkerLink, type EngineWorker, type WorkerScope } from '@/utils/jobs/worker-link';
import { ScriptedEngine, SCRIPTED_MODEL } from '@/utils/llm/scripted-engine';
import { numberedPost } from '../../support/posts';

const task = (reply: string): JobTask => ({
  action: 'summarize',
  posts: [numberedPost(1, 'wool 1'), numberedPost(2, 'wool 2')],
  focus: 1,
  lang: 'en',
  engine: 'scripted',
  model: SCRIPTED_MODEL,
  script: { reply },
});

/**
 * A worker in the same thread: the two sides talk through structured clones, as across a real
 * worker, and the worker's side is the one Skein's engine worker runs.
 */
class FakeWorker implements EngineWorker {
  onmessage: ((e: MessageEvent<FromHost>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  private scope: WorkerScope = {
    onmessage: null,
    postMessage: (m) => {
      if (!this.terminated)
        queueMicrotask(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<FromHost>));
    },
  };
  constructor(delayMs: number) {
    const host = new EngineHost((_kind, t) => new ScriptedEngine(t.script?.reply ?? '', { pieceDelayMs: delayMs }));
    serveHostInWorker(host, this.scope);
  }
  postMessage(m: ToHost) {
    if (!this.terminated)
      queueMicrotask(() => this.scope.onmessage?.({ data: structuredClone(m) } as MessageEvent<ToHost>));
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker's script throws, or the worker runs out of memory. */
  crash() {
    this.onerror?.({ message: 'out of memory' } as ErrorEvent);
  }
}

function linkWithWorkers(delayMs = 0) {
  const made: FakeWorker[] = [];
  const link = new WorkerLink(() => {
    const worker = new FakeWorker(delayMs);
    made.push(worker);
    return worker;
  });
  return { link, made };
}

describe('WorkerLink (Firefox: the engines in a worker of the background page)', () => {
  it('starts the worker on the first run only, and streams a run’s events back to it', async () => {
    const { link, made } = linkWithWorkers();
    expect(made).toHaveLength(0);
    const events: HostEvent[] = [];
    const first = await link.run(task('TL;DR: wool.'), (e) => events.push(e), new AbortController().signal);
    expect(first.text).toBe('TL;DR: wool.');
    expect(events.some((e) => e.type === 'token')).toBe(true);
    await link.run(task('Again.'), () => {}, new AbortController().signal);
    expect(made).toHaveLength(1);
  });

  it('a cancel reaches the worker: the run ends as stopped, and the next run is served', async () => {
    const { link } = linkWithWorkers(20);
    const controller = new AbortController();
    const running = link.run(
      task('one two three four five six seven eight'),
      () => controller.abort(),
      controller.signal,
    );
    await expect(running).rejects.toMatchObject({ code: 'aborted' });
    await expect(link.run(task('Next.'), () => {}, new AbortController().signal)).resolves.toMatchObject({
      text: 'Next.',
    });
  });

  it('a worker that dies ends its runs as interrupted; the next run starts a new worker', async () => {
    const { link, made } = linkWithWorkers(50);
    const running = link.run(task('one two three four five six'), () => {}, new AbortController().signal);
    await Promise.resolve();
    made[0]!.crash();
    await expect(running).rejects.toMatchObject({ code: 'interrupted' });
    expect(made[0]!.terminated).toBe(true);
    await expect(link.run(task('Back.'), () => {}, new AbortController().signal)).resolves.toMatchObject({
      text: 'Back.',
    });
    expect(made).toHaveLength(2);
  });
});
