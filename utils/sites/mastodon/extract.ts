/**
 * The Mastodon adapter: a rendered page of Mastodon's web app, on any server → {@link
 * PageSnapshot}. Pure: reads, never writes. Mastodon runs on thousands of servers, so the
 * address alone cannot say a page is Mastodon: the reader checks the page (its app's root) and
 * reads nothing from a page that is not.
 */
import { warning } from '../warnings';
import { absoluteUrl, isoTime, normalizeText, paragraphText } from '../text';
import { linkReplies } from '../thread';
import type { Media, PageKind, PageSnapshot, Post, SiteAdapter } from '../types';
import { MASTODON_SITE } from './site';
import { MASTODON_REPLY_HOOKS, actionBarOf } from './reply-box';
import { MASTO, NOT_MASTODON, STATUS_PATH } from './selectors';
import { newPost } from '../post';

/** Timelines by their first path part. */
const TIMELINES = new Set(['home', 'public', 'tags', 'lists', 'explore', 'bookmarks', 'favourites', 'notifications']);

/** Page kind and focused status from the URL alone (the deck's `/deck/…` addresses too). */
export function classifyMastodonUrl(url: URL): { kind: PageKind; focusedPostId: string | null } {
  const path = url.pathname.replace(/^\/deck(?=\/)/, '');
  const status = STATUS_PATH.exec(path);
  if (status) return { kind: 'thread', focusedPostId: status[2]! };
  const parts = path.split('/').filter(Boolean);
  if (parts[0]?.startsWith('@') && parts[0].length > 1) return { kind: 'profile', focusedPostId: null };
  if (parts.length === 0 || TIMELINES.has(parts[0]!)) return { kind: 'timeline', focusedPostId: null };
  return { kind: 'unknown', focusedPostId: null };
}

/** `@user@instance` as the contract wants it: without `@`, the page's host added to a local account. */
function handleOf(account: string, host: string): string {
  const bare = normalizeText(account).replace(/^@/, '');
  if (!bare) return '';
  return bare.includes('@') ? bare : `${bare}@${host}`;
}

/** Photos, videos and a link's card, in page order. */
function mediaOf(el: Element): Media[] {
  const media: Media[] = Array.from(el.querySelectorAll(MASTO.gallery)).map((m) => ({
    kind: m.tagName === 'IMG' ? ('photo' as const) : ('video' as const),
    alt: normalizeText(m.getAttribute('alt') ?? m.getAttribute('aria-label') ?? m.getAttribute('title') ?? '') || null,
    url: null,
  }));
  const card = el.querySelector(MASTO.card);
  if (card)
    media.push({
      kind: 'card',
      alt: normalizeText(el.querySelector(MASTO.cardTitle)?.textContent ?? '') || null,
      url: card.getAttribute('href'),
    });
  return media;
}

/** A link's path on the server (`base`), or '' for a link that is not one. */
function linkPath(a: Element | null | undefined, base: string): string {
  try {
    return new URL(a?.getAttribute('href') ?? '', base).pathname;
  } catch {
    return '';
  }
}

/** Reads one status element; `focusId` names the detailed status, which carries no id of its own. */
function readStatus(el: Element, url: URL, focusId: string | null): Post {
  const base = `${url.origin}/`;
  const pathOf = (a: Element | null | undefined) => linkPath(a, base);
  // The status's time links to it; any other link to a status is a fallback (the newer app).
  const permalink =
    el.querySelector(MASTO.permalink) ??
    Array.from(el.querySelectorAll('a[href]')).find((a) => STATUS_PATH.test(pathOf(a)));
  const id = el.getAttribute('data-id') ?? STATUS_PATH.exec(pathOf(permalink))?.[2] ?? focusId;
  // The author's link: the classic app's by its class, the newer app's by its address (`/@name`).
  const authorLink =
    el.querySelector(MASTO.authorLink) ??
    Array.from(el.querySelectorAll('a[href]')).find((a) => /^\/@[^/]+\/?$/.test(pathOf(a))) ??
    null;
  const account =
    el.querySelector(MASTO.account)?.textContent ??
    authorLink?.getAttribute('title') ??
    /^\/(@[^/]+)/.exec(pathOf(authorLink))?.[1] ??
    '';
  const handle = handleOf(account, url.hostname);
  const textEl = el.querySelector(MASTO.text) ?? el.querySelector('[lang]');
  const spoiler = normalizeText(el.querySelector(MASTO.spoiler)?.textContent ?? '');
  const poll = Array.from(el.querySelectorAll(MASTO.pollOption)).map((o) => `- ${normalizeText(o.textContent ?? '')}`);
  const text = [paragraphText(textEl), poll.join('\n')].filter(Boolean).join('\n\n');
  const boost = (el.closest(MASTO.wrapper) ?? el).querySelector(MASTO.prepend);
  return newPost({
    id,
    url: absoluteUrl(permalink?.getAttribute('href'), base),
    author: {
      name: normalizeText((el.querySelector(MASTO.displayName) ?? authorLink)?.textContent ?? '') || handle,
      handle,
    },
    createdAt: isoTime(el.querySelector('time[datetime]')?.getAttribute('datetime')),
    text,
    lang: textEl?.getAttribute('lang') ?? null,
    media: mediaOf(el),
    repostedBy: boost ? normalizeText(boost.querySelector('bdi, strong')?.textContent ?? '') || null : null,
    ...(spoiler ? { contentWarning: spoiler } : {}),
  });
}

/**
 * Reads a rendered Mastodon page. A page that is not Mastodon's app gives no posts and says
 * so; odd markup gives a partial or empty snapshot with a reason, never an exception.
 */
export function extractMastodon(doc: Document, url: string): PageSnapshot {
  const parsed = new URL(url);
  const { kind, focusedPostId } = classifyMastodonUrl(parsed);
  if (!doc.querySelector(MASTO.appRoot))
    return { site: 'mastodon', url, kind, focusedPostId, posts: [], warnings: [warning('notMastodon')] };
  const posts = Array.from(doc.querySelectorAll(`${MASTO.detailed}, ${MASTO.status}`)).map((el) =>
    readStatus(el, parsed, el.matches(MASTO.detailed) ? focusedPostId : null),
  );
  if (kind === 'thread' && focusedPostId) linkReplies(posts, focusedPostId);
  const warnings: string[] = [];
  if (posts.length === 0) warnings.push(warning('noPosts'));
  return { site: 'mastodon', url, kind, focusedPostId, posts, ...(warnings.length ? { warnings } : {}) };
}

/** The Mastodon site adapter (`npm run extract`; Skein does not run on Mastodon servers yet). */
export const mastodonAdapter: SiteAdapter = {
  ...MASTODON_SITE,
  // Any server: the address has Mastodon's shape, and the reader checks the page itself.
  // (Not a server's bare root: any site has one.)
  matches: (url) =>
    url.protocol === 'https:' &&
    !NOT_MASTODON.test(url.hostname) &&
    url.pathname.replace(/\/+$/, '') !== '' &&
    classifyMastodonUrl(url).kind !== 'unknown',
  extract: extractMastodon,
  page: {
    postSelector: `${MASTO.detailed}, ${MASTO.status}`,
    postId: (el) =>
      el.getAttribute('data-id') ??
      classifyMastodonUrl(new URL(el.ownerDocument.location?.href ?? 'https://invalid/')).focusedPostId,
    buttonSlot: actionBarOf,
    reply: MASTODON_REPLY_HOOKS,
  },
};
