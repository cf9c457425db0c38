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
