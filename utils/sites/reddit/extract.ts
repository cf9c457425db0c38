/**
 * The Reddit adapter: a rendered Reddit page, new (www.reddit.com) or old (old.reddit.com) →
 * {@link PageSnapshot}. Pure: reads, never writes. On a comments page the post comes first,
 * then every comment in page order (depth first), each answering its parent in the tree.
 */
import { REDDIT_REPLY_HOOKS } from './reply-box';
import { warning } from '../warnings';
import { absoluteUrl, isoTime, normalizeText, paragraphText } from '../text';
import type { Media, PageKind, PageSnapshot, Post, SiteAdapter } from '../types';
import { newPost } from '../post';
import { REDDIT_SITE } from './site';
import { COMMENTS_PATH, OLD, SHREDDIT, SHREDDIT_ATTR as A } from './selectors';

const HOSTS = /^(?:www\.|old\.|new\.)?reddit\.com$/;

/** Listings by their first path part: the front page's sorts, and Reddit-wide feeds. */
const LISTINGS = new Set(['', 'best', 'hot', 'new', 'top', 'rising', 'controversial']);

/** Page kind and focused thing from the URL alone. */
export function classifyRedditUrl(url: URL): { kind: PageKind; focusedPostId: string | null } {
  const comments = COMMENTS_PATH.exec(url.pathname);
  if (comments) return { kind: 'thread', focusedPostId: comments[2] ? `t1_${comments[2]}` : `t3_${comments[1]}` };
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'user' || parts[0] === 'u') return { kind: parts[1] ? 'profile' : 'unknown', focusedPostId: null };
  // A subreddit, r/popular and r/all, with or without a sort.
  if (parts[0] === 'r' && parts[1] && (parts.length === 2 || LISTINGS.has(parts[2]!)))
    return { kind: 'timeline', focusedPostId: null };
  if (parts.length <= 1 && LISTINGS.has(parts[0] ?? '')) return { kind: 'timeline', focusedPostId: null };
  return { kind: 'unknown', focusedPostId: null };
}

/** A timestamp in UTC: its seconds, and its fraction. */
const UTC_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(?:\+0000|\+00:00|Z)$/;

/**
 * Reddit's timestamps (`2026-03-01T10:00:00.000000+0000`) as ISO 8601: microseconds and a zone
 * without a colon are not something every date parser takes.
 */
export function redditTime(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // UTC, as Reddit writes it, is rewritten without parsing a date: thousands of comments
  // are read at each click.
  const utc = UTC_TIME.exec(raw);
  if (utc) return `${utc[1]}.${(utc[2] ?? '').slice(0, 3).padEnd(3, '0')}Z`;
  if (/^\d+$/.test(raw)) return new Date(Number(raw)).toISOString();
  return isoTime(raw.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** The title and the body: title, a blank line, then the body (the snapshot contract). */
const titled = (title: string, body: string) => [title, body].filter(Boolean).join('\n\n');

/** A thing's own child matching `selector`, not one of its replies'. */
function ownChild(el: Element, selector: string): Element | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (child.matches(selector)) return child;
  return null;
}

/** The media a new-Reddit post shows: photos, a video, or the link it shares. */
function shredditMedia(el: Element, title: string): Media[] {
  const media: Media[] = [];
  for (const img of Array.from(el.querySelectorAll(SHREDDIT.photo)))
    if (img.closest(`${SHREDDIT.post}, ${SHREDDIT.ad}`) === el)
      media.push({ kind: 'photo', alt: normalizeText(img.getAttribute('alt') ?? '') || null, url: null });
  const video = el.querySelector(SHREDDIT.video);
  if (video && video.closest(`${SHREDDIT.post}, ${SHREDDIT.ad}`) === el)
    media.push({ kind: 'video', alt: null, url: null });
  const type = el.getAttribute(A.type);
  const link = el.getAttribute(A.link);
  if ((type === 'link' || el.matches(SHREDDIT.ad)) && link) media.push({ kind: 'card', alt: title || null, url: link });
  return media;
}

/** One new-Reddit post (or ad); a crosspost's original, shown inside it, is its quote. */
function readShredditPost(el: Element, base: string): Post {
  const title = normalizeText(el.getAttribute(A.title) ?? el.querySelector(SHREDDIT.title)?.textContent ?? '');
  const body = el.querySelector(SHREDDIT.body);
  const inner = el.querySelector(SHREDDIT.post);
  const ownBody = body && body.closest(`${SHREDDIT.post}, ${SHREDDIT.ad}`) === el ? body : null;
  return newPost({
    id: el.getAttribute(A.postId),
    url: absoluteUrl(el.getAttribute(A.permalink), base),
    author: { name: el.getAttribute(A.author) ?? '', handle: el.getAttribute(A.author) ?? '' },
    createdAt: redditTime(el.getAttribute(A.created)),
    text: titled(title, paragraphText(ownBody)),
    media: shredditMedia(el, title),
    quoted: inner ? readShredditPost(inner, base) : null,
    isPromoted: el.matches(SHREDDIT.ad),
  });
}

/** One new-Reddit comment; a deleted one keeps the text the page shows in its place. */
function readShredditComment(el: Element, base: string): Post {
  const text = paragraphText(ownChild(el, SHREDDIT.commentBody));
  const author = el.getAttribute(A.author) ?? '';
  const deleted = el.hasAttribute(A.deleted) || author === '[deleted]';
  return newPost({
    id: el.getAttribute(A.commentId),
    url: absoluteUrl(el.getAttribute(A.permalink), base),
    author: { name: author, handle: author },
    createdAt: redditTime(el.getAttribute(A.created)),
    text,
    // A top-level comment answers the post.
    inReplyToId: el.getAttribute(A.parent) || el.getAttribute(A.post),
    ...(deleted ? { unavailable: text || '[deleted]' } : {}),
  });
}

/** One old-Reddit thing: a post (`data-type="link"`) or a comment. */
function readOldThing(el: Element, base: string, postId: string | null): Post {
  const entry = el.querySelector(OLD.entry) ?? el;
  const isLink = el.getAttribute('data-type') === 'link';
  const title = isLink ? normalizeText(entry.querySelector(OLD.title)?.textContent ?? '') : '';
  const text = titled(title, paragraphText(entry.querySelector(OLD.body)));
  const deleted = el.classList.contains('deleted');
  // A deleted account has no `data-author`: the tagline shows "[deleted]".
  const author = el.getAttribute('data-author') || normalizeText(entry.querySelector(OLD.author)?.textContent ?? '');
  const domain = el.getAttribute('data-domain') ?? '';
  const link = absoluteUrl(el.getAttribute('data-url'), base);
  const media: Media[] = [];
  if (isLink && /^(?:i\.redd\.it|i\.imgur\.com)$/.test(domain)) media.push({ kind: 'photo', alt: null, url: null });
  else if (isLink && domain === 'v.redd.it') media.push({ kind: 'video', alt: null, url: null });
  else if (isLink && link && !domain.startsWith('self.')) media.push({ kind: 'card', alt: title || null, url: link });
  const parent = el.parentElement?.closest(OLD.thing);
  return newPost({
    id: el.getAttribute('data-fullname'),
    url: absoluteUrl(el.getAttribute('data-permalink'), base),
    author: { name: author, handle: author },
    createdAt: redditTime(el.getAttribute('data-timestamp') ?? entry.querySelector(OLD.time)?.getAttribute('datetime')),
    text,
    media,
    isPromoted: el.getAttribute('data-promoted') === 'true' || el.classList.contains('promoted'),
    inReplyToId: isLink ? null : (parent?.getAttribute('data-fullname') ?? postId),
    ...(deleted ? { unavailable: text || '[deleted]' } : {}),
  });
}

/** Things that are posts or comments, not "load more comments" stubs. */
const isPostOrComment = (el: Element) => ['link', 'comment'].includes(el.getAttribute('data-type') ?? '');

/**
 * Reads a rendered Reddit page, new or old. Odd markup gives a partial or empty snapshot with
 * a reason, never an exception.
 */
export function extractReddit(doc: Document, url: string): PageSnapshot {
  const parsed = new URL(url);
  const { kind, focusedPostId } = classifyRedditUrl(parsed);
  const base = `${parsed.origin}/`;
  const old = doc.querySelector(OLD.thing) != null && doc.querySelector(SHREDDIT.post) == null;
  let posts: Post[];
  if (old) {
    const things = Array.from(doc.querySelectorAll(OLD.thing)).filter(isPostOrComment);
    const postId = things.find((t) => t.getAttribute('data-type') === 'link')?.getAttribute('data-fullname') ?? null;
    posts = things.map((t) => readOldThing(t, base, postId));
  } else {
    const selector = `${SHREDDIT.post}, ${SHREDDIT.ad}, ${SHREDDIT.comment}`;
    // A crosspost's original is read as its quote, not as a post of its own.
    posts = Array.from(doc.querySelectorAll(selector))
      .filter(
        (el) => el.matches(SHREDDIT.comment) || el.parentElement?.closest(`${SHREDDIT.post}, ${SHREDDIT.ad}`) == null,
      )
      .map((el) => (el.matches(SHREDDIT.comment) ? readShredditComment(el, base) : readShredditPost(el, base)));
  }
  if (kind === 'thread') {
    // The post first, whatever the page puts above it (an ad, a pinned community note).
    const post = posts.findIndex((p) => p.id?.startsWith('t3_') && !p.isPromoted);
    if (post > 0) posts.unshift(...posts.splice(post, 1));
  }
  const warnings: string[] = [];
  if (posts.length === 0) warnings.push(warning('noPosts'));
  return { site: 'reddit', url, kind, focusedPostId, posts, ...(warnings.length ? { warnings } : {}) };
}

/** The action row a thing shows (new Reddit: its own, not a reply's; old Reddit: its buttons). */
function buttonSlot(el: Element): Element | null {
  if (el.matches(OLD.thing)) return el.querySelector(OLD.buttons);
  return ownChild(el, SHREDDIT.actionRow) ?? null;
}

/** The Reddit site adapter. */
export const redditAdapter: SiteAdapter = {
  ...REDDIT_SITE,
  matches: (url) => url.protocol === 'https:' && HOSTS.test(url.hostname),
  extract: extractReddit,
  page: {
    postSelector: [SHREDDIT.post, SHREDDIT.ad, SHREDDIT.comment, OLD.post, OLD.comment].join(', '),
    postId: (el) => el.getAttribute(A.commentId) ?? el.getAttribute('data-fullname') ?? el.getAttribute(A.postId),
    buttonSlot,
    reply: REDDIT_REPLY_HOOKS,
  },
};
