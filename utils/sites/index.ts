/** The site adapters, and picking the one for a URL. */
import type { PageSnapshot, SiteAdapter } from './types';
import { xAdapter } from './x/extract';
import { blueskyAdapter } from './bluesky/extract';
import { mastodonAdapter } from './mastodon/extract';
import { redditAdapter } from './reddit/extract';
import { withInvariants } from './invariants';

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

/**
 * Reads a page with the adapter for its URL, its invariants made to hold (./invariants.ts).
 * Never throws: an adapter failure becomes an empty snapshot with a reason, so the page and
 * the UI keep working.
 */
export function extractPage(doc: Document, url: string): PageSnapshot | null {
  const adapter = adapterFor(url);
  if (!adapter) return null;
  try {
    return withInvariants(adapter.extract(doc, url));
  } catch (err) {
    return {
      site: adapter.id,
      url,
      kind: 'unknown',
      focusedPostId: null,
      posts: [],
      warnings: [`This page could not be read (${err instanceof Error ? err.message : String(err)}).`],
    };
  }
}

export type { PageSnapshot, Post, Media, SiteAdapter } from './types';
