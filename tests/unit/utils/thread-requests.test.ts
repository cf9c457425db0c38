import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { acceptNewsQuestion, acceptThreadRequest, isThreadRequest } from '@/utils/thread-requests';
import { forgetTab, noticeFor, rememberNotice, rememberRequest, requestFor, threadState } from '@/utils/thread-store';
import type { ThreadRequest } from '@/utils/messaging';
import { MAX_SELECTION } from '@/utils/inline/selection-text';
import { newPost } from '@/utils/sites/post';

const request: ThreadRequest = {
  action: 'summarize',
  postId: '1',
  snapshot: {
    site: 'x',
    url: 'https://x.com/a/status/1',
    kind: 'thread',
    focusedPostId: '1',
    posts: [
      newPost({
        id: '1',
        url: null,
        author: { name: 'A', handle: 'a' },
        createdAt: null,
        text: 'hi',
      }),
    ],
  },
};

const sender = (over: object = {}) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://x.com/a/status/1',
  tab: { id: 7 } as never,
  ...over,
});

describe('acceptThreadRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the request for the sending tab', async () => {
    const answer = await acceptThreadRequest(request, sender());
    // The fake browser has no side panel: the request is kept all the same.
    expect(answer).toEqual({ panelOpened: false });
    const state = await threadState.getValue();
    expect(requestFor(state, 7)).toMatchObject({ tabId: 7, action: 'summarize', postId: '1' });
    expect(requestFor(state, 99)).toMatchObject({ tabId: 7 }); // other tabs fall back to the latest
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a page on another site', { url: 'https://example.com/' }],
    ['no tab', { tab: undefined }],
  ])('refuses %s', async (_name, over) => {
    await expect(acceptThreadRequest(request, sender(over))).rejects.toThrow(/only takes requests/);
    expect((await threadState.getValue()).lastTabId).toBeNull();
  });

  it(
    'a quiet request (inline UI) leaves the panel closed, starts its job and is kept for the panel; a ' +
      'selection is capped',
    async () => {
      const started: unknown[] = [];
      const answer = await acceptThreadRequest(
        { ...request, action: 'explain', quiet: true, force: true, selection: 'y'.repeat(2000) },
        sender(),
        async (r) => {
          started.push(r);
          return { id: 'job-9' };
        },
      );
      expect(answer).toEqual({ panelOpened: false, jobId: 'job-9' });
      expect(started[0]).toMatchObject({ force: true, tabId: 7 });
      const kept = requestFor(await threadState.getValue(), 7)!;
      expect(kept).toMatchObject({ action: 'explain', jobId: 'job-9', quiet: true });
      expect(kept.selection).toHaveLength(MAX_SELECTION);
      // Regenerate is a one-off: the kept request does not force the next job.
      expect(kept).not.toHaveProperty('force');
    },
  );

  it('a What’s new keeps what it read with the request, for Try again and Regenerate', async () => {
    const news = { numbers: [2], edited: [], earlier: 'TL;DR: before' };
    await acceptThreadRequest({ ...request, action: 'whats-new' }, sender(), async () => ({ id: 'job-3', news }));
    expect(requestFor(await threadState.getValue(), 7)).toMatchObject({ action: 'whats-new', jobId: 'job-3', news });
  });

  it('a catch-up keeps only the posts it reads with the request, and when the last one was', async () => {
    const catchUp = {
      snapshot: { ...request.snapshot, kind: 'timeline' as const, posts: [{ ...request.snapshot.posts[0]!, id: '2' }] },
      since: 5,
      onPage: 3,
    };
    await acceptThreadRequest({ ...request, action: 'catch-up' }, sender(), async () => ({ id: 'job-4', catchUp }));
    const kept = requestFor(await threadState.getValue(), 7)!;
    expect(kept).toMatchObject({ action: 'catch-up', jobId: 'job-4', catchUp: { since: 5, onPage: 3 } });
    expect(kept.snapshot.posts.map((p) => p.id)).toEqual(['2']);
  });

  it('keeps the signed-in user’s handle a request names, and refuses one that is not a handle', async () => {
    await acceptThreadRequest({ ...request, action: 'learn-voice', viewer: 'skein_test' }, sender());
    expect(requestFor(await threadState.getValue(), 7)).toMatchObject({ action: 'learn-voice', viewer: 'skein_test' });
    for (const viewer of ['<img src=x>', '', 'a b', 7])
      await expect(acceptThreadRequest({ ...request, viewer }, sender())).rejects.toThrow(/Malformed/);
  });

  it('refuses malformed requests', async () => {
    await expect(acceptThreadRequest({ ...request, action: 'post-it' }, sender())).rejects.toThrow(/Malformed/);
  });

  it('forgets a closed tab', async () => {
    await acceptThreadRequest(request, sender());
    await forgetTab(7);
    expect(requestFor(await threadState.getValue(), 7)).toBeNull();
  });
});

describe('acceptNewsQuestion', () => {
  const news = { count: 2, since: 1 };
  const asked: unknown[] = [];
  const newsOf = async (snapshot: unknown) => {
    asked.push(snapshot);
    return news;
  };

  const marks = { site: 'x', threadId: '1', posts: [{ id: '1', hash: 'abc', gone: false }] };

  it('answers Skein’s own page script with what changed on the thread it shows', async () => {
    expect(await acceptNewsQuestion(marks, sender(), newsOf)).toEqual(news);
    expect(asked).toEqual([marks]);
  });

  it.each([
    ['another extension', marks, { id: 'someone-else' }, /only takes requests/],
    ['a page on another site', marks, { url: 'https://example.com/' }, /only takes requests/],
    ['marks without posts', { site: 'x', threadId: '1' }, {}, /Malformed/],
    ['a post without its hash', { ...marks, posts: [{ id: '1', gone: false }] }, {}, /Malformed/],
    ['a whole snapshot', request.snapshot, {}, /Malformed/],
  ])('refuses %s', async (_name, data, over, error) => {
    asked.length = 0;
    await expect(acceptNewsQuestion(data, sender(over), newsOf)).rejects.toThrow(error);
    expect(asked).toEqual([]);
  });
});

describe('isThreadRequest', () => {
  it.each([
    [null, false],
    [{}, false],
    [{ ...request, postId: 5 }, false],
    [{ ...request, snapshot: { ...request.snapshot, posts: [{ text: 1 }] } }, false],
    [request, true],
    [{ ...request, action: 'whats-new' }, true],
  ])('%#', (value, ok) => expect(isThreadRequest(value)).toBe(ok));
});

describe('why a page could not be read', () => {
  it('shows for its tab until a newer request, and goes with the tab', async () => {
    await threadState.setValue({ byTab: {}, lastTabId: null });
    await rememberNotice(7, 'Skein could not read this page: no posts yet.', 1000);
    expect(noticeFor(await threadState.getValue(), 7)).toBe('Skein could not read this page: no posts yet.');
    expect(noticeFor(await threadState.getValue(), null)).toBe('Skein could not read this page: no posts yet.');
    // A tab with nothing of its own falls back to the latest tab, as requests do.
    expect(noticeFor(await threadState.getValue(), 8)).toBe('Skein could not read this page: no posts yet.');
    const snapshot = {
      site: 'x' as const,
      url: 'https://x.com/a/status/1',
      kind: 'thread' as const,
      focusedPostId: null,
      posts: [],
    };
    await rememberRequest(7, { action: 'summarize', snapshot, postId: null }, undefined, 2000);
    expect(noticeFor(await threadState.getValue(), 7)).toBeNull();
    await rememberNotice(7, 'again', 3000);
    expect(noticeFor(await threadState.getValue(), 7)).toBe('again');
    await forgetTab(7);
    expect(noticeFor(await threadState.getValue(), 7)).toBeNull();
  });
});
