/**
 * The snapshot's invariants on any markup: every real saved page and the project's own, each
 * changed at random many times over (subtrees duplicated, removed, moved; attributes and text
 * cleared), read through `extractPage` as the content script and `npm run extract` read them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractPage } from '@/utils/sites';
import { withInvariants } from '@/utils/sites/invariants';
import type { PageSnapshot, Post } from '@/utils/sites/types';
import { openHtml, parseHtml } from '../../../../scripts/lib/dom';
import { HAVE_SHARED, NO_SHARED, own, shared } from '../../support/fixtures';
import { newPost } from '@/utils/sites/post';
import { seededRandom } from '@/utils/llm/onnx-decoder';

const REAL: [string, string][] = [
  ['x/home-timeline.html', 'https://x.com/home'],
  ['x/profile-badlogicgames.html', 'https://x.com/badlogicgames'],
  ['x/status-text.html', 'https://x.com/realDonaldTrump/status/1222907250383245320'],
  ['x/status-photo-bigtechalert.html', 'https://x.com/BigTechAlert/status/1797703769117069498'],
  ['x/status-video.html', 'https://x.com/verge/status/957383241714970624'],
  ['x/status-article-logged-in.html', 'https://x.com/arscontexta/status/2013045749580259680'],
  ['x/cell-quote-image.html', 'https://x.com/home'],
  ['bluesky/thread-self-and-replies.html', 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t'],
  ['bluesky/thread-pfrazee.html', 'https://bsky.app/profile/pfrazee.com/post/3mbipks33ys2i'],
  ['bluesky/profile-feed.html', 'https://bsky.app/profile/stephenking.bsky.social'],
  ['bluesky/discover-feed.html', 'https://bsky.app/'],
  ['mastodon/thread-indieweb.html', 'https://indieweb.social/@alabut@techhub.social/115980505754407833'],
];
const OWN: [string, string][] = [
  ['x/status-thread-replies.html', 'https://x.com/skein_test/status/1900000000000000010'],
  ['x/promoted.html', 'https://x.com/home'],
  ['x/poll.html', 'https://x.com/home'],
  ['bluesky/thread-edges.html', 'https://bsky.app/profile/skein.example/post/3focus'],
  ['bluesky/feed-repost.html', 'https://bsky.app/'],
  ['mastodon/timeline-edges.html', 'https://knit.example/home'],
  ['reddit/thread-new.html', 'https://www.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/'],
  ['reddit/feed-new.html', 'https://www.reddit.com/r/knitting/'],
  ['reddit/thread-old.html', 'https://old.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/'],
  ['reddit/feed-old.html', 'https://old.reddit.com/r/knitting/'],
];

/** Where the mutations land: each site's posts (X, Bluesky, Mastodon, Reddit), what is inside them, their columns. */
const POSTS_AND_INSIDES = [
  'article, article *, [data-testid="primaryColumn"]',
  // (Not their whole screens: copies of copies of a 800 KB page would fill the memory.)
  '[data-testid*="Item-by-"], [data-testid*="Item-by-"] *',
  '.status, .status *, .detailed-status, .detailed-status *, article[data-id] *',
  'shreddit-post, shreddit-post *, shreddit-comment, shreddit-comment *, shreddit-ad-post, div.thing, div.thing *',
].join(', ');

/** Changes the page's post markup `count` times, as a site redesign or a broken save might. */
function mutate(doc: Document, seed: number, count = 6): void {
  const rand = seededRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  for (let i = 0; i < count; i++) {
    // X's posts and column, Bluesky's thread and feed items and their screens.
    const pool = Array.from(doc.querySelectorAll(POSTS_AND_INSIDES));
    const el = pick(pool);
    if (!el?.parentNode) continue;
    switch (Math.floor(rand() * 6)) {
      case 0:
        el.parentNode.insertBefore(el.cloneNode(true), el.nextSibling);
        break;
      case 1:
        el.remove();
        break;
      case 2:
        for (const a of Array.from(el.attributes)) el.removeAttribute(a.name);
        break;
      case 3:
        el.textContent = '';
        break;
      case 4: {
        const to = pick(pool);
        if (to && !el.contains(to)) to.appendChild(el);
        break;
      }
      default:
        el.setAttribute(
          'href',
          pick(['/', '/a/status/1', '/x/status/', '/profile/a/post/1', '/profile//post/']) ?? '/',
        );
        break;
    }
  }
}

function checkInvariants(snap: PageSnapshot): void {
  const ids = snap.posts.map((p) => p.id).filter((id): id is string => id != null);
  expect(new Set(ids).size).toBe(ids.length);
  if (snap.focusedPostId != null) expect(ids).toContain(snap.focusedPostId);
  for (const post of snap.posts) if (post.unavailable == null) expect(post.author.handle.trim()).not.toBe('');
}

const run = async (file: string, url: string) => {
  const html = readFileSync(file, 'utf8');
  for (let seed = 1; seed <= 12; seed++) {
    // Each parse's window is closed after: open ones, for every page of every site, would hold
    // more memory than the test process has.
    const { doc, close } = openHtml(html, url);
    try {
      mutate(doc, seed);
      const snap = extractPage(doc, url)!;
      expect(snap, `seed ${seed}`).not.toBeNull();
      checkInvariants(snap);
    } finally {
      await close();
    }
  }
};

describe('snapshot invariants under changed markup', () => {
  describe.skipIf(!HAVE_SHARED)(`real pages (${HAVE_SHARED ? 'present' : NO_SHARED})`, () => {
    it.each(REAL)('%s', (file, url) => run(shared(file), url), 60_000);
  });
  it.each(OWN)('own page %s', (file, url) => run(own(file), url));

  const post = (id: string | null, handle = 'a'): Post =>
    newPost({
      id,
      url: null,
      author: { name: handle, handle },
      createdAt: null,
      text: 'x',
    });
  it.each([
    ['a repeated id: the later copy goes', [post('1'), post('2'), post('1')], '1', ['1', '2'], '1', /repeated/],
    ['no author: left out', [post('1'), post('2', '')], '1', ['1'], '1', /author could not be read/],
    ['no id: kept, marked by its null id', [post(null), post('2')], '2', [null, '2'], '2', null],
    ['the focused post missing: no focus, and a warning', [post('1')], '9', ['1'], null, /not on the page/],
  ] as const)('%s', (_, posts, focus, ids, focused, warning) => {
    const snap = withInvariants({
      site: 'x',
      url: 'https://x.com/a/status/1',
      kind: 'thread',
      focusedPostId: focus,
      posts: [...posts],
    });
    expect(snap.posts.map((p) => p.id)).toEqual(ids);
    expect(snap.focusedPostId).toBe(focused);
    if (warning) expect(snap.warnings?.join(' ')).toMatch(warning);
    else expect(snap.warnings).toBeUndefined();
  });

  it('reads a 2,000-node page within 50 ms', () => {
    const cells = Array.from({ length: 40 }, (_, i) =>
      readFileSync(own('x/status-thread-replies.html'), 'utf8')
        .match(/<article[\s\S]*?<\/article>/)![0]
        .replace(/19000000000000000\d\d/g, `18000000000000${String(i).padStart(4, '0')}`),
    ).join('');
    const doc = parseHtml(`<!DOCTYPE html><html><body><main>${cells}</main></body></html>`, 'https://x.com/home');
    expect(doc.querySelectorAll('*').length).toBeGreaterThan(1500);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      expect(extractPage(doc, 'https://x.com/home')!.posts.length).toBe(40);
      times.push(performance.now() - t0);
    }
    // The median of five: one slow run on a busy machine is the machine, not the reader.
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(50);
  });
});
