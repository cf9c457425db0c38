import { describe, expect, it } from 'vitest';
import {
  catchUpInput,
  newsFor,
  newsForMarks,
  rememberWhenShown,
  timelineNews,
  whatsNewInput,
  type SeenStore,
} from '@/utils/catch-up';
import { marksFor } from '@/utils/seen-posts';
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

  it('explanations, drafts, a summary of a timeline’s post and a catch-up of a thread are not followed', () => {
    const queue = fakeQueue(jobState({ action: 'explain', status: 'done' }));
    rememberWhenShown(queue, jobState({ action: 'explain' }), first, mapStore());
    rememberWhenShown(queue, jobState({ action: 'summarize' }), thread(first.posts, 'timeline'), mapStore());
    rememberWhenShown(queue, jobState({ action: 'catch-up' }), first, mapStore());
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

describe('catch me up on a timeline', () => {
  const timeline = (posts: Post[]): PageSnapshot => ({ ...thread(posts, 'timeline'), url: 'https://bsky.app/' });
  const ad = { ...numberedPost(9, 'Buy now.'), isPromoted: true };
  const page1 = timeline([numberedPost(1, 'Rain today.'), ad, numberedPost(2, 'Launch at noon.')]);
  const caughtUp = async (store: SeenStore, page: PageSnapshot, at: number) => {
    const done = jobState({ action: 'catch-up', status: 'done', text: '## Weather\n- Rain [1]' });
    rememberWhenShown(fakeQueue(done), done, page, store, () => at);
    await expect.poll(async () => (await store.get('bluesky:timeline'))?.seenAt).toBe(at);
  };

  it('the first time, reads every post on the page but the ads, with no time before', async () => {
    const input = await catchUpInput(page1, mapStore());
    expect(input?.snapshot.posts.map((p) => p.id)).toEqual(['1', '2']);
    expect(input).toMatchObject({ since: null, onPage: 3 });
    expect(await timelineNews(page1, mapStore())).toEqual({ count: 2, since: 0, timeline: true });
  });

  it('then only the posts loaded since, from any timeline of the site, in page order', async () => {
    const store = mapStore();
    await caughtUp(store, page1, T0);
    const later = {
      ...timeline([numberedPost(3, 'New.'), numberedPost(2, 'Launch at noon.'), numberedPost(4, 'Also new.')]),
    };
    const list = { ...later, url: 'https://bsky.app/profile/a/lists/b' };
    const input = await catchUpInput(list, store);
    expect(input?.snapshot.posts.map((p) => p.id)).toEqual(['3', '4']);
    expect(input).toMatchObject({ since: T0, onPage: 3 });
    expect(await newsForMarks(marksFor(later)!, store)).toEqual({ count: 2, since: T0, timeline: true });
    // Read once shown: a second catch-up adds them to what the site's catch-ups read.
    await caughtUp(store, input!.snapshot, T0 + 60_000);
    expect(await catchUpInput(later, store)).toBeNull();
    expect(await timelineNews(later, store)).toEqual({ count: 0, since: T0 + 60_000, timeline: true });
    expect(Object.keys(store.map.get('bluesky:timeline')!.posts)).toEqual(['1', '2', '3', '4']);
  });

  it('a post edited since the last catch-up is not read again; a thread’s news stays apart', async () => {
    const store = mapStore();
    await caughtUp(store, page1, T0);
    expect(await catchUpInput(timeline([numberedPost(1, 'Rain today, and wind.')]), store)).toBeNull();
    expect(await newsFor(page1, store)).toBeNull();
    expect(await timelineNews(first, store)).toBeNull();
  });
});
