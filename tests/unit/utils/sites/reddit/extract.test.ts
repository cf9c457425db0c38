import { describe, expect, it } from 'vitest';
import { classifyRedditUrl, extractReddit, redditAdapter, redditTime } from '@/utils/sites/reddit/extract';
import { adapterFor, extractPage } from '@/utils/sites';
import { loadPage, own } from '../../../support/fixtures';
import { parseHtml } from '../../../../../scripts/lib/dom';

const THREAD = 'https://www.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/';
const OLD_THREAD = 'https://old.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/';
const read = (file: string, url: string) => extractReddit(loadPage(own(`reddit/${file}`), url), url);
const shape = (posts: { id: string | null; inReplyToId: string | null }[]) => posts.map((p) => [p.id, p.inReplyToId]);

describe('Reddit adapter, new Reddit’s comments page', () => {
  const snap = () => read('thread-new.html', THREAD);

  it('the post first, title then body, even with an ad above it', () => {
    const { posts, kind, focusedPostId, warnings } = snap();
    expect({ kind, focusedPostId, warnings }).toEqual({
      kind: 'thread',
      focusedPostId: 't3_1abc2de',
      warnings: undefined,
    });
    expect(posts[0]).toMatchObject({
      id: 't3_1abc2de',
      url: THREAD,
      author: { name: 'yarnlover', handle: 'yarnlover' },
      createdAt: '2026-03-01T10:00:00.123Z',
      text: 'How do you block merino?\n\nI finished my first sweater.\n\nWet block or steam?\nIt is 100% merino.',
      isPromoted: false,
      inReplyToId: null,
    });
    expect(posts.filter((p) => p.isPromoted).map((p) => p.id)).toEqual(['t3_ad1knit']);
  });

  it('every comment in page order, depth first, each answering its parent; stubs are not posts', () => {
    const comments = snap().posts.filter((p) => p.id?.startsWith('t1_'));
    expect(shape(comments)).toEqual([
      ['t1_kc1', 't3_1abc2de'],
      ['t1_kc2', 't1_kc1'],
      ['t1_kc3', 't1_kc2'],
      ['t1_kc4', 't1_kc3'],
      ['t1_kc5', 't3_1abc2de'],
      ['t1_kc6', 't1_kc5'],
      ['t1_kc7', 't3_1abc2de'],
    ]);
    expect(comments[0]).toMatchObject({
      url: 'https://www.reddit.com/r/knitting/comments/1abc2de/comment/kc1/',
      author: { handle: 'woolwise' },
      createdAt: '2026-03-01T10:30:00.000Z',
      text: 'Wet block it. Soak for twenty minutes, no wringing.',
    });
    // A comment's text is its own, not its replies'.
    expect(comments[2]!.text).toBe('Lukewarm, and a drop of wool wash.');
    expect(comments[3]!.text).toBe('Pin it flat on a towel.\n\nno wringing\n\nThis.');
  });

  it('a deleted comment keeps the text shown and its replies; a collapsed one is read', () => {
    const byId = new Map(snap().posts.map((p) => [p.id, p]));
    expect(byId.get('t1_kc5')).toMatchObject({
      author: { handle: '[deleted]' },
      text: 'Comment deleted by user',
      unavailable: 'Comment deleted by user',
    });
    expect(byId.get('t1_kc7')).toMatchObject({ text: 'Collapsed by the reader, still on the page.' });
    expect(byId.get('t1_kc7')!.unavailable).toBeUndefined();
  });

  it('a comment’s permalink points the snapshot at that comment', () => {
    const url = 'https://www.reddit.com/r/knitting/comments/1abc2de/comment/kc3/';
    const snapshot = extractPage(loadPage(own('reddit/thread-new.html'), url), url)!;
    expect(snapshot.focusedPostId).toBe('t1_kc3');
    expect(snapshot.posts[0]!.id).toBe('t3_1abc2de');
  });

  it('the page hooks find each post and comment, its id and its action row', () => {
    const doc = loadPage(own('reddit/thread-new.html'), THREAD);
    const found = Array.from(doc.querySelectorAll(redditAdapter.page.postSelector));
    const ids = found.map((el) => redditAdapter.page.postId(el));
    expect(new Set(ids)).toEqual(new Set(snap().posts.map((p) => p.id)));
    const slots = found.map((el) => redditAdapter.page.buttonSlot(el));
    // Every comment gets its own row (not a reply's); the deleted one has none, nor the ad.
    expect(slots.filter(Boolean)).toHaveLength(7);
    for (const [i, slot] of slots.entries()) if (slot) expect(slot.parentElement).toBe(found[i]);
  });
});

describe('Reddit adapter, new Reddit’s feed', () => {
  const url = 'https://www.reddit.com/r/knitting/';
  const posts = () => read('feed-new.html', url).posts;

  it('reads each post once: text, photos with alt, gallery, link, video, ad, crosspost', () => {
    expect(read('feed-new.html', url).kind).toBe('timeline');
    expect(posts().map((p) => p.id)).toEqual([
      't3_f1text',
      't3_f2img',
      't3_ad2knit',
      't3_f3gal',
      't3_f4link',
      't3_f5vid',
      't3_f6xp',
    ]);
    const [text, image, ad, gallery, link, video, crosspost] = posts();
    expect(text).toMatchObject({ text: 'First sweater!\n\nTook me three months.', media: [] });
    expect(image!.media).toEqual([{ kind: 'photo', alt: 'A yoke in red and grey', url: null }]);
    expect(ad).toMatchObject({
      isPromoted: true,
      author: { handle: 'NeedleCo' },
      media: [{ kind: 'card', alt: 'Needles that last', url: 'https://needles.example/' }],
    });
    expect(gallery!.media).toEqual([
      { kind: 'photo', alt: 'Swatch one', url: null },
      { kind: 'photo', alt: null, url: null },
    ]);
    expect(link!.media).toEqual([{ kind: 'card', alt: 'Wool prices rise again', url: 'https://news.example/wool' }]);
    expect(video!.media).toEqual([{ kind: 'video', alt: null, url: null }]);
    expect(crosspost).toMatchObject({
      text: 'Look at this',
      quoted: {
        id: 't3_orig1',
        url: 'https://www.reddit.com/r/crafts/comments/orig1/tiny_socks/',
        author: { handle: 'craftsy' },
        text: 'Tiny socks\n\nFor a doll.',
      },
    });
  });
});

describe('Reddit adapter, old Reddit', () => {
  it('a comments page: the post, then comments depth first, parents from the tree, stubs left out', () => {
    const snap = read('thread-old.html', OLD_THREAD);
    expect(snap).toMatchObject({ site: 'reddit', kind: 'thread', focusedPostId: 't3_1abc2de' });
    expect(shape(snap.posts)).toEqual([
      ['t3_1abc2de', null],
      ['t1_kc1', 't3_1abc2de'],
      ['t1_kc2', 't1_kc1'],
      ['t1_kc5', 't3_1abc2de'],
      ['t1_kc6', 't1_kc5'],
      ['t1_kc7', 't3_1abc2de'],
    ]);
    expect(snap.posts[0]).toMatchObject({
      url: OLD_THREAD,
      createdAt: '2026-03-01T10:00:00.123Z',
      text: 'How do you block merino?\n\nI finished my first sweater.\n\nWet block or steam?',
      media: [],
    });
    // The first time is when it was written, not when it was edited.
    expect(snap.posts[1]).toMatchObject({ createdAt: '2026-03-01T10:30:00.000Z', text: 'Wet block it.' });
    expect(snap.posts[3]).toMatchObject({
      author: { handle: '[deleted]' },
      text: '[deleted]',
      unavailable: '[deleted]',
    });
    expect(snap.posts[5]!.text).toBe('Collapsed, still on the page.');
  });

  it('a listing: the promoted link marked, image and link posts', () => {
    const snap = read('feed-old.html', 'https://old.reddit.com/r/knitting/');
    expect(snap.kind).toBe('timeline');
    expect(snap.posts.map((p) => [p.id, p.isPromoted])).toEqual([
      ['t3_ad3knit', true],
      ['t3_f1text', false],
      ['t3_f2img', false],
      ['t3_f4link', false],
    ]);
    expect(snap.posts[1]).toMatchObject({ text: 'First sweater!', media: [], createdAt: '2026-03-02T09:00:00.000Z' });
    expect(snap.posts[2]!.media).toEqual([{ kind: 'photo', alt: null, url: null }]);
    expect(snap.posts[3]!.media).toEqual([
      { kind: 'card', alt: 'Wool prices rise again', url: 'https://news.example/wool' },
    ]);
  });

  it('the page hooks find posts and comments and their buttons, not the stubs', () => {
    const doc = loadPage(own('reddit/thread-old.html'), OLD_THREAD);
    const found = Array.from(doc.querySelectorAll(redditAdapter.page.postSelector));
    expect(found.map((el) => redditAdapter.page.postId(el))).toEqual(
      read('thread-old.html', OLD_THREAD).posts.map((p) => p.id),
    );
    for (const el of found) expect(redditAdapter.page.buttonSlot(el)?.closest('.thing')).toBe(el);
  });
});

describe('Reddit pages that give nothing', () => {
  it('a page with neither markup: no posts, and a reason', () => {
    const doc = parseHtml('<html><body><p>Something went wrong</p></body></html>', THREAD);
    expect(extractReddit(doc, THREAD)).toMatchObject({ posts: [], warnings: ['No posts found on this page.'] });
  });
});

describe('Reddit addresses and times', () => {
  it.each([
    [THREAD, 'thread', 't3_1abc2de'],
    [OLD_THREAD, 'thread', 't3_1abc2de'],
    ['https://www.reddit.com/r/knitting/comments/1abc2de/comment/kc3/', 'thread', 't1_kc3'],
    ['https://old.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/kc3/', 'thread', 't1_kc3'],
    ['https://www.reddit.com/comments/1abc2de', 'thread', 't3_1abc2de'],
    ['https://www.reddit.com/', 'timeline', null],
    ['https://www.reddit.com/r/popular/', 'timeline', null],
    ['https://www.reddit.com/r/knitting/top/', 'timeline', null],
    ['https://old.reddit.com/new/', 'timeline', null],
    ['https://www.reddit.com/user/yarnlover/', 'profile', null],
    ['https://www.reddit.com/settings/', 'unknown', null],
  ])('%s → %s', (address, kind, focused) => {
    expect(classifyRedditUrl(new URL(address))).toEqual({ kind, focusedPostId: focused });
  });

  it.each([
    [THREAD, 'reddit'],
    [OLD_THREAD, 'reddit'],
    ['https://reddit.com/r/knitting/', 'reddit'],
    ['http://www.reddit.com/r/knitting/', null],
    ['https://notreddit.com/r/knitting/', null],
  ])('%s is read by %s', (address, site) => {
    expect(adapterFor(address)?.id ?? null).toBe(site);
  });

  it.each([
    ['2026-03-01T10:00:00.123456+0000', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01T10:00:00.5+0000', '2026-03-01T10:00:00.500Z'],
    ['2026-03-01T10:00:00+00:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00.999999Z', '2026-03-01T10:00:00.999Z'],
    ['2026-03-01T12:00:00+0200', '2026-03-01T10:00:00.000Z'],
    ['1772359200000', '2026-03-01T10:00:00.000Z'],
    ['not a time', null],
    [null, null],
  ])('%s → %s', (raw, iso) => {
    expect(redditTime(raw)).toBe(iso);
  });
});
