import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followJob, RECONNECT_MS, type Connect, type JobGone } from '@/utils/jobs/follow';
import type { JobState } from '@/utils/jobs/protocol';

const state = (over: Partial<JobState>): JobState => ({
  id: 'job-1',
  action: 'summarize',
  status: 'running',
  text: '',
  postCount: 3,
  cached: false,
  engine: 'cpu',
  model: { id: 'm', engine: 'cpu', label: 'Tiny', url: '', sizeBytes: 1, contextTokens: 4096 },
  ...over,
});

/** A fake runtime: each connect makes a port the test can talk on or drop, as a worker would. */
class FakeRuntime {
  ports: { name: string; send(m: JobState | JobGone): void; drop(): void; closedByUs: boolean }[] = [];
  failing = false;
  connect: Connect = (name) => {
    if (this.failing) throw new Error('Extension context invalidated.');
    const listeners: ((m: JobState) => void)[] = [];
    const drops: (() => void)[] = [];
    const port = {
      name,
      closedByUs: false,
      send: (m: JobState | JobGone) => listeners.forEach((l) => l(m as JobState)),
      drop: () => drops.forEach((d) => d()),
    };
    this.ports.push(port);
    return {
      onMessage: { addListener: (fn) => void listeners.push(fn) },
      onDisconnect: { addListener: (fn) => void drops.push(fn) },
      disconnect: () => void (port.closedByUs = true),
    };
  };
}

describe('followJob', () => {
  let runtime: FakeRuntime;
  let seen: JobState[];
  beforeEach(() => {
    vi.useFakeTimers();
    runtime = new FakeRuntime();
    seen = [];
  });
  afterEach(() => vi.useRealTimers());

  it('passes every state on, on the job’s port', () => {
    followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[0]!.send(state({ text: 'One' }));
    runtime.ports[0]!.send(state({ status: 'done', text: 'One two' }));
    expect(runtime.ports.map((p) => p.name)).toEqual(['job:job-1']);
    expect(seen.map((s) => s.status)).toEqual(['running', 'done']);
  });

  it('a stopped worker: connects again; a worker that lost the job makes it interrupted, text kept', () => {
    followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[0]!.send(state({ text: 'Half an answer' }));
    runtime.ports[0]!.drop();
    expect(runtime.ports).toHaveLength(1);
    vi.advanceTimersByTime(RECONNECT_MS);
    expect(runtime.ports).toHaveLength(2);
    runtime.ports[1]!.send({ id: 'job-1', gone: true });
    expect(seen.at(-1)).toMatchObject({
      status: 'interrupted',
      text: 'Half an answer',
      error: { code: 'interrupted' },
    });
  });

  it('a worker that still has the job goes on sending it', () => {
    followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[0]!.send(state({ text: 'Half' }));
    runtime.ports[0]!.drop();
    vi.advanceTimersByTime(RECONNECT_MS);
    runtime.ports[1]!.send(state({ status: 'done', text: 'Half and the rest' }));
    expect(seen.at(-1)).toMatchObject({ status: 'done', text: 'Half and the rest' });
  });

  it('a port that drops again, or an extension reloaded under the page, ends it as interrupted', () => {
    followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[0]!.send(state({ text: 'Half' }));
    runtime.ports[0]!.drop();
    vi.advanceTimersByTime(RECONNECT_MS);
    runtime.ports[1]!.drop();
    expect(seen.at(-1)?.status).toBe('interrupted');

    const other: JobState[] = [];
    const second = new FakeRuntime();
    followJob(second.connect, 'job-2', (s) => other.push(s));
    second.ports[0]!.send(state({ id: 'job-2', text: 'Some' }));
    second.failing = true;
    second.ports[0]!.drop();
    vi.advanceTimersByTime(RECONNECT_MS);
    expect(other.at(-1)).toMatchObject({ status: 'interrupted', text: 'Some' });
  });

  it('a finished job’s port dropping, or the surface stopping, connects nothing more', () => {
    const stop = followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[0]!.send(state({ status: 'done', text: 'All' }));
    runtime.ports[0]!.drop();
    vi.advanceTimersByTime(RECONNECT_MS * 4);
    expect(runtime.ports).toHaveLength(1);
    expect(seen.map((s) => s.status)).toEqual(['done']);

    const running = followJob(runtime.connect, 'job-1', (s) => seen.push(s));
    runtime.ports[1]!.send(state({}));
    running();
    expect(runtime.ports[1]!.closedByUs).toBe(true);
    runtime.ports[1]!.drop();
    vi.advanceTimersByTime(RECONNECT_MS * 4);
    expect(runtime.ports).toHaveLength(2);
    stop();
  });
});
