import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { draftRequest, requestAction, threadFor, type ActionPorts } from '@/utils/inline/actions';
import type { ThreadAccepted, ThreadRequest } from '@/utils/messaging';
import { extractX, xAdapter } from '@/utils/sites/x/extract';
import { readPage } from '@/utils/sites/read';
import { redditAdapter } from '@/utils/sites/reddit/extract';
import { own } from '../../support/fixtures';

const doc = (file: string) => new DOMParser().parseFromString(readFileSync(own(file), 'utf8'), 'text/html');
const THREAD = 'https://x.com/skein_test/status/1900000000000000010';
/** The content script's reader of a saved X page. */
const reader = (file: string, url: string) => () => readPage(xAdapter, doc(file), url);

/** A fake background: records what it is sent and answers as told. */
function fakePorts(answer: () => Promise<ThreadAccepted>) {
  const sent: ThreadRequest[] = [];
  let tabs = 0;
  const ports: ActionPorts = {
    send: (r) => {
      sent.push(r);
      return answer();
    },
    openInTab: async () => {
      tabs++;
    },
  };
  return { ports, sent, tabs: () => tabs };
}

describe('threadFor', () => {
  it('takes the whole conversation on a thread page', () => {
    const snap = extractX(doc('x/status-thread-replies.html'), THREAD);
    expect(threadFor(snap, '1900000000000000020').posts).toHaveLength(9);
  });
  it('leaves the ads out of a thread, unless the ad is what was clicked', () => {
    const url = 'https://www.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/';
    const snap = readPage(redditAdapter, doc('reddit/thread-new.html'), url);
    expect(snap.posts.filter((p) => p.isPromoted)).toHaveLength(1);
    expect(threadFor(snap, 't3_1abc2de').posts.map((p) => p.id)).not.toContain('t3_ad1knit');
    expect(threadFor(snap, 't3_1abc2de').posts).toHaveLength(8);
    expect(threadFor(snap, 't3_ad1knit').posts).toHaveLength(9);
  });
  it('takes the clicked post alone on a timeline', () => {
    const snap = extractX(doc('x/promoted.html'), 'https://x.com/home');
    expect(threadFor(snap, '1900000000000000102').posts.map((p) => p.id)).toEqual(['1900000000000000102']);
  });
});

describe('requestAction', () => {
  it('sends the thread and shows nothing when the panel opened', async () => {
    const fake = fakePorts(async () => ({ panelOpened: true }));
    const notice = await requestAction(
      reader('x/status-thread-replies.html', THREAD),
      'summarize',
      '1900000000000000010',
      fake.ports,
    );
    expect(notice).toBeNull();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.action).toBe('summarize');
    expect(fake.sent[0]!.snapshot.focusedPostId).toBe('1900000000000000010');
  });

  it('offers the panel in a tab where the browser would not open its sidebar', async () => {
    const fake = fakePorts(async () => ({ panelOpened: false }));
    const notice = await requestAction(reader('x/status-thread-replies.html', THREAD), 'explain', null, fake.ports);
    expect(notice!.text).toMatch(/read 9 posts.*sidebar/);
    expect(notice!.action!.label).toBe('Open in a tab');
    await notice!.action!.run();
    expect(fake.tabs()).toBe(1);
  });

  it('says the page is unreadable instead of sending nothing', async () => {
    const fake = fakePorts(async () => ({ panelOpened: true }));
    const notice = await requestAction(
      reader('x/changed-layout.html', 'https://x.com/home'),
      'summarize',
      null,
      fake.ports,
    );
    expect(fake.sent).toHaveLength(0);
    expect(notice!.text).toMatch(/could not read this page.*layout/);
  });

  it('asks for a reload when the extension went away under the page', async () => {
    const fake = fakePorts(async () => {
      throw new Error('Extension context invalidated.');
    });
    const notice = await requestAction(
      reader('x/poll.html', 'https://x.com/home'),
      'draft',
      '1900000000000000200',
      fake.ports,
    );
    expect(notice!.text).toMatch(/Reload the page/);
    expect(notice!.action).toBeUndefined();
  });
});

describe('draftRequest', () => {
  const draft = { tone: 'question' as const, length: 'short' as const, instruction: '' };
  it('a reply: the thread of the answered post, quiet (the bar shows the drafts), with its options', async () => {
    const fake = fakePorts(async () => ({ panelOpened: false, jobId: 'j1' }));
    const answer = await draftRequest(
      reader('x/status-thread-replies.html', THREAD),
      (page) => page.focusedPostId,
      draft,
      { force: true },
      fake.ports.send,
    );
    expect(answer).toEqual({ jobId: 'j1' });
    expect(fake.sent[0]).toMatchObject({
      action: 'draft',
      postId: '1900000000000000010',
      quiet: true,
      force: true,
      draft,
    });
    expect(fake.sent[0]!.snapshot.posts).toHaveLength(9);
  });

  it('a new post (no answered post) needs the user’s instruction, and then sends no posts', async () => {
    const fake = fakePorts(async () => ({ panelOpened: false, jobId: 'j2' }));
    const home = reader('x/promoted.html', 'https://x.com/home');
    expect(await draftRequest(home, () => null, draft, {}, fake.ports.send)).toEqual({
      notice: expect.stringMatching(/new post/),
    });
    expect(fake.sent).toHaveLength(0);
    await draftRequest(home, () => null, { ...draft, instruction: 'my new pattern' }, {}, fake.ports.send);
    expect(fake.sent[0]).toMatchObject({ postId: null, snapshot: { posts: [] } });
  });

  it('says so when the extension is gone', async () => {
    const fake = fakePorts(() => Promise.reject(new Error('Extension context invalidated')));
    expect(
      await draftRequest(
        reader('x/status-thread-replies.html', THREAD),
        (p) => p.focusedPostId,
        draft,
        {},
        fake.ports.send,
      ),
    ).toEqual({ notice: expect.stringMatching(/Reload the page/) });
  });
});
