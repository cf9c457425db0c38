import { describe, expect, it } from 'vitest';
import { classifyXUrl, extractX } from '@/utils/sites/x/extract';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { HAVE_SHARED, NO_SHARED, loadPage, own, shared } from '../../../support/fixtures';

interface Expected {
  kind: PageSnapshot['kind'];
  focusedPostId: string | null;
  count: number;
  /** Checks on posts by index: only the fields named are compared. */
  posts: Record<
    number,
    Partial<Omit<Post, 'quoted' | 'media'>> & {
      textStarts?: string;
      media?: Post['media'][number]['kind'][];
      quoted?: {
        id?: string | null;
        handle?: string;
        textStarts?: string;
        media?: Post['media'][number]['kind'][];
      } | null;
      name?: string;
      handle?: string;
    }
  >;
}

function check(snapshot: PageSnapshot, expected: Expected) {
  expect(snapshot.site).toBe('x');
  expect(snapshot.kind).toBe(expected.kind);
  expect(snapshot.focusedPostId).toBe(expected.focusedPostId);
  expect(snapshot.posts).toHaveLength(expected.count);
  for (const [index, want] of Object.entries(expected.posts)) {
    const post = snapshot.posts[Number(index)]!;
    const { textStarts, media, quoted, name, handle, ...fields } = want;
    expect(post, `post ${index}`).toMatchObject(fields);
    if (name != null) expect(post.author.name).toBe(name);
    if (handle != null) expect(post.author.handle).toBe(handle);
    if (textStarts != null)
      expect(post.text.startsWith(textStarts), `post ${index} text: ${post.text.slice(0, 80)}`).toBe(true);
    if (media) expect(post.media.map((m) => m.kind)).toEqual(media);
    if (quoted === null) expect(post.quoted).toBeNull();
    else if (quoted) {
      expect(post.quoted).not.toBeNull();
      if (quoted.id !== undefined) expect(post.quoted!.id).toBe(quoted.id);
      if (quoted.handle) expect(post.quoted!.author.handle).toBe(quoted.handle);
      if (quoted.textStarts) expect(post.quoted!.text.startsWith(quoted.textStarts)).toBe(true);
      if (quoted.media) expect(post.quoted!.media.map((m) => m.kind)).toEqual(quoted.media);
    }
  }
}

/** The real saved pages: values read off the pages by hand. */
const REAL: [string, string, Expected][] = [
  [
    'x/status-text.html',
    'https://x.com/realDonaldTrump/status/1222907250383245320',
    {
      kind: 'thread',
      focusedPostId: '1222907250383245320',
      count: 1,
      posts: {
        0: {
          id: '1222907250383245320',
          handle: 'realDonaldTrump',
          name: 'Donald J. Trump',
          createdAt: '2020-01-30T15:39:43.000Z',
          lang: 'en',
          textStarts: '“Schiff blasted for not focusing on California homeless.”',
          media: [],
          quoted: null,
          url: 'https://x.com/realDonaldTrump/status/1222907250383245320',
        },
      },
    },
  ],
  [
    'x/status-image.html',
    'https://x.com/UaSmart/status/934106870834454529',
    {
      kind: 'thread',
      focusedPostId: '934106870834454529',
      count: 1,
      posts: {
        0: {
          id: '934106870834454529',
          handle: 'UaSmart',
          name: 'SmartUA',
          createdAt: '2017-11-24T17:10:07.000Z',
          lang: 'es',
          media: ['photo'],
        },
      },
    },
  ],
  [
    'x/status-video.html',
    'https://x.com/verge/status/957383241714970624',
    {
      kind: 'thread',
      focusedPostId: '957383241714970624',
      count: 1,
      // The video sits in placementTracking, yet this is no ad (fixtures/README.md).
      posts: {
        0: {
          id: '957383241714970624',
          handle: 'verge',
          name: 'The Verge',
          textStarts: 'Is it bad to blow into game cartridges?',
          media: ['video'],
          isPromoted: false,
        },
      },
    },
  ],
  [
    'x/status-link-card.html',
    'https://x.com/Forbes/status/2016058596782670275',
    {
      kind: 'thread',
      focusedPostId: '2016058596782670275',
      count: 1,
      posts: {
        0: { id: '2016058596782670275', handle: 'Forbes', createdAt: '2026-01-27T08:00:00.000Z', media: ['card'] },
      },
    },
  ],
  [
    'x/status-photo-bigtechalert.html',
    'https://x.com/BigTechAlert/status/1797703769117069498',
    {
      kind: 'thread',
      focusedPostId: '1797703769117069498',
      count: 1,
      posts: {
        0: {
          id: '1797703769117069498',
          handle: 'BigTechAlert',
          name: 'Big Tech Alert',
          createdAt: '2024-06-03T18:55:52.000Z',
          media: ['photo', 'photo'],
        },
      },
    },
  ],
  [
    'x/status-article-logged-in.html',
    'https://x.com/arscontexta/status/2013045749580259680',
    {
      kind: 'thread',
      focusedPostId: '2013045749580259680',
      count: 1,
      posts: {
        0: {
          id: '2013045749580259680',
          handle: 'arscontexta',
          name: 'Heinrich',
          createdAt: '2026-01-19T00:28:01.000Z',
          textStarts: 'obsidian + claude code 101\nive spent the last year',
          media: ['photo'],
        },
      },
    },
  ],
  [
    'x/cell-quote-image.html',
    'https://x.com/home',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 1,
      posts: {
        0: {
          id: '1983130065320780162',
          handle: 'TestQuoter',
          name: 'Test Quoter',
          textStarts: 'This is a quote tweet',
          media: [],
          quoted: {
            id: '1983129251856470493',
            handle: 'OriginalAuthor',
            textStarts: 'This is the original quoted tweet',
            media: ['photo'],
          },
        },
      },
    },
  ],
  [
    'x/cell-link-card.html',
    'https://x.com/home',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 1,
      posts: {
        0: { id: '1981398750557065646', handle: 'TestUser123', createdAt: '2025-10-23T16:34:09.000Z', media: ['card'] },
      },
    },
  ],
  [
    'x/profile-badlogicgames.html',
    'https://x.com/badlogicgames',
    {
      kind: 'profile',
      focusedPostId: null,
      count: 9,
      posts: {
        0: {
          id: '1985127737481154951',
          handle: 'badlogicgames',
          name: 'Mario Zechner',
          isPinned: true,
          media: ['card'],
          textStarts: 'New blog post, wherein I beat a dead horse',
        },
        2: {
          id: '1456996985844772870',
          media: ['photo', 'photo', 'photo'],
          textStarts: 'Yesterday, the Austrian government announced',
        },
        3: {
          id: '1982150084708987222',
          quoted: { id: null, handle: 'mehulmpt', textStarts: 'It’s crazy that Google' },
          textStarts:
            "They did. Then killed it in 2016. You babies just don't know because you weren't born " +
            'yet.\n\nhttps://en.wikipedia.org/wiki/Google_Developers#Google_Code',
        },
        4: { lang: 'de', textStarts: 'Kann nicht mehr zusehen, wie @florianklenk\neXXpress TV schaut' },
        7: {
          id: '1929312803799576757',
          media: ['video'],
          isPromoted: false,
          textStarts: 'A new entry to my popular series "LLM tools for plebs": claude-trace\n\n- Injects',
        },
      },
    },
  ],
  [
    'x/home-timeline.html',
    'https://x.com/home',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 20,
      posts: {
        0: {
          id: '1991602883645829145',
          handle: 'will__price',
          repostedBy: 'hdf',
          textStarts: 'hearooors undefeated',
          quoted: {
            id: '1991600514811973815',
            handle: 'enzo_gte',
            textStarts: 'This is @GTE_XYZ V2:\n\nA hyper-optimized exchange',
            media: ['video'],
          },
        },
        1: { id: '1769469976489099654', handle: 'kevinafischer', repostedBy: 'j⧉nus', isTruncated: true },
        2: {
          id: '1991475453887217692',
          handle: 'hasufl',
          name: 'Hasu⚡️🤖',
          quoted: { handle: 'Xeer', media: ['photo'] },
        },
        6: {
          id: '1991606928280318423',
          handle: 'cryptolyxe',
          media: ['gif'],
          text: '',
          quoted: { handle: 'TrumpDailyPosts', media: ['photo'] },
        },
        12: { handle: 'aeyakovenko', text: '🔥🔥🔥', quoted: { handle: 'scottmelker', media: ['photo', 'photo'] } },
        19: {
          id: '1991602309667885293',
          handle: 'ThinkingUSD',
          name: 'Flood',
          repostedBy: null,
          textStarts: 'I will not become detached from reality\n\nI will not',
        },
      },
    },
  ],
];

/** The project's own pages (tests/fixtures/x, built by build.ts) for what the real ones lack. */
const OWN: [string, string, Expected][] = [
  [
    'x/status-thread-replies.html',
    'https://x.com/skein_test/status/1900000000000000010',
    {
      kind: 'thread',
      focusedPostId: '1900000000000000010',
      count: 9,
      posts: {
        0: { id: '1900000000000000001', handle: 'yarn_fan', inReplyToId: null },
        1: {
          id: '1900000000000000010',
          handle: 'skein_test',
          inReplyToId: '1900000000000000001',
          text: 'A thread on starting big projects 🧶\n\n1. Swatch first.\n2. Count twice.',
          media: ['photo'],
        },
        2: {
          id: '1900000000000000011',
          inReplyToId: '1900000000000000010',
          text: '3. Keep notes. I use https://example.org/notes for mine.',
        },
        3: { id: '1900000000000000012', inReplyToId: '1900000000000000011' },
        4: { id: null, unavailable: 'This post was deleted by the post author.' },
        5: {
          id: '1900000000000000020',
          name: 'Purl One 🧵',
          text: 'Great tips! 👏👏 Thanks @skein_test',
          inReplyToId: '1900000000000000010',
        },
        6: { lang: 'fr', inReplyToId: '1900000000000000010' },
        7: { unavailable: 'This post from @withheld_acct has been withheld in France in response to a legal demand.' },
        8: { isTruncated: true, inReplyToId: '1900000000000000010' },
      },
    },
  ],
  [
    'x/promoted.html',
    'https://x.com/home',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 3,
      posts: {
        0: { isPromoted: false, media: ['video'] },
        1: { isPromoted: true, media: ['card'] },
        2: { repostedBy: 'Friend', quoted: { id: '1900000000000000090', handle: 'original', media: ['photo'] } },
      },
    },
  ],
  [
    'x/poll.html',
    'https://x.com/home',
    {
      kind: 'timeline',
      focusedPostId: null,
      count: 1,
      posts: { 0: { text: 'Which fibre?\n• Wool\n• Cotton\n• Alpaca', media: [] } },
    },
  ],
  ['x/loading.html', 'https://x.com/home', { kind: 'timeline', focusedPostId: null, count: 0, posts: {} }],
  ['x/changed-layout.html', 'https://x.com/home', { kind: 'timeline', focusedPostId: null, count: 0, posts: {} }],
];

describe.skipIf(!HAVE_SHARED)(`X adapter on the real saved pages (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
  it.each(REAL)('%s', (file, url, expected) => {
    check(extractX(loadPage(shared(file)), url), expected);
  });

  it('never lists a quoted post on its own, and gives every post an absolute permalink', () => {
    const snap = extractX(loadPage(shared('x/home-timeline.html')), 'https://x.com/home');
    const ids = snap.posts.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of snap.posts) expect(p.url).toMatch(/^https:\/\/x\.com\/\w+\/status\/\d+$/);
    expect(snap.posts.filter((p) => p.quoted).length).toBe(9);
    // Seven "Show more" links: on the posts and on the posts they quote.
    expect(snap.posts.flatMap((p) => [p, p.quoted]).filter((p) => p?.isTruncated).length).toBe(7);
  });

  it('keeps line breaks and drops the serialisation indentation', () => {
    const snap = extractX(loadPage(shared('x/home-timeline.html')), 'https://x.com/home');
    for (const p of snap.posts) {
      expect(p.text).not.toMatch(/[ \t]{2,}|^\s|\s$| \n|\n /);
    }
  });
});

describe('X adapter on the project’s own pages', () => {
  it.each(OWN)('%s', (file, url, expected) => {
    check(extractX(loadPage(own(file)), url), expected);
  });

  it('says why a page gave no posts', () => {
    expect(extractX(loadPage(own('x/loading.html')), 'https://x.com/home').warnings).toEqual([
      'The page is still loading.',
    ]);
    expect(extractX(loadPage(own('x/changed-layout.html')), 'https://x.com/home').warnings).toEqual([
      'No posts found on this page.',
      '2 posts could not be read: the site may have changed its layout.',
    ]);
  });

  it('reads an empty or foreign document without throwing', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(extractX(empty, 'https://x.com/home').posts).toEqual([]);
    const other = new DOMParser().parseFromString(
      '<p>Hello</p><article data-testid="tweet"><div data-testid="User-Name"></div></article>',
      'text/html',
    );
    const snap = extractX(other, 'https://x.com/someone/status/42');
    expect(snap.posts).toEqual([]);
    expect(snap.warnings?.length).toBeGreaterThan(0);
  });

  it('warns when the post the URL points to is missing', () => {
    const snap = extractX(loadPage(own('x/poll.html')), 'https://x.com/pollster/status/123');
    expect(snap.warnings).toContain('The post this page points to is not on the page.');
  });
});

describe('classifyXUrl', () => {
  it.each([
    ['https://x.com/home', 'timeline', null],
    ['https://x.com/', 'timeline', null],
    ['https://twitter.com/i/lists/123', 'timeline', null],
    ['https://x.com/search?q=wool', 'timeline', null],
    ['https://x.com/jack', 'profile', null],
    ['https://x.com/jack/with_replies', 'profile', null],
    ['https://x.com/jack/status/20', 'thread', '20'],
    ['https://x.com/jack/status/20/photo/1', 'thread', '20'],
    ['https://x.com/i/web/status/20', 'thread', '20'],
    ['https://x.com/settings/account', 'unknown', null],
  ] as const)('%s → %s', (url, kind, focused) => {
    expect(classifyXUrl(new URL(url))).toEqual({ kind, focusedPostId: focused });
  });
});
