import { describe, expect, it } from 'vitest';
import { newsFor, rememberWhenShown, whatsNewInput, type SeenStore } from '@/utils/catch-up';
import type { JobState } from '@/utils/jobs/protocol';
import type { SeenThread } from '@/utils/seen-posts';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { jobState } from '../support/job-state';
import { numberedPost } from '../support/posts';

/** Seen threads in a map, as the database keeps them. */
function mapStore(): SeenStore & { map: Map<string, SeenThread> } {
  const map = new Map<string, SeenThread>();
  return {
    map,
    get: async (key) => map.get(key),
    put: async (seen) => void map.set(seen.key, seen),
  };
}

/** A queue with one job whose states the test pushes, as the real queue sends them. */
function fakeQueue(first: JobState) {
  const listeners = new Set<(s: JobState) => void>();
  let current = first;
  return {
    subscribe(_id: string, listener: (s: JobState) => void) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    push(state: JobState) {
      current = state;
      for (const l of [...listeners]) l(state);
    },
    listening: () => listeners.size,
  };
}

const thread = (posts: Post[], kind: PageSnapshot['kind'] = 'thread'): PageSnapshot => ({
  site: 'bluesky',
  url: 'https://bsky.app/profile/a/post/1',
  kind,
  focusedPostId: '1',
  posts,
});
const first = thread([numberedPost(1, 'Swatch first.'), numberedPost(2, 'Count twice.')]);
const T0 = Date.UTC(2026, 10, 28, 9);

describe('rememberWhenShown', () => {
  it('remembers a summary’s posts and text once it is done, then stops listening', async () => {
    const store = mapStore();
    const queue = fakeQueue(jobState({ action: 'summarize', status: 'running', text: 'TL;' }));
    rememberWhenShown(queue, jobState({ action: 'summarize' }), first, store, () => T0);
    expect(store.map.size).toBe(0);
    queue.push(jobState({ action: 'summarize', status: 'done', text: 'TL;DR: swatch [1]' }));
    await expect.poll(() => store.map.get('bluesky:1')).toMatchObject({ seenAt: T0, summary: 'TL;DR: swatch [1]' });
    expect(Object.keys(store.map.get('bluesky:1')!.posts)).toEqual(['1', '2']);
    expect(queue.listening()).toBe(0);
  });

  it('a kept summary shown at once counts too', async () => {
    const store = mapStore();
    const done = jobState({ action: 'summarize', status: 'done', cached: true, text: 'TL;DR: kept' });
    rememberWhenShown(fakeQueue(done), done, first, store, () => T0);
    await expect.poll(() => store.map.get('bluesky:1')?.summary).toBe('TL;DR: kept');
  });

  it.each(['error', 'cancelled', 'interrupted', 'needs-model'] as const)(
    'a job that ends %s remembers nothing',
    async (status) => {
      const store = mapStore();
      const queue = fakeQueue(jobState({ action: 'summarize', status: 'running' }));
      rememberWhenShown(queue, jobState({ action: 'summarize' }), first, store, () => T0);
      queue.push(jobState({ action: 'summarize', status }));
      queue.push(jobState({ action: 'summarize', status: 'done', text: 'late' }));
      await Promise.resolve();
      expect(store.map.size).toBe(0);
      expect(queue.listening()).toBe(0);
    },
  );

  it('explanations, drafts and timelines are not followed', () => {
    const queue = fakeQueue(jobState({ action: 'explain', status: 'done' }));
    rememberWhenShown(queue, jobState({ action: 'explain' }), first, mapStore());
    rememberWhenShown(queue, jobState({ action: 'summarize' }), thread(first.posts, 'timeline'), mapStore());
    expect(queue.listening()).toBe(0);
  });
});

describe('news and what’s new', () => {
  const seen = async () => {
    const store = mapStore();
    const done = jobState({ action: 'summarize', status: 'done', text: 'TL;DR: swatch, count [1][2]' });
    rememberWhenShown(fakeQueue(done), done, first, store, () => T0);
    await expect.poll(() => store.map.size).toBe(1);
    return store;
  };

  it('a thread never summarized has no news', async () => {
    expect(await newsFor(first, mapStore())).toBeNull();
    expect(await whatsNewInput(first, mapStore())).toBeNull();
  });

  it('unchanged: nothing new since the time it was seen; nothing for "What’s new" to read', async () => {
    const store = await seen();
    expect(await newsFor(first, store)).toEqual({ count: 0, since: T0 });
    expect(await whatsNewInput(first, store)).toBeNull();
  });

  it('new and edited posts: counted, and read by their numbers in the thread with the summary before', async () => {
    const store = await seen();
    const later = thread([
      numberedPost(1, 'Swatch first.'),
      numberedPost(3, 'A new reply.'),
      numberedPost(2, 'Count three times.'),
      numberedPost(4, 'Another.'),
    ]);
    expect(await newsFor(later, store)).toEqual({ count: 3, since: T0 });
    expect(await whatsNewInput(later, store)).toEqual({
      numbers: [2, 3, 4],
      edited: [3],
      earlier: 'TL;DR: swatch, count [1][2]',
    });
  });
});
