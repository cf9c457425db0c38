/**
 * The Bluesky adapter: a rendered bsky.app page → {@link PageSnapshot}. Pure: reads, never
 * writes. Thread views (`postThreadItem-by-*`) and feeds (`feedItem-by-*`) are both read.
 */
import { warning } from '../warnings';
import { absoluteUrl, normalizeText, visibleText } from '../text';
import { linkReplies } from '../thread';
import type { Media, PageKind, PageSnapshot, Post, SiteAdapter } from '../types';
import { BLUESKY_SITE } from './site';
import { BLUESKY_REPLY_HOOKS } from './reply-box';
import { BSKY, BY, DIRECTION_MARKS, FOCUSED_DATE, POST_PATH, TOOLTIP_DATE } from './selectors';
import { newPost } from '../post';

const HOSTS = /^(?:www\.)?bsky\.app$/;

/** Profile tabs that list the profile's own posts. */
const PROFILE_TABS = new Set(['', 'posts', 'replies', 'media', 'videos', 'likes', 'feeds', 'starter-packs', 'lists']);

/** Page kind and focused post from the URL alone. */
export function classifyBlueskyUrl(url: URL): { kind: PageKind; focusedPostId: string | null } {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'profile' && parts[2] === 'post' && parts[3]) return { kind: 'thread', focusedPostId: parts[3] };
  if (parts[0] === 'profile' && parts[1]) {
    // A profile's feed or list is a timeline of other people's posts.
    if (parts[2] === 'feed' || parts[2] === 'lists') return { kind: 'timeline', focusedPostId: null };
    if (PROFILE_TABS.has(parts[2] ?? '')) return { kind: 'profile', focusedPostId: null };
    return { kind: 'unknown', focusedPostId: null };
  }
  if (parts.length === 0 || ['feeds', 'hashtag', 'search', 'notifications'].includes(parts[0]!))
    return { kind: 'timeline', focusedPostId: null };
  return { kind: 'unknown', focusedPostId: null };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A clock time and date as the page shows them → ISO 8601, or null. */
function at(year: string, month: string, day: string, hour: string, minute: string, half: string): string | null {
  const m = MONTHS.indexOf(month.slice(0, 3));
  if (m < 0) return null;
  const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  // The page writes the time in the reader's own time zone, with no zone: read in the same
  // browser, the local time gives the right moment.
  const date = new Date(Number(year), m, Number(day), h, Number(minute));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A date as Bluesky shows it, on a permalink's tooltip ("January 27, 2026 at 1:28 AM") or under
 * a thread's focused post ("12:55 AM · Jan 27, 2026"), as ISO 8601; null for anything else.
 */
export function readBlueskyDate(text: string | null | undefined): string | null {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  const tip = TOOLTIP_DATE.exec(s);
  if (tip) return at(tip[3]!, tip[1]!, tip[2]!, tip[4]!, tip[5]!, tip[6]!);
  const focused = FOCUSED_DATE.exec(s);
  if (focused) return at(focused[6]!, focused[4]!, focused[5]!, focused[1]!, focused[2]!, focused[3]!);
  return null;
}

/** A name or handle without the direction marks Bluesky wraps them in. */
const clean = (s: string | null | undefined) => normalizeText((s ?? '').replace(DIRECTION_MARKS, ''));

/** Finds elements under a post that belong to it, not to a post it quotes. */
type Own = (selector: string) => Element[];

/** The {@link Own} finder of `el`. */
function ownIn(el: Element): Own {
  // Most posts quote none: then every match is the post's own, with no walk up from each.
  const quotes = el.querySelector(BSKY.quote) !== null;
  return (selector) => {
    const all = Array.from(el.querySelectorAll(selector));
    if (!quotes) return all;
    return all.filter((n) => {
      // The quote a node sits in (for a quote itself, the one around it).
      const quote = (n.matches(BSKY.quote) ? n.parentElement : n)?.closest(BSKY.quote) ?? null;
      return quote === null || quote === el || !el.contains(quote);
    });
  };
}

/** The author's handle, from the post element's test id or a quote's label. */
function handleOf(el: Element): string {
  const testId = el.getAttribute('data-testid') ?? '';
  const at = testId.indexOf(BY);
  if (at >= 0) return clean(testId.slice(at + BY.length));
  return clean((el.getAttribute('aria-label') ?? '').replace(/^Post by /, ''));
}

/**
 * The first text in the nodes' leaf elements that is a name: not the "@handle" line, not a
 * separator. (An author without a display name shows the handle as the name.)
 */
function firstName(nodes: Element[]): string | null {
  for (const node of nodes) {
    const leaves = node.children.length === 0 ? [node] : Array.from(node.querySelectorAll('*'));
    for (const leaf of leaves) {
      if (leaf.children.length > 0 || leaf.closest(BSKY.postText) || leaf.closest(BSKY.threadText)) continue;
      const text = clean(leaf.textContent).replace(/\s+/g, ' ');
      if (text && !text.startsWith('@') && text !== '·') return text;
    }
  }
  return null;
}

/**
 * The author's display name: in the links to the author's profile (the avatar's left out), or
 * in a quoted post, whose name is plain text, in its first spans.
 */
function nameOf(own: Own, profileLinks: Element[], handle: string): string {
  const links = profileLinks.filter(
    (a) =>
      clean(a.getAttribute('href')).toLowerCase() === `/profile/${handle.toLowerCase()}` && !a.querySelector('img'),
  );
  return firstName(links) ?? firstName(own('span')) ?? handle;
}

/** The post's own permalink: a link to `/profile/<handle>/post/<rkey>`, the dated one first. */
function permalinkOf(
  profileLinks: Element[],
  handle: string,
): { rkey: string; href: string; date: string | null } | null {
  const links = profileLinks.filter((a) => POST_PATH.test(a.getAttribute('href') ?? ''));
  const dated = links.find((a) => a.hasAttribute('data-tooltip'));
  const link = dated ?? links.find((a) => POST_PATH.exec(a.getAttribute('href')!)![1] === handle) ?? null;
  if (!link) return null;
  const href = link.getAttribute('href')!;
  const date = readBlueskyDate(link.getAttribute('data-tooltip') ?? link.getAttribute('aria-label'));
  return { rkey: POST_PATH.exec(href)![2]!, href, date };
}

/** Photos and videos of the post, in page order (avatars and quoted posts' media left out). */
function mediaOf(own: Own): Media[] {
  return own('img, video')
    .filter(
      (m) => !m.closest(BSKY.avatar) && (m.tagName === 'VIDEO' || /\/img\/feed_/.test(m.getAttribute('src') ?? '')),
    )
    .map((m) =>
      m.tagName === 'VIDEO'
        ? { kind: 'video' as const, alt: clean(m.getAttribute('aria-label')) || null, url: null }
        : { kind: 'photo' as const, alt: clean(m.getAttribute('alt')) || null, url: null },
    );
}

/** The date line under a thread's focused post, which has no dated permalink. */
function focusedDate(own: Own): string | null {
  for (const leaf of own('div[dir="auto"]')) {
    const date = readBlueskyDate(leaf.textContent);
    if (date) return date;
  }
  return null;
}

/** Reads one post (or a quoted post, whose element is its label's `div[role=link]`). */
function readPost(el: Element, base: string, focused: { id: string | null; url: string } | null): Post {
  const handle = handleOf(el);
  const own = ownIn(el);
  const profileLinks = own(BSKY.profileLink);
  const link = permalinkOf(profileLinks, handle);
  const isFocus = focused !== null && link === null && el.querySelector(BSKY.expandedCount) !== null;
  const id = isFocus ? focused.id : (link?.rkey ?? null);
  const textEl = own(`${BSKY.postText}, ${BSKY.threadText}`)[0];
  const quote = own(BSKY.quote).find((q) => q !== el);
  const repost = el.querySelector(BSKY.repostLink)?.getAttribute('aria-label') ?? null;
  return newPost({
    id,
    url: isFocus ? focused.url : absoluteUrl(link?.href, base),
    author: { name: nameOf(own, profileLinks, handle), handle },
    createdAt: link?.date ?? (isFocus ? focusedDate(own) : null),
    text: visibleText(textEl),
    lang: textEl?.getAttribute('lang') ?? null,
    media: mediaOf(own),
    quoted: quote ? readPost(quote, base, null) : null,
    repostedBy: repost ? clean(repost.replace(/^Reposted by /, '')) : null,
  });
}

/**
 * Reads a rendered Bluesky page. Never throws on odd markup: an unknown layout gives a partial
 * or empty snapshot whose `warnings` say why.
 */
export function extractBluesky(doc: Document, url: string): PageSnapshot {
  const parsed = new URL(url);
  const { kind, focusedPostId } = classifyBlueskyUrl(parsed);
  const base = `${parsed.origin}/`;
  const focused = focusedPostId ? { id: focusedPostId, url: `${parsed.origin}${parsed.pathname}` } : null;
  // The app keeps screens the user came from in the page, hidden: only the shown one is read.
  const posts = Array.from(doc.querySelectorAll(`${BSKY.threadItem}, ${BSKY.feedItem}`))
    .filter((el) => !el.closest(BSKY.hiddenScreen))
    .map((el) => readPost(el, base, focused));
  if (kind === 'thread' && focusedPostId) linkReplies(posts, focusedPostId);
  const warnings: string[] = [];
  if (posts.length === 0) warnings.push(warning('noPosts'));
  const partial = posts.filter((p) => !p.id || (!p.text && p.media.length === 0 && !p.quoted)).length;
  if (partial) warnings.push(warning('partial', partial));
  return { site: 'bluesky', url, kind, focusedPostId, posts, ...(warnings.length ? { warnings } : {}) };
}

/** The post's id on a live page: its permalink's record key, or the page's for the focused post. */
function postIdOnPage(el: Element): string | null {
  const link = permalinkOf(ownIn(el)(BSKY.profileLink), handleOf(el));
  if (link) return link.rkey;
  if (!el.querySelector(BSKY.expandedCount)) return null;
  const href = el.ownerDocument.location?.href;
  return href ? classifyBlueskyUrl(new URL(href)).focusedPostId : null;
}

/** A post element, in a thread or a feed. */
const POSTS = `${BSKY.threadItem}, ${BSKY.feedItem}`;

/** The Bluesky site adapter. */
export const blueskyAdapter: SiteAdapter = {
  ...BLUESKY_SITE,
  matches: (url) => HOSTS.test(url.hostname),
  extract: extractBluesky,
  page: {
    postSelector: POSTS,
    postId: postIdOnPage,
    // Only those holding posts: a page has other hidden bits (menus, tooltips).
    hiddenScreens: (doc) =>
      Array.from(doc.querySelectorAll(BSKY.hiddenScreen)).filter((el) => el.querySelector(POSTS) !== null),
    // The row of the post's own action buttons (reply, repost, like…).
    buttonSlot: (post) => ownIn(post)(BSKY.replyButton)[0]?.parentElement?.parentElement ?? null,
    reply: BLUESKY_REPLY_HOOKS,
  },
};
