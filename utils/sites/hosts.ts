/**
 * The sites Skein runs on, without their readers: the build configuration (host permissions,
 * content-script matches), the background (who may talk to it, the context menu) and the
 * interface (site names) read this, and nothing wider.
 */
import { X_SITE } from './x/site';
import { BLUESKY_SITE } from './bluesky/site';
import { REDDIT_SITE } from './reddit/site';
import { MASTODON_SITE } from './mastodon/site';
import type { SiteId, SiteInfo } from './types';

/** Every site Skein has a reader for. */
export const SITES: readonly SiteInfo[] = [X_SITE, BLUESKY_SITE, REDDIT_SITE, MASTODON_SITE];

/** The manifest's host permissions: every fixed site's patterns, and nothing wider. */
export const SITE_MATCHES: string[] = SITES.flatMap((site) => site.patterns);

/** A site's name as its users know it ("X", "Bluesky"). */
export function siteName(id: SiteId): string {
  return SITES.find((site) => site.id === id)?.name ?? id;
}

/** What a site's reply box takes by default; X's for a site Skein does not know. */
export function siteDraftLimit(id: SiteId): SiteInfo['draftLimit'] {
  return (SITES.find((site) => site.id === id) ?? X_SITE).draftLimit;
}

/**
 * The sites Skein runs on, as the interface language lists them: "X, Bluesky and Reddit",
 * « X, Bluesky et Reddit ».
 */
export function liveSiteNames(lang: string): string {
  const names = SITES.filter((site) => site.patterns.length > 0).map((site) => site.name);
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
}

/** Whether a URL is one a match pattern of the form `https://host/*` covers. */
export function matchesPattern(url: URL, pattern: string): boolean {
  const m = /^(\w+):\/\/([^/]+)\//.exec(pattern);
  return m != null && url.protocol === `${m[1]}:` && url.hostname === m[2];
}

/**
 * Whether Skein's content script runs at this address: a page of a fixed site, or of a server
 * the user added (`extraPatterns`). Messages from a tab count as Skein's page script, and the
 * popup offers to summarize, only where it runs.
 */
export function isLiveSite(url: string | undefined, extraPatterns: readonly string[] = []): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return [...SITE_MATCHES, ...extraPatterns].some((pattern) => matchesPattern(parsed, pattern));
}
