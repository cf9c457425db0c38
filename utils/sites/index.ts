/** The site adapters, and picking the one for a URL. */
import type { PageSnapshot, SiteAdapter } from './types';
import { xAdapter } from './x/extract';
import { blueskyAdapter } from './bluesky/extract';
import { mastodonAdapter } from './mastodon/extract';
import { redditAdapter } from './reddit/extract';
import { readPage } from './read';

/** Every adapter Skein has; other networks join through the same interface. */
// Mastodon comes last: it matches any server by the address's shape, after the fixed sites.
export const ADAPTERS: readonly SiteAdapter[] = [xAdapter, blueskyAdapter, redditAdapter, mastodonAdapter];

/** The adapter for a URL, or null when Skein does not read that site. */
export function adapterFor(url: string): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return ADAPTERS.find((a) => a.matches(parsed)) ?? null;
}

/** Reads a page with the adapter for its URL ({@link readPage}); null when Skein does not read that site. */
export function extractPage(doc: Document, url: string): PageSnapshot | null {
  const adapter = adapterFor(url);
  return adapter ? readPage(adapter, doc, url) : null;
}

export type { PageSnapshot, Post, Media, SiteAdapter } from './types';
