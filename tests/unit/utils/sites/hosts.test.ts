import { describe, expect, it } from 'vitest';
import { SITE_MATCHES, isLiveSite, liveSiteNames, siteDraftLimit, siteName } from '@/utils/sites/hosts';
import type { SiteId } from '@/utils/sites/types';
import { ADAPTERS } from '@/utils/sites';
import { BLUESKY_REPLY_HOOKS } from '@/utils/sites/bluesky/reply-box';
import { REDDIT_REPLY_HOOKS } from '@/utils/sites/reddit/reply-box';
import { X_REPLY_HOOKS } from '@/utils/sites/x/reply-box';

describe('isLiveSite: where Skein’s content script runs', () => {
  it.each([
    ['https://x.com/a/status/1', true],
    ['https://twitter.com/home', true],
    ['https://bsky.app/profile/a.example/post/1', true],
    ['https://www.reddit.com/r/knitting/', true],
    ['https://old.reddit.com/r/knitting/', true],
    ['http://x.com/home', false],
    ['https://x.com.example.org/home', false],
    ['https://bsky.app.example.org/', false],
    // Mastodon servers run Skein once the user adds them.
    ['https://mastodon.social/@Gargron/1', false],
    ['https://example.com/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, live) => expect(isLiveSite(url)).toBe(live));

  it('a Mastodon server the user added counts, and only that one', () => {
    const added = ['https://knit.example/*'];
    expect(isLiveSite('https://knit.example/@a/1', added)).toBe(true);
    expect(isLiveSite('https://other.example/@a/1', added)).toBe(false);
  });
});

describe('one site, one place', () => {
  it('the manifest’s hosts are the adapters’ own patterns, and nothing wider', () => {
    expect(SITE_MATCHES).toEqual(ADAPTERS.flatMap((a) => a.patterns));
    expect(SITE_MATCHES).toEqual([
      'https://x.com/*',
      'https://twitter.com/*',
      'https://bsky.app/*',
      'https://www.reddit.com/*',
      'https://old.reddit.com/*',
    ]);
  });

  it('every adapter reads the pages its patterns cover', () => {
    for (const adapter of ADAPTERS)
      for (const pattern of adapter.patterns)
        expect(adapter.matches(new URL(pattern.replace('*', 'some/page'))), pattern).toBe(true);
  });

  it.each([
    ['x', 'X'],
    ['bluesky', 'Bluesky'],
    ['reddit', 'Reddit'],
    ['mastodon', 'Mastodon'],
  ] as const)('%s is shown as %s', (id, name) => expect(siteName(id)).toBe(name));
});

describe('liveSiteNames', () => {
  it.each([
    ['en', 'X, Bluesky, and Reddit'],
    ['fr', 'X, Bluesky et Reddit'],
  ])('%s: %s', (lang, names) => expect(liveSiteNames(lang)).toBe(names));
});

describe('each site’s draft limit, for drafts made away from its box', () => {
  it.each([
    ['x', { max: 280, graphemes: false, comment: false }],
    ['bluesky', { max: 300, graphemes: true, comment: false }],
    ['mastodon', { max: 500, graphemes: false, comment: false, linkChars: 23 }],
    ['reddit', { max: 10_000, graphemes: false, comment: true }],
    ['elsewhere', { max: 280, graphemes: false, comment: false }],
  ])('%s', (id, limit) => expect(siteDraftLimit(id as SiteId)).toEqual(limit));

  it('the reply boxes keep to the same limits', () => {
    expect(BLUESKY_REPLY_HOOKS.limit(document.body)).toEqual(siteDraftLimit('bluesky'));
    expect(REDDIT_REPLY_HOOKS.limit(document.body)).toEqual(siteDraftLimit('reddit'));
    expect(X_REPLY_HOOKS.limit(document.body)).toEqual(siteDraftLimit('x'));
  });
});
