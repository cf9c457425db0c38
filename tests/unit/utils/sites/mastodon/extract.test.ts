import { describe, expect, it } from 'vitest';
import { classifyMastodonUrl, extractMastodon, mastodonAdapter } from '@/utils/sites/mastodon/extract';
import { paragraphText } from '@/utils/sites/text';
import { adapterFor } from '@/utils/sites';
import { HAVE_SHARED, NO_SHARED, loadPage, own, shared } from '../../../support/fixtures';
import { parseHtml } from '../../../../../scripts/lib/dom';

const THREAD = 'https://indieweb.social/@alabut@techhub.social/115980505754407833';

describe.skipIf(!HAVE_SHARED)(
  `Mastodon adapter on the real saved page (${HAVE_SHARED ? 'present' : NO_SHARED})`,
  () => {
    const read = () => extractMastodon(loadPage(shared('mastodon/thread-indieweb.html'), THREAD), THREAD);

    it('reads the focused status and its 13 replies, with ids, permalinks, accounts and times', () => {
      const snap = read();
      expect(snap).toMatchObject({ site: 'mastodon', kind: 'thread', focusedPostId: '115980505754407833' });
      expect(snap.warnings).toBeUndefined();
      expect(snap.posts).toHaveLength(14);
      expect(snap.posts[0]).toMatchObject({
        id: '115980505754407833',
        url: THREAD,
        author: { name: 'Al Abut', handle: 'alabut@techhub.social' },
        createdAt: '2026-01-29T21:27:52.000Z',
        lang: 'en',
        inReplyToId: null,
        text:
          '#indieweb confession time: how often do you find yourself working on the tech stack of your site ' +
          'instead of writing or publishing?\n\nDon’t feel bad, we all do it. The designer equivalent is when ' +
          'your portfolio site is nicer than the actual work. Been there too 😬',
      });
      expect(snap.posts[1]).toMatchObject({
        id: '115980535178143212',
        url: 'https://indieweb.social/@enocc@mastodon.social/115980535178143212',
        author: { name: 'Enoc', handle: 'enocc@mastodon.social' },
        inReplyToId: '115980505754407833',
      });
    });

    it('gives a local account its server, and reads a link card', () => {
      const { posts } = read();
      // etp is an account of indieweb.social itself: its page shows "@etp".
      expect(posts.find((p) => p.id === '115982809019981878')!.author.handle).toBe('etp@indieweb.social');
      expect(posts.find((p) => p.id === '115984895255282045')!.media).toEqual([
        {
          kind: 'card',
          alt: 'Shellsharks.com, a visual history',
          url: 'https://shellsharks.com/notes/2024/02/15/shellsharks-a-visual-history',
        },
      ]);
      for (const p of posts) expect(p.author.handle).toMatch(/^[^@\s]+@[^@\s]+$/);
    });

    it('the page hooks find each status, its id and its action bar', () => {
      const doc = loadPage(shared('mastodon/thread-indieweb.html'), THREAD);
      const found = Array.from(doc.querySelectorAll(mastodonAdapter.page.postSelector));
      expect(found.map((el) => mastodonAdapter.page.postId(el))).toEqual(read().posts.map((p) => p.id));
      for (const el of found) expect(mastodonAdapter.page.buttonSlot(el)).not.toBeNull();
    });
  },
);

describe('Mastodon adapter on the project’s own page', () => {
  const url = 'https://knit.example/home';
  const snap = () => extractMastodon(loadPage(own('mastodon/timeline-edges.html'), url), url);

  it('a boost, paragraphs and line breaks, a link’s full address, photos', () => {
    expect(snap().posts[0]).toMatchObject({
      id: '2001',
      url: 'https://knit.example/@knitter@yarn.example/2001',
      author: { name: 'Knit Ter', handle: 'knitter@yarn.example' },
      repostedBy: 'Friend Name',
      text: 'First line of a paragraph the page wrapped.\nSecond line.\n\nA link: https://example.org/a/very/long/path',
      media: [
        { kind: 'photo', alt: 'A blue sweater', url: null },
        { kind: 'photo', alt: null, url: null },
      ],
    });
  });

  it('a content warning (the text behind it read and marked), a poll, a video, a local account', () => {
    expect(snap().posts[1]).toMatchObject({
      id: '2002',
      author: { name: 'Local Person', handle: 'local@knit.example' },
      contentWarning: 'Spoilers for the pattern',
      text: 'Le motif finit en point de riz.\n\n- Merino\n- Coton',
      lang: 'fr',
      media: [{ kind: 'video', alt: 'Casting on, sped up', url: null }],
      repostedBy: null,
    });
  });

  it('a status in the newer interface’s markup', () => {
    expect(snap().posts[2]).toMatchObject({
      id: '2003',
      url: 'https://knit.example/@newapp@other.example/2003',
      author: { name: 'New App', handle: 'newapp@other.example' },
      createdAt: '2026-03-01T12:00:00.000Z',
      text: 'Written in the newer interface.',
    });
    expect(snap().posts).toHaveLength(3);
    expect(snap().warnings).toBeUndefined();
  });

  it('reads nothing from a page that is not Mastodon’s app, and says so', () => {
    const doc = parseHtml('<html><body><div class="status" data-id="1"><p>Looks alike</p></div></body></html>', url);
    expect(extractMastodon(doc, url)).toMatchObject({
      posts: [],
      warnings: ['This page does not look like Mastodon: Skein reads Mastodon pages only.'],
    });
  });
});

describe('paragraphText', () => {
  it.each([
    ['<p>one\n   two</p><p>three</p>', 'one two\n\nthree'],
    ['<p>a<br>b</p>', 'a\nb'],
    ['<p>emoji <img alt=":yarn:"> here</p>', 'emoji :yarn: here'],
    ['<p> </p><p>kept</p>', 'kept'],
    ['plain text', 'plain text'],
  ])('%s', (html, text) => {
    const doc = parseHtml(`<div id="t">${html}</div>`, 'https://knit.example/');
    expect(paragraphText(doc.getElementById('t'))).toBe(text);
  });
});

describe('which addresses are Mastodon’s', () => {
  it.each([
    [THREAD, 'thread', '115980505754407833'],
    ['https://mastodon.social/@Gargron/1', 'thread', '1'],
    ['https://mastodon.social/deck/@Gargron/12', 'thread', '12'],
    ['https://mastodon.social/@Gargron', 'profile', null],
    ['https://mastodon.social/home', 'timeline', null],
    ['https://mastodon.social/tags/knitting', 'timeline', null],
    ['https://mastodon.social/settings/profile', 'unknown', null],
  ])('%s → %s', (address, kind, focused) => {
    expect(classifyMastodonUrl(new URL(address))).toEqual({ kind, focusedPostId: focused });
  });

  it.each([
    ['https://indieweb.social/@alabut/1', 'mastodon'],
    ['https://x.com/@someone', 'x'],
    ['https://bsky.app/profile/a.example/post/1', 'bluesky'],
    ['https://medium.com/@someone', null],
    ['http://insecure.example/@someone/1', null],
    ['https://example.com/about', null],
    ['https://example.com/', null],
  ])('%s is read by %s', (address, site) => {
    expect(adapterFor(address)?.id ?? null).toBe(site);
  });
});
