/**
 * Serving saved pages as the real site: a URL on x.com answers with a fixture's HTML; every
 * other request answers empty, so nothing leaves the machine and nothing logs a load error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_FIXTURES, SHARED_FIXTURES } from './env';

/** A saved page and the URL it is served at. */
export interface ServedPage {
  url: string;
  file: string;
}

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

/** The project's own thread page: a self-thread and replies under the focused post. */
export const OWN_THREAD: ServedPage = {
  url: 'https://x.com/skein_test/status/1900000000000000010',
  file: join(OWN_FIXTURES, 'x/status-thread-replies.html'),
};

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
export function answer(url: string, pages: ServedPage[]): { status: number; contentType: string; body: string } {
  const clean = url.split('#')[0]!.split('?')[0]!;
  const page = pages.find((p) => p.url === clean);
  if (page) return { status: 200, contentType: 'text/html; charset=utf-8', body: html(page.file) };
  return { status: 204, contentType: 'text/plain', body: '' };
}

/**
 * The project's thread page with the real Draft.js editor in X's reply-box markup under it
 * (tests/e2e/draft): where Skein's reply bar drafts and inserts. Written once per run.
 */
export async function threadWithReplyBox(): Promise<ServedPage> {
  const { draftPageHtml } = await import('../draft/build');
  const file = join(mkdtempSync(join(tmpdir(), 'skein-reply-')), 'thread-with-reply-box.html');
  writeFileSync(file, await draftPageHtml(html(OWN_THREAD.file)));
  return { url: OWN_THREAD.url, file };
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
