/**
 * Serving saved pages as the real site: a page's URL answers with a fixture's HTML; every
 * other request answers empty, so nothing leaves the machine and nothing logs a load error.
 */
import type { EditorPage } from '../draft/build';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_FIXTURES, SHARED_FIXTURES } from './env';

/** A saved page and the URL it is served at. */
export interface ServedPage {
  url: string;
  file: string;
  /** A rule of the site's own stylesheet the saved page lost, served back with it. */
  css?: string;
  /** Not a page: JSON the server answers at `url` to any origin (an API, `file` unused). */
  json?: unknown;
  /** The page's HTML as given, in place of `file`'s (a page changed since it was saved). */
  body?: string;
}

/**
 * The saved Bluesky pages kept their generated class names but not the stylesheet behind them.
 * Its base rule for every view (React Native Web's) positions it: without it, each avatar's
 * image, absolutely placed at 100% size, covers the whole page and takes every click.
 */
const BLUESKY_VIEW = '.css-g5y9jx { position: relative; }';

/** The real saved X pages and their URLs (../shared/fixtures/README.md). */
export const X_PAGES = {
  home: { url: 'https://x.com/home', file: join(SHARED_FIXTURES, 'x/home-timeline.html') },
  profile: { url: 'https://x.com/badlogicgames', file: join(SHARED_FIXTURES, 'x/profile-badlogicgames.html') },
  statusText: {
    url: 'https://x.com/realDonaldTrump/status/1222907250383245320',
    file: join(SHARED_FIXTURES, 'x/status-text.html'),
  },
  statusPhoto: {
    url: 'https://x.com/BigTechAlert/status/1797703769117069498',
    file: join(SHARED_FIXTURES, 'x/status-photo-bigtechalert.html'),
  },
  article: {
    url: 'https://x.com/arscontexta/status/2013045749580259680',
    file: join(SHARED_FIXTURES, 'x/status-article-logged-in.html'),
  },
} satisfies Record<string, ServedPage>;

/** The real saved Bluesky threads and their URLs. */
export const BLUESKY_PAGES = {
  /** 52 posts: the author's own thread and replies. */
  thread: {
    url: 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t',
    file: join(SHARED_FIXTURES, 'bluesky/thread-self-and-replies.html'),
    css: BLUESKY_VIEW,
  },
  /** 12 posts, with a hidden screen the app kept. */
  pfrazee: {
    url: 'https://bsky.app/profile/pfrazee.com/post/3mbipks33ys2i',
    file: join(SHARED_FIXTURES, 'bluesky/thread-pfrazee.html'),
    css: BLUESKY_VIEW,
  },
} satisfies Record<string, ServedPage>;

/** The project's own Reddit comments pages (no real one can be shared), new and old Reddit. */
export const REDDIT_PAGES = {
  thread: {
    url: 'https://www.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/',
    file: join(OWN_FIXTURES, 'reddit/thread-new.html'),
  },
  oldThread: {
    url: 'https://old.reddit.com/r/knitting/comments/1abc2de/how_do_you_block_merino/',
    file: join(OWN_FIXTURES, 'reddit/thread-old.html'),
  },
} satisfies Record<string, ServedPage>;

/** A Mastodon server the tests make up: its home timeline (the project's own page) and its API. */
export const MASTODON_SERVER = {
  origin: 'https://knit-test.example',
  home: { url: 'https://knit-test.example/home', file: join(OWN_FIXTURES, 'mastodon/timeline-edges.html') },
  instance: {
    url: 'https://knit-test.example/api/v2/instance',
    file: '',
    json: { domain: 'knit-test.example', version: '4.3.2', title: 'Knitters' },
  },
  /** A server that is not Mastodon: a blog whose API path answers something else. */
  blog: { url: 'https://blog-test.example/api/v2/instance', file: '', json: { title: 'A blog', posts: [] } },
} satisfies Record<string, ServedPage | string>;

/** The project's own thread page: a self-thread and replies under the focused post. */
export const OWN_THREAD: ServedPage = {
  url: 'https://x.com/skein_test/status/1900000000000000010',
  file: join(OWN_FIXTURES, 'x/status-thread-replies.html'),
};

/** The signed-in user's own X profile (the project's own page: @skein_test, signed in as them). */
export const OWN_PROFILE: ServedPage = {
  url: 'https://x.com/skein_test',
  file: join(OWN_FIXTURES, 'x/own-profile.html'),
};

/** A page as X shows it to a signed-in user: its side navigation links to their own profile. */
export function signedIn(served: ServedPage, handle: string): ServedPage {
  const nav =
    `<nav aria-label="Primary"><a href="/${handle}" aria-label="Profile" role="link" ` +
    `data-testid="AppTabBar_Profile_Link"><span>Profile</span></a></nav>`;
  return { ...served, body: (served.body ?? html(served.file)).replace('</body>', `${nav}</body>`) };
}

/**
 * The project's own thread before its last `count` replies were written: the same page without
 * its last posts (`What's new` tests come back to the thread with those replies).
 */
export function ownThreadBeforeLastReply(count = 1): ServedPage {
  let body = html(OWN_THREAD.file);
  for (let i = 0; i < count; i++) {
    const start = body.lastIndexOf('<article');
    const end = body.indexOf('</article>', start) + '</article>'.length;
    body = body.slice(0, start) + body.slice(end);
  }
  return { ...OWN_THREAD, body };
}

const cache = new Map<string, string>();

/** A fixture's HTML. */
export function html(file: string): string {
  let text = cache.get(file);
  if (text == null) {
    text = readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** What a request to `url` is answered with, given the pages being served. */
export function answer(
  url: string,
  pages: ServedPage[],
): { status: number; contentType: string; body: string; headers?: Record<string, string> } {
  const clean = url.split('#')[0]!.split('?')[0]!;
  const page = pages.find((p) => p.url === clean);
  if (page?.json !== undefined) {
    // An API answers any origin, as Mastodon's does (Skein's extension pages among them).
    return {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify(page.json),
      headers: { 'access-control-allow-origin': '*' },
    };
  }
  if (page) {
    const saved = page.body ?? html(page.file);
    const body = page.css ? saved.replace(/<\/head>|<body/i, (m) => `<style>${page.css}</style>${m}`) : saved;
    return { status: 200, contentType: 'text/html; charset=utf-8', body };
  }
  return { status: 204, contentType: 'text/plain', body: '' };
}

/**
 * A Reddit thread of `comments` comments (the project's own markup, scripts/lib/synthetic.ts),
 * written to a file and served at its Reddit address.
 */
export async function longRedditThread(comments: number): Promise<ServedPage> {
  const { syntheticRedditThread } = await import('../../../scripts/lib/synthetic');
  const thread = syntheticRedditThread(comments);
  const file = join(mkdtempSync(join(tmpdir(), 'skein-long-')), 'thread.html');
  writeFileSync(file, thread.html);
  return { url: thread.url, file };
}

/**
 * The project's thread page with the real Draft.js editor in X's reply-box markup under it
 * (tests/e2e/draft): where Skein's reply bar drafts and inserts. Written once per run.
 */
export async function threadWithReplyBox(): Promise<ServedPage> {
  return withEditor(OWN_THREAD, 'page');
}

/**
 * A page with a site's real editor added to it (tests/e2e/draft/: Draft.js for X, TipTap for
 * Bluesky, Lexical or the textarea for Reddit, the React textarea for Mastodon), served at the
 * page's own address.
 */
export async function withEditor(served: ServedPage, entry: EditorPage): Promise<ServedPage> {
  const { draftPageHtml } = await import('../draft/build');
  const file = join(mkdtempSync(join(tmpdir(), 'skein-reply-')), 'with-editor.html');
  writeFileSync(file, await draftPageHtml(html(served.file), entry));
  return { ...served, file };
}

/**
 * The ids of the posts the elements sit in, read from each post's own time link as X links it
 * (a quoted post's link left out). Runs in the page: pass it to `$$eval`.
 */
export const postIdsOf = (found: Element[]): string[] =>
  found.map((el) => {
    const a = el.closest('article');
    if (!a) return '';
    const quote = Array.from(a.querySelectorAll('div[role="link"][tabindex="0"]')).find((q) =>
      q.querySelector('[data-testid="User-Name"]'),
    );
    const time = Array.from(a.querySelectorAll('time')).find((t) => !quote?.contains(t));
    return /\/status\/(\d+)/.exec(time?.closest('a')?.getAttribute('href') ?? '')?.[1] ?? '';
  });

/**
 * The requests among `urls` that would post something on X (its API, the CreateTweet call of
 * the test page's own Reply button): Skein inserts drafts and never posts, so none is its.
 */
export const postRequests = (urls: string[]): string[] => urls.filter((u) => /CreateTweet|\/i\/api\//.test(u));
