/** The X adapter: a rendered x.com page → {@link PageSnapshot}. Pure: reads, never writes. */
import { warning } from '../warnings';
import type { PageKind, PageSnapshot, Post, SiteAdapter } from '../types';
import { X_SITE } from './site';
import { actionBarOf, cardSlotOf, noticeText, readPost, readPostId, unavailablePost } from './post';
import { NOTICE_LINK, RESERVED_PATHS, TIMELINE_PATHS, X } from './selectors';
import { X_REPLY_HOOKS } from './reply-box';
import { linkReplies } from '../thread';

const HOSTS = /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/;

/** Page kind and focused post from the URL alone. */
export function classifyXUrl(url: URL): { kind: PageKind; focusedPostId: string | null } {
  const parts = url.pathname.split('/').filter(Boolean);
  const status = parts.indexOf('status');
  if (status >= 1 && /^\d+$/.test(parts[status + 1] ?? '')) {
    return { kind: 'thread', focusedPostId: parts[status + 1]! };
  }
  const first = parts[0]?.toLowerCase();
  if (!first) return { kind: 'timeline', focusedPostId: null };
  if (TIMELINE_PATHS.has(first) || (first === 'i' && ['lists', 'bookmarks', 'timeline'].includes(parts[1] ?? ''))) {
    return { kind: 'timeline', focusedPostId: null };
  }
  if (!RESERVED_PATHS.has(first) && /^[A-Za-z0-9_]{1,15}$/.test(parts[0]!)) {
    // /<handle>/lists, /followers… are not timelines of posts but still the profile's pages.
    return { kind: 'profile', focusedPostId: null };
  }
  return { kind: 'unknown', focusedPostId: null };
}

/** The handle a profile link points at (`/handle` or `https://x.com/handle`); null for anything else. */
function handleOf(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const parts = new URL(href, 'https://x.com').pathname.split('/').filter(Boolean);
    return parts.length === 1 && /^[A-Za-z0-9_]{1,15}$/.test(parts[0]!) ? parts[0]! : null;
  } catch {
    return null;
  }
}

/** A post with nothing read from it: no id, author, text or media. */
const isEmpty = (p: Post) => !p.id && !p.author.handle && !p.text && p.media.length === 0 && !p.quoted;

/**
 * The posts of a page in document order: every post article, and X's notices standing in for
 * deleted or withheld posts in a conversation (a cell with a notice and no article). Articles
 * with nothing readable in them are counted, not listed.
 */
function readItems(doc: Document, base: string): { posts: Post[]; unreadable: number } {
  const posts: Post[] = [];
  let unreadable = 0;
  const items = Array.from(doc.querySelectorAll(`${X.post}, ${X.cell}`));
  items.forEach((el, i) => {
    if (el.matches(X.post)) {
      const post = readPost(el, base);
      if (isEmpty(post)) unreadable++;
      else posts.push(post);
      return;
    }
    // A cell's article, if any, comes right after it in document order.
    const next = items[i + 1];
    if (next && el.contains(next)) return;
    const notice = el.querySelector(NOTICE_LINK);
    if (notice) posts.push(unavailablePost(noticeText(notice)));
  });
  return { posts, unreadable };
}

/** Why a snapshot is partial or empty, in words the UI can show. */
function warningsFor(doc: Document, posts: Post[], unreadable: number): string[] {
  const warnings: string[] = [];
  const foreign = doc.querySelectorAll(X.anyArticle).length - doc.querySelectorAll(X.post).length;
  if (posts.length === 0) {
    warnings.push(warning(doc.querySelector(X.loading) ? 'loading' : 'noPosts'));
  }
  if (foreign > 0 || unreadable > 0) {
    warnings.push(warning('unreadable', foreign + unreadable));
  } else {
    const partial = posts.filter((p) => p.unavailable == null && !p.author.handle).length;
    if (partial > 0) warnings.push(warning('partial', partial));
  }
  return warnings;
}

/**
 * Reads a rendered X page. Never throws on odd markup: an unknown layout gives a partial or
 * empty snapshot whose `warnings` say why.
 */
export function extractX(doc: Document, url: string): PageSnapshot {
  const parsed = new URL(url);
  const { kind, focusedPostId } = classifyXUrl(parsed);
  const { posts, unreadable } = readItems(doc, `${parsed.origin}/`);
  if (kind === 'thread' && focusedPostId) linkReplies(posts, focusedPostId);
  const warnings = warningsFor(doc, posts, unreadable);
  if (kind === 'thread' && focusedPostId && posts.length > 0 && !posts.some((p) => p.id === focusedPostId)) {
    warnings.push(warning('focusMissing'));
  }
  return { site: 'x', url, kind, focusedPostId, posts, ...(warnings.length ? { warnings } : {}) };
}

/** The X site adapter. */
export const xAdapter: SiteAdapter = {
  ...X_SITE,
  matches: (url) => HOSTS.test(url.hostname),
  extract: extractX,
  page: {
    postSelector: X.post,
    postId: readPostId,
    buttonSlot: actionBarOf,
    cardSlot: cardSlotOf,
    reply: X_REPLY_HOOKS,
    account: {
      viewer: (doc) => handleOf(doc.querySelector<HTMLAnchorElement>(X.profileLink)?.getAttribute('href')),
      profileOf: (url) => (classifyXUrl(url).kind === 'profile' ? url.pathname.split('/').filter(Boolean)[0]! : null),
    },
  },
};
