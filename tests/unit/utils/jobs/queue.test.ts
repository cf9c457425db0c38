import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { EngineHost } from '@/utils/jobs/host';
import { InProcessLink } from '@/utils/jobs/host-link';
import { JobQueue, type HostLink, type JobRequest, type ResultStore } from '@/utils/jobs/queue';
import type { JobState } from '@/utils/jobs/protocol';
import { ScriptedEngine, SCRIPTED_MODEL } from '@/utils/llm/scripted-engine';
import { SkeinDatabase, type StoredResult } from '@/utils/db';
import { cacheKey } from '@/utils/jobs/cache-key';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { numberedPost } from '../../support/posts';

const post = (i: number): Post => numberedPost(i, `wool ${i}`);

const request = (key: string, reply: string, tabId = 1, force = false): JobRequest => ({
  task: {
    action: 'summarize',
    posts: [post(1), post(2)],
    focus: 1,
    lang: 'en',
    engine: 'scripted',
    model: SCRIPTED_MODEL,
    script: { reply },
  },
  key,
  record: {
    action: 'summarize',
    site: 'x',
    threadId: '1',
    url: 'https://x.com/u1/status/1',
    title: '@u1: wool 1',
    modelId: 'scripted',
    lang: 'en',
    postCount: 2,
    postIds: ['1', '2'],
  },
  tabId,
  force,
});

/** A host with the scripted engine, slowed so jobs overlap. */
const host = (delay = 2) =>
  new InProcessLink(
    new EngineHost((_kind, task) => new ScriptedEngine(task.script?.reply ?? '', { pieceDelayMs: delay })),
  );

function memoryStore(): ResultStore & { rows: Map<string, StoredResult> } {
  const rows = new Map<string, StoredResult>();
  return { rows, get: async (k) => rows.get(k), put: async (r) => void rows.set(r.key, r) };
}

/** Resolves with a job's state once it is final, recording every state on the way. */
function finished(queue: JobQueue, id: string, seen: JobState[] = []): Promise<JobState> {
  return new Promise((resolve) => {
    queue.subscribe(id, (s) => {
      seen.push(s);
      if (['done', 'error', 'cancelled', 'interrupted', 'needs-model'].includes(s.status)) resolve(s);
    });
  });
}

describe('JobQueue', () => {
  it(
    'a model not on the device ends the job as needs-model, not as an error, and nothing is kept; with ' +
      'consent it runs',
    async () => {
      class NotDownloaded extends ScriptedEngine {
        override async hasModel() {
          return this.loaded() != null;
        }
      }
      const engine = new NotDownloaded('TL;DR: wool.');
      const store = memoryStore();
      const queue = new JobQueue(new InProcessLink(new EngineHost(() => engine)), store);
      const asked = await finished(queue, (await queue.submit(request('k9', ''))).id);
      expect(asked).toMatchObject({ status: 'needs-model', downloadAllowed: false });
      expect(asked.error).toBeUndefined();
      expect(store.rows.size).toBe(0);
      const consent = request('k9', '');
      consent.task.allowDownload = true;
      const done = await finished(queue, (await queue.submit(consent)).id);
      expect(done).toMatchObject({ status: 'done', text: 'TL;DR: wool.', downloadAllowed: true });
    },
  );

  it('streams a job to its watchers, keeps the result, and answers the same request from it', async () => {
    const store = memoryStore();
    const queue = new JobQueue(host(), store, () => 1234);
    const first = await queue.submit(request('k1', 'TL;DR: wool [1].'));
    const seen: JobState[] = [];
    const done = await finished(queue, first.id, seen);
    expect(done).toMatchObject({ status: 'done', text: 'TL;DR: wool [1].', cached: false, calls: 1 });
    // The watcher saw it at work before it was done, the text growing piece by piece.
    expect(seen[0]!.status).not.toBe('done');
    const lengths = seen.filter((s) => s.status === 'running').map((s) => s.text.length);
    expect(new Set(lengths).size).toBeGreaterThan(2);
    expect(store.rows.get('k1')).toMatchObject({ text: 'TL;DR: wool [1].', createdAt: 1234, postIds: ['1', '2'] });

    const again = await queue.submit(request('k1', 'something else'));
    expect(again).toMatchObject({ status: 'done', cached: true, text: 'TL;DR: wool [1].' });
    const regenerated = await finished(queue, (await queue.submit(request('k1', 'TL;DR: new.', 1, true))).id);
    expect(regenerated).toMatchObject({ status: 'done', cached: false, text: 'TL;DR: new.' });
  });

  it('runs one job at a time and tells the others their place; busy until the last one ends', async () => {
    const queue = new JobQueue(host(5), memoryStore());
    expect(queue.busy()).toBe(false);
    const a = await queue.submit(request('a', 'one two three four'));
    expect(queue.busy()).toBe(true);
    const b = await queue.submit(request('b', 'five'));
    const c = await queue.submit(request('c', 'six'));
    expect(queue.get(b.id)).toMatchObject({ status: 'queued', position: 1 });
    expect(queue.get(c.id)).toMatchObject({ status: 'queued', position: 2 });
    const order: string[] = [];
    await Promise.all([a, b, c].map((j) => finished(queue, j.id).then((s) => order.push(s.text))));
    expect(order).toEqual(['one two three four', 'five', 'six']);
    expect(queue.busy()).toBe(false);
  });

  it('gives the running job to a second watcher of the same request', async () => {
    const queue = new JobQueue(host(5), memoryStore());
    const a = await queue.submit(request('same', 'a b c'));
    const b = await queue.submit(request('same', 'a b c'));
    expect(b.id).toBe(a.id);
  });

  it('cancels a running job, a queued one, and everything a closed tab started', async () => {
    const store = memoryStore();
    const queue = new JobQueue(host(20), store);
    const running = await queue.submit(request('r', 'one two three four five six', 7));
    const waiting = await queue.submit(request('w', 'x', 7));
    const other = await queue.submit(request('o', 'other tab', 8));
    const runningEnd = finished(queue, running.id);
    await new Promise((r) => setTimeout(r, 30));
    queue.cancelTab(7);
    expect(await runningEnd).toMatchObject({ status: 'cancelled' });
    expect(queue.get(waiting.id)).toMatchObject({ status: 'cancelled' });
    expect(await finished(queue, other.id)).toMatchObject({ status: 'done', text: 'other tab' });
    expect([...store.rows.keys()]).toEqual(['o']);
  });

  it('ends a job as interrupted when the engine host died, and a retry works', async () => {
    let alive = false;
    const flaky: HostLink = {
      run: (task, onEvent, signal) =>
        alive
          ? host().run(task, onEvent, signal)
          : Promise.reject(
              Object.assign(new Error('The engine stopped before finishing. Try again.'), { code: 'interrupted' }),
            ),
    };
    const queue = new JobQueue(flaky, memoryStore());
    const lost = await finished(queue, (await queue.submit(request('i', 'back'))).id);
    expect(lost).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' } });
    alive = true;
    expect(await finished(queue, (await queue.submit(request('i', 'back'))).id)).toMatchObject({
      status: 'done',
      text: 'back',
    });
  });

  it('shows a result it could not keep (storage full), and says so', async () => {
    const full: ResultStore = {
      get: async () => undefined,
      put: async () => {
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      },
    };
    const queue = new JobQueue(host(), full);
    const done = await finished(queue, (await queue.submit(request('q', 'kept?'))).id);
    expect(done).toMatchObject({ status: 'done', text: 'kept?' });
    expect(done.saveError).toMatch(/storage is full/);
  });

  it('reports engine errors with their code', async () => {
    const broken = new InProcessLink(new EngineHost(() => null));
    const queue = new JobQueue(broken, memoryStore());
    const failed = await finished(
      queue,
      (
        await queue.submit({
          ...request('e', ''),
          task: { ...request('e', '').task, engine: 'webgpu', script: undefined },
        })
      ).id,
    );
    expect(failed).toMatchObject({ status: 'error', error: { code: 'no-webgpu' } });
  });
});

describe('results in IndexedDB', () => {
  it('keeps a result under its cache key, and the key follows text, model, language and action', async () => {
    const db = new SkeinDatabase('skein-test');
    const snap: PageSnapshot = {
      site: 'x',
      url: 'https://x.com/u1/status/1',
      kind: 'thread',
      focusedPostId: '1',
      posts: [post(1), post(2)],
    };
    const key = await cacheKey(snap, 'summarize', 'm', 'en', '1');
    expect(key).toMatch(/^x:1:[0-9a-f]{32}:m:p\d+:en:summarize$/);
    expect(await cacheKey(snap, 'summarize', 'm', 'en', '2')).toBe(key); // the whole thread, whichever post
    expect(await cacheKey(snap, 'explain', 'm', 'en', '2')).not.toBe(await cacheKey(snap, 'explain', 'm', 'en', '1'));
    expect(await cacheKey(snap, 'summarize', 'm2', 'en', '1')).not.toBe(key);
    expect(await cacheKey(snap, 'summarize', 'm', 'fr', '1')).not.toBe(key);
    const edited = { ...snap, posts: [post(1), { ...post(2), text: 'edited' }] };
    expect(await cacheKey(edited, 'summarize', 'm', 'en', '1')).not.toBe(key);

    await db.results.put({
      key,
      action: 'summarize',
      site: 'x',
      threadId: '1',
      url: snap.url,
      title: 't',
      modelId: 'm',
      lang: 'en',
      text: 'TL;DR: wool',
      postCount: 2,
      postIds: ['1', '2'],
      createdAt: 5,
    });
    expect((await db.results.get(key))?.text).toBe('TL;DR: wool');
    expect(await db.results.where('threadId').equals('1').count()).toBe(1);
    db.close();
  });
});
