import { describe, expect, it } from 'vitest';
import { blueskyAdapter, classifyBlueskyUrl, extractBluesky, readBlueskyDate } from '@/utils/sites/bluesky/extract';
import { BSKY } from '@/utils/sites/bluesky/selectors';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { HAVE_SHARED, NO_SHARED, loadPage, own, shared } from '../../../support/fixtures';

/** A time as the page shows it: in the reader's own time zone (the test's, here). */
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

type Want = Partial<Omit<Post, 'quoted' | 'media' | 'author'>> & {
  name?: string;
  handle?: string;
  textStarts?: string;
  media?: Post['media'];
  quoted?: { id: string; handle: string; name?: string; textStarts?: string } | null;
};

interface Expected {
  kind: PageSnapshot['kind'];
  focusedPostId: string | null;
  count: number;
  /** Checks on posts by id: only the fields named are compared. */
  posts: Record<string, Want>;
}

function check(snapshot: PageSnapshot, expected: Expected) {
  expect(snapshot).toMatchObject({ site: 'bluesky', kind: expected.kind, focusedPostId: expected.focusedPostId });
  expect(snapshot.posts).toHaveLength(expected.count);
  expect(snapshot.warnings).toBeUndefined();
  for (const [id, want] of Object.entries(expected.posts)) {
    const post = snapshot.posts.find((p) => p.id === id);
    expect(post, `post ${id}`).toBeDefined();
    const { name, handle, textStarts, media, quoted, ...fields } = want;
    expect(post, `post ${id}`).toMatchObject(fields);
    if (name != null) expect(post!.author.name).toBe(name);
    if (handle != null) expect(post!.author.handle).toBe(handle);
    if (textStarts != null)
      expect(post!.text.startsWith(textStarts), `post ${id}: ${post!.text.slice(0, 60)}`).toBe(true);
    if (media) expect(post!.media).toEqual(media);
    if (quoted === null) expect(post!.quoted).toBeNull();
    else if (quoted) {
      expect(post!.quoted).toMatchObject({ id: quoted.id, author: { handle: quoted.handle } });
      if (quoted.name) expect(post!.quoted!.author.name).toBe(quoted.name);
      if (quoted.textStarts) expect(post!.quoted!.text.startsWith(quoted.textStarts)).toBe(true);
    }
  }
}

/** The real saved pages: values read off the pages by hand. */
const REAL: [string, string, Expected][] = [
  [
    'bluesky/thread-self-and-replies.html',
    'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t',
    {
      kind: 'thread',
      focusedPostId: '3mdegyw3ves2t',
      count: 52,
      posts: {
        '3mdegyw3ves2t': {
          url: 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t',
          name: 'Glen Dunlap',
          handle: 'glendunlap.bsky.social',
          createdAt: local(2026, 1, 27, 0, 55),
          text:
            'Owliver decided to fly to another branch and check things out. He can look in my window from ' +
            'this spot! #Birds #Raptors #Nature #Photography',
          media: [
            {
              kind: 'photo',
              alt: 'Great-horned Owl perched on a branch and looking at the photographer.',
              url: null,
            },
          ],
          quoted: null,
          inReplyToId: null,
        },
        '3mdeitsgznc24': {
          name: 'Reece Martin 🫘 🇺🇸',
          handle: 'dreece-ca.bsky.social',
          createdAt: local(2026, 1, 27, 1, 28),
          text: "He's looking a little judge-y.",
          inReplyToId: '3mdegyw3ves2t',
        },
      },
    },
  ],
  [
    'bluesky/thread-pfrazee.html',
    'https://bsky.app/profile/pfrazee.com/post/3mbipks33ys2i',
    {
      kind: 'thread',
      focusedPostId: '3mbipks33ys2i',
      // The page also holds a screen the app hid (7 posts, repeated): not read.
      count: 12,
      posts: {
        '3mbipks33ys2i': {
          name: 'Paul Frazee',
          textStarts: 'if anybody wants to stop me',
          createdAt: local(2026, 1, 2, 21, 48),
          quoted: { id: '3mbipi6vacs2i', handle: 'pfrazee.com', name: 'Paul Frazee', textStarts: 'POSSE' },
        },
        '3mbixs6irxk2n': { name: "eau de'femme", text: 'call it squirt. no acronym.' },
      },
    },
  ],
  [
    'bluesky/profile-feed.html',
    'https://bsky.app/profile/stephenking.bsky.social',
    {
      kind: 'profile',
      focusedPostId: null,
      count: 28,
      posts: {
        '3mb3o6pp36k2h': {
          // No display name: the page shows the handle in its place.
          name: 'jeffreyskarski.bsky.social',
          repostedBy: 'Stephen King',
          createdAt: local(2025, 12, 29, 2, 19),
        },
        '3mcqguitjf22v': {
          repostedBy: null,
          quoted: { id: '3mcnit5ken22y', handle: 'markhamillofficial.bsky.social', name: 'Mark Hamill' },
        },
      },
    },
  ],
  [
    'bluesky/discover-feed.html',
    'https://bsky.app/',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 51,
      posts: {
        '3lmfprgbei22n': { name: 'Kara Swisher', createdAt: local(2025, 4, 9, 15, 25), textStarts: 'I heart @brooke' },
        '3lmfnxiid222r': {
          name: 'John Scalzi',
          handle: 'scalzi.com',
          quoted: { id: '3lmflzeonbk2y', handle: 'atrupar.com', name: 'Aaron Rupar' },
        },
      },
    },
  ],
];

describe.skipIf(!HAVE_SHARED)(
  `Bluesky adapter on the real saved pages (${HAVE_SHARED ? 'present' : NO_SHARED})`,
  () => {
    it.each(REAL)('%s', (file, url, expected) => check(extractBluesky(loadPage(shared(file), url), url), expected));

    it.each(REAL)('%s: every post has its permalink, its author and its time; ids are unique', (file, url) => {
      const { posts } = extractBluesky(loadPage(shared(file), url), url);
      expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
      for (const p of posts) {
        expect(p.url).toBe(`https://bsky.app/profile/${p.author.handle}/post/${p.id}`);
        expect(p.author.name.length).toBeGreaterThan(0);
        expect(p.author.name).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(p.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
    });

    it.each(REAL)('%s: the page hooks find each post, its id and a place for the button', (file, url) => {
      const doc = loadPage(shared(file), url);
      const shown = Array.from(doc.querySelectorAll(blueskyAdapter.page.postSelector)).filter(
        (el) => !el.closest(BSKY.hiddenScreen),
      );
      expect(shown.map((el) => blueskyAdapter.page.postId(el))).toEqual(
        extractBluesky(doc, url).posts.map((p) => p.id),
      );
      for (const el of shown) expect(blueskyAdapter.page.buttonSlot(el)?.querySelector(BSKY.replyButton)).toBeTruthy();
    });
  },
);

describe('Bluesky adapter on the project’s own pages', () => {
  it('a thread: parent, focus with nested quotes, a video, an image-only reply; a hidden screen left out', () => {
    const url = 'https://bsky.app/profile/skein.example/post/3focus';
    check(extractBluesky(loadPage(own('bluesky/thread-edges.html'), url), url), {
      kind: 'thread',
      focusedPostId: '3focus',
      count: 4,
      posts: {
        '3parent': { name: 'Yarn Fan', handle: 'yarn.example', createdAt: local(2026, 3, 2, 21, 5), inReplyToId: null },
        '3focus': {
          url,
          // Direction marks (U+2067…U+2069) and repeated spaces are gone.
          name: 'Skein Test',
          createdAt: local(2026, 3, 2, 21, 10),
          text: 'Merino, first.\nThen #gauge.',
          lang: 'fr',
          media: [],
          inReplyToId: '3parent',
          quoted: { id: '3quoted', handle: 'quoted.example', name: 'Quoted Person', textStarts: 'Swatch before' },
        },
        '3video': {
          name: 'purl.example',
          media: [{ kind: 'video', alt: 'Blocking a sweater, sped up', url: null }],
          inReplyToId: '3focus',
        },
        '3photo': { text: '', media: [{ kind: 'photo', alt: 'Finished sweater', url: null }], inReplyToId: '3focus' },
      },
    });
    const snap = extractBluesky(loadPage(own('bluesky/thread-edges.html'), url), url);
    const quoted = snap.posts[1]!.quoted!;
    // The quote's own photo and its own quote stay with it, not with the post quoting it.
    expect(quoted.media).toEqual([{ kind: 'photo', alt: 'A swatch on a table', url: null }]);
    expect(quoted.quoted).toMatchObject({
      id: '3deeper',
      text: 'Nested further.',
      createdAt: local(2026, 2, 27, 8, 0),
    });
    expect(snap.posts.map((p) => p.id)).not.toContain('3hidden');
  });

  it('a feed: a repost, and an author with no display name', () => {
    const url = 'https://bsky.app/';
    check(extractBluesky(loadPage(own('bluesky/feed-repost.html'), url), url), {
      kind: 'timeline',
      focusedPostId: null,
      count: 1,
      posts: {
        '3repost': {
          name: 'knit.example',
          repostedBy: 'Friend Name',
          text: 'Cast on today.\nWish me luck.',
          createdAt: local(2025, 4, 9, 15, 25),
        },
      },
    });
  });

  it('says why a page gave no posts, and reads a foreign document without throwing', () => {
    const doc = loadPage(own('x/promoted.html'), 'https://bsky.app/');
    const snap = extractBluesky(doc, 'https://bsky.app/');
    expect(snap.posts).toEqual([]);
    expect(snap.warnings).toEqual(['No posts found on this page.']);
  });
});

describe('classifyBlueskyUrl', () => {
  it.each([
    ['https://bsky.app/profile/pfrazee.com/post/3mbipks33ys2i', 'thread', '3mbipks33ys2i'],
    ['https://bsky.app/profile/did:plc:abc/post/3xyz', 'thread', '3xyz'],
    ['https://bsky.app/profile/stephenking.bsky.social', 'profile', null],
    ['https://bsky.app/profile/stephenking.bsky.social/media', 'profile', null],
    ['https://bsky.app/profile/bsky.app/feed/whats-hot', 'timeline', null],
    ['https://bsky.app/', 'timeline', null],
    ['https://bsky.app/hashtag/knitting', 'timeline', null],
    ['https://bsky.app/settings', 'unknown', null],
    ['https://bsky.app/profile/a.example/post', 'unknown', null],
  ])('%s → %s', (url, kind, focused) => {
    expect(classifyBlueskyUrl(new URL(url))).toEqual({ kind, focusedPostId: focused });
  });
});

describe('readBlueskyDate', () => {
  it.each([
    ['January 27, 2026 at 1:28 AM', local(2026, 1, 27, 1, 28)],
    ['December 29, 2025 at 12:05 PM', local(2025, 12, 29, 12, 5)],
    ['April 9, 2025 at 12:30 AM', local(2025, 4, 9, 0, 30)],
    ['12:55 AM · Jan 27, 2026', local(2026, 1, 27, 0, 55)],
    ['9:10 PM · Mar 2, 2026', local(2026, 3, 2, 21, 10)],
    ['3h', null],
    ['Smarch 1, 2026 at 1:00 AM', null],
    ['', null],
  ])('%s', (text, iso) => expect(readBlueskyDate(text)).toBe(iso));
});
