/**
 * Reading a page with one given adapter. The content script of each site loads this with its
 * own adapter only, not the table of every site (./index.ts).
 */
import { withInvariants } from './invariants';
import type { PageSnapshot, SiteAdapter } from './types';

/** Reads the page the content script runs in, as it is now, with that site's adapter. */
export type PageReader = () => PageSnapshot;

/**
 * Reads a page with `adapter`, its invariants made to hold (./invariants.ts). Never throws: an
 * adapter failure becomes an empty snapshot with a reason, so the page and the UI keep working.
 */
export function readPage(adapter: SiteAdapter, doc: Document, url: string): PageSnapshot {
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

/** How long a reading is given again while the page shows no change (ms). */
const READING_KEPT_MS = 5_000;

/**
 * A reader that gives its last reading again while nothing in the page changed since (no
 * mutation seen, same address, a few seconds at most): opening a post's menu reads the page to
 * offer What's new, and the action chosen from that menu a moment later then costs no second
 * reading, which on a page of thousands of comments is a long task of its own. `stop` ends the
 * watch when the content script goes.
 */
export function keptReader(
  read: PageReader,
  doc: Document,
  url: () => string,
  stop: (end: () => void) => void,
  now: () => number = () => Date.now(),
): PageReader {
  let kept: { snapshot: PageSnapshot; url: string; at: number } | null = null;
  // The document is watched only while a reading is kept, and no longer after its first change:
  // on an endless feed, an observer left on would run on every change the site makes.
  let watching = false;
  const forget = () => {
    kept = null;
    if (watching) observer.disconnect();
    watching = false;
  };
  const observer = new MutationObserver(forget);
  stop(forget);
  return () => {
    // Mutations not yet delivered to the observer count too.
    if (watching && observer.takeRecords().length) forget();
    const at = now();
    if (kept && kept.url === url() && at - kept.at < READING_KEPT_MS) return kept.snapshot;
    const snapshot = read();
    kept = { snapshot, url: url(), at };
    if (!watching) {
      observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
      watching = true;
    }
    return snapshot;
  };
}
