import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  MAX_PARTS,
  PART_CHARS,
  PARTS_KEPT_MS,
  ThreadParts,
  sendThreadRequest,
  type ThreadPart,
  type ThreadRequestWire,
} from '@/utils/thread-wire';
import { acceptThreadPart, acceptThreadRequest } from '@/utils/thread-requests';
import type { ThreadRequest } from '@/utils/messaging';
import { numberedPost } from '../support/posts';

/** A request with `count` posts of about 100 characters each. */
const requestOf = (count: number): ThreadRequest => ({
  action: 'summarize',
  postId: '1',
  snapshot: {
    site: 'reddit',
    url: 'https://www.reddit.com/r/knitting/comments/abc/x/',
    kind: 'thread',
    focusedPostId: null,
    posts: Array.from({ length: count }, (_, i) =>
      numberedPost(i + 1, `Comment ${i + 1}: I block merino wet, pinned flat, and let it dry for a whole day.`),
    ),
  },
});

/** What the page sent, in order, through ports that hand each message to `parts`. */
async function sendThrough(request: ThreadRequest, parts: ThreadParts, tabId = 7) {
  const sent: (ThreadPart | ThreadRequestWire)[] = [];
  let completed: unknown;
  await sendThreadRequest(request, {
    part: async (part) => {
      sent.push(part);
      parts.add(tabId, part);
    },
    last: async (wire) => {
      sent.push(wire);
      completed = parts.complete(tabId, wire);
      return { panelOpened: false };
    },
  });
  return { sent, completed };
}

describe('a thread request on its way to the background', () => {
  it('goes whole when short', async () => {
    const { sent, completed } = await sendThrough(requestOf(3), new ThreadParts());
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('parts');
    expect(completed).toEqual(requestOf(3));
  });

  it('goes in parts when long, each at most PART_CHARS, and comes out as it went in', async () => {
    const long = requestOf(8000);
    const json = JSON.stringify(long);
    expect(json.length).toBeGreaterThan(3 * PART_CHARS);
    const { sent, completed } = await sendThrough(long, new ThreadParts());
    expect(sent).toHaveLength(Math.ceil(json.length / PART_CHARS));
    for (const message of sent) expect(message.json.length).toBeLessThanOrEqual(PART_CHARS);
    expect((sent.at(-1) as ThreadRequestWire).parts).toMatchObject({ count: sent.length });
    expect(completed).toEqual(long);
  });

  it('is null when a part is missing, from another tab, or stale', async () => {
    const long = requestOf(8000);
    let now = 0;
    const parts = new ThreadParts(() => now);
    const wires: ThreadRequestWire[] = [];
    const partsSent: ThreadPart[] = [];
    await sendThreadRequest(long, {
      part: async (part) => void partsSent.push(part),
      last: async (wire) => (wires.push(wire), { panelOpened: false }),
    });
    // One part never arrived.
    for (const part of partsSent.slice(1)) parts.add(7, part);
    expect(parts.complete(7, wires[0])).toBeNull();
    // Every part arrived, but from another tab.
    for (const part of partsSent) parts.add(8, part);
    expect(parts.complete(7, wires[0])).toBeNull();
    // Every part arrived, then nothing for longer than parts are kept: a new part drops them.
    for (const part of partsSent) parts.add(7, part);
    now += PARTS_KEPT_MS + 1;
    parts.add(7, { id: 'another', index: 0, json: '{' });
    expect(parts.complete(7, wires[0])).toBeNull();
  });

  it('is null when a middle part is missing, even where the rest would still read as JSON', () => {
    const parts = new ThreadParts();
    parts.add(7, { id: 'r1', index: 0, json: '{"text":"a' });
    parts.add(7, { id: 'r1', index: 2, json: 'c' });
    expect(parts.complete(7, { json: 'd"}', parts: { id: 'r1', count: 4 } })).toBeNull();
  });

  it('forgets a closed tab', async () => {
    const parts = new ThreadParts();
    const part: ThreadPart = { id: 'r1', index: 0, json: '{"action":' };
    parts.add(7, part);
    parts.dropTab(7);
    expect(parts.complete(7, { json: '"summarize"}', parts: { id: 'r1', count: 2 } })).toBeNull();
  });

  it.each([
    ['no id', { index: 0, json: 'x' }],
    ['a long id', { id: 'x'.repeat(65), index: 0, json: 'x' }],
    ['a negative index', { id: 'a', index: -1, json: 'x' }],
    ['an index past the most parts', { id: 'a', index: MAX_PARTS, json: 'x' }],
    ['a part too long', { id: 'a', index: 0, json: 'x'.repeat(PART_CHARS + 1) }],
    ['no text', { id: 'a', index: 0, json: 42 }],
    ['nothing', null],
  ])('refuses a part with %s', (_, part) => {
    expect(() => new ThreadParts().add(7, part)).toThrow(/Malformed/);
  });

  it('is null when the last part is not JSON, or claims more parts than allowed', () => {
    const parts = new ThreadParts();
    expect(parts.complete(7, { json: '{not json' })).toBeNull();
    expect(parts.complete(7, { json: 42 })).toBeNull();
    parts.add(7, { id: 'a', index: 0, json: '{' });
    expect(parts.complete(7, { json: '}', parts: { id: 'a', count: MAX_PARTS + 1 } })).toBeNull();
  });
});

describe('the background hears parts from its own content scripts only', () => {
  beforeEach(() => fakeBrowser.reset());
  const own = { id: fakeBrowser.runtime.id, url: 'https://www.reddit.com/r/knitting/', tab: { id: 7 } as never };

  it('keeps a part from Skein on a site it reads, and the request it completes opens', async () => {
    const parts = new ThreadParts();
    const json = JSON.stringify(requestOf(2));
    acceptThreadPart(parts, { id: 'r1', index: 0, json: json.slice(0, 10) }, own);
    const request = parts.complete(7, { json: json.slice(10), parts: { id: 'r1', count: 2 } });
    expect(request).toEqual(requestOf(2));
    await expect(acceptThreadRequest(request, own)).resolves.toEqual({ panelOpened: false });
  });

  it.each([
    ['another extension', { ...own, id: 'someone-else' }],
    ['a page on another site', { ...own, url: 'https://example.com/' }],
    ['no tab', { ...own, tab: undefined }],
  ])('refuses a part from %s', (_, sender) => {
    expect(() => acceptThreadPart(new ThreadParts(), { id: 'r1', index: 0, json: '{' }, sender)).toThrow(
      /only takes requests/,
    );
  });
});
