/**
 * Reading one X post (an `<article>`, or the quoted box inside one) into a {@link Post}.
 * A post is walked once (`indexPost`); every field is then read from that index, so a page
 * of a thousand posts stays fast (see `npm run bench`).
 */
import type { Media, Post } from '../types';
import { absoluteUrl, isoTime, normalizeText, visibleText } from '../text';
import { NOTICE_HOSTS, T, X } from './selectors';
import { newPost } from '../post';

/** `/<handle>/status/<id>` in a link, with or without the host. */
const STATUS_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/;

/** Parses a status link into handle and id. */
export function parseStatusHref(href: string | null): { handle: string; id: string } | null {
  const m = href ? STATUS_PATH.exec(href) : null;
  return m ? { handle: m[1]!, id: m[2]! } : null;
}

/**
 * The parts of a post that Skein reads, found in one walk over its test ids (the fastest
 * query there is: see `npm run bench`), in document order. Times come from the tag index;
 * links are only gathered when a reading needs them.
 */
interface PostIndex {
  root: Element;
  /** The quoted post's box, left out of this index (it has its own). */
  exclude: Element | null;
  byTestId: Map<string, Element[]>;
  times: Element[];
  linksCache?: Element[];
}

function addTestId(map: Map<string, Element[]>, el: Element): void {
  const id = el.getAttribute('data-testid')!;
  const list = map.get(id);
  if (list) list.push(el);
  else map.set(id, [el]);
}

/** Walks `root` once into an index of its parts. */
function indexPost(root: Element): PostIndex {
  const byTestId = new Map<string, Element[]>();
  const found = root.querySelectorAll('[data-testid]');
  for (let i = 0; i < found.length; i++) addTestId(byTestId, found[i]!);
  return { root, exclude: null, byTestId, times: Array.from(root.getElementsByTagName('time')) };
}

/** Splits an index in two: what lies inside `box` (the quoted post), and the rest. */
function partition(index: PostIndex, box: Element): { own: PostIndex; inside: PostIndex } {
  const own: PostIndex = { root: index.root, exclude: box, byTestId: new Map(), times: [] };
  const inside: PostIndex = { root: box, exclude: null, byTestId: new Map(), times: [] };
  for (const list of index.byTestId.values()) {
    for (const el of list) addTestId(box.contains(el) ? inside.byTestId : own.byTestId, el);
  }
  for (const t of index.times) (box.contains(t) ? inside : own).times.push(t);
  return { own, inside };
}

/** The post's links (`a[href]`), without the quoted post's. */
function links(index: PostIndex): Element[] {
  if (!index.linksCache) {
    const all = Array.from(index.root.getElementsByTagName('a')).filter((a) => a.hasAttribute('href'));
    index.linksCache = index.exclude ? all.filter((a) => !index.exclude!.contains(a)) : all;
  }
  return index.linksCache;
}

const first = (index: PostIndex, testId: string) => index.byTestId.get(testId)?.[0];

/** The quoted post's box inside a post: the link-like box around a second author line. */
function findQuoteBox(article: Element, userNames: Element[] | undefined): Element | null {
  for (const name of userNames ?? []) {
    const box = name.closest(X.quoteBox);
    if (box && box !== article && article.contains(box)) return box;
  }
  return null;
}

/** Name and handle from a `User-Name` block (linked in posts, plain text in quotes). */
function readAuthor(userName: Element | undefined): Post['author'] {
  if (!userName) return { name: '', handle: '' };
  let name = '';
  let handle = '';
  const parts = userName.querySelectorAll('[dir="ltr"], [dir="auto"]');
  for (let i = 0; i < parts.length && !(name && handle); i++) {
    const el = parts[i]!;
    // Test the cheap native text first; only the chosen parts are read fully (emoji as alt).
    const raw = el.textContent?.trim() ?? '';
    if (raw === '·' || (!raw && !el.querySelector('img'))) continue;
    if (raw.startsWith('@')) {
      if (!handle) handle = raw.slice(1);
    } else if (!name) {
      name = visibleText(el);
    }
  }
  if (!handle) {
    // Fall back to the profile link: `/handle`.
    const link = userName.querySelector('a[href^="/"]')?.getAttribute('href') ?? '';
    handle = /^\/([A-Za-z0-9_]{1,15})$/.exec(link)?.[1] ?? '';
  }
  return { name, handle };
}

/** Photos, videos, GIFs and link cards, in page order. */
function readMedia(index: PostIndex, base: string): Media[] {
  const media: Media[] = [];
  const photos = index.byTestId.get(T.photo) ?? [];
  const found = [...photos, ...(index.byTestId.get(T.video) ?? []), ...(index.byTestId.get(T.card) ?? [])];
  if (found.length > 1) found.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const el of found) {
    const id = el.getAttribute('data-testid');
    if (id === T.card) {
      // A poll is a card too; its choices go into the text instead (readPoll).
      if (!el.querySelector(`[data-testid="${T.poll}"]`)) media.push(readCard(el, base));
    } else if (id === T.photo) {
      const video = el.querySelector(`${X.video}, ${X.videoPreview}`);
      media.push(
        video ? readVideo(el) : { kind: 'photo', alt: el.querySelector('img')?.getAttribute('alt') || null, url: null },
      );
    } else if (!photos.some((p) => p.contains(el))) {
      media.push(readVideo(el));
    }
  }
  return media;
}

function readVideo(frame: Element): Media {
  // X marks GIFs with a "GIF" badge (next to the play button of a preview, home-timeline.html)
  // and serves them from tweet_video/.
  const video = frame.querySelector('video');
  const src = video?.getAttribute('src') ?? video?.querySelector('source')?.getAttribute('src') ?? '';
  const poster = video?.getAttribute('poster') ?? '';
  const badge = Array.from(frame.querySelectorAll('span')).some((s) => s.textContent === 'GIF');
  const gif = badge || /tweet_video/.test(src) || /tweet_video_thumb/.test(poster);
  const label = video?.getAttribute('aria-label') || null;
  // "Embedded video" is X's generic label, not a description.
  return { kind: gif ? 'gif' : 'video', alt: label && label !== 'Embedded video' ? label : null, url: null };
}

function readCard(card: Element, base: string): Media {
  const link = card.querySelector('a[href]');
  const url = absoluteUrl(link?.getAttribute('href'), base);
  // The link's label is "<domain> <title>"; the title is also one of the card's text lines.
  const label = normalizeText(link?.getAttribute('aria-label') ?? '');
  const lines = Array.from(card.querySelectorAll('span, [dir]'))
    .map((el) => visibleText(el))
    .filter((t) => t.length > 0);
  const title = lines.find((t) => label.endsWith(t) && t !== label) ?? lines.find((t) => !/^From /.test(t)) ?? label;
  return { kind: 'card', alt: title || null, url };
}

/** The post's text: its `tweetText`, or a long-form Article's title and blocks. */
function readText(index: PostIndex): { text: string; lang: string | null } {
  const textEl = first(index, T.text);
  if (textEl) return { text: visibleText(textEl), lang: textEl.getAttribute('lang') || null };
  const title = first(index, T.articleTitle);
  const body = first(index, T.articleBody);
  if (title || body) {
    const blocks = body ? Array.from(body.querySelectorAll(X.articleBlock)).map((b) => visibleText(b)) : [];
    return { text: normalizeText([visibleText(title), ...blocks].filter(Boolean).join('\n')), lang: null };
  }
  return { text: '', lang: null };
}

/** Poll choices, for the prompt (X's poll is a card without a link). */
function readPoll(index: PostIndex): string[] {
  const poll = first(index, T.poll);
  if (!poll) return [];
  return Array.from(poll.querySelectorAll(X.pollChoice))
    .map((el) => visibleText(el))
    .filter(Boolean);
}

/** The words of X's notice, without its "Learn more" link. */
export function noticeText(link: Element): string {
  const box = link.parentElement;
  if (!box) return '';
  return visibleText(box).replace(visibleText(link), '').trim();
}

/** A notice in place of a post: deleted, withheld or unavailable. */
export function unavailablePost(notice: string): Post {
  return newPost({
    id: null,
    url: null,
    author: { name: '', handle: '' },
    createdAt: null,
    text: '',
    unavailable: notice,
  });
}

/**
 * The post's own status link: its time links to it; else any link to one of its pages
 * (analytics, photos). On a status page the quoted post's time comes first in the document
 * (fixtures/README.md), which is why the index leaves the quote out.
 */
function readPermalink(index: PostIndex): { handle: string; id: string } | null {
  return (
    parseStatusHref(index.times[0]?.closest('a')?.getAttribute('href') ?? null) ??
    links(index)
      .map((a) => parseStatusHref(a.getAttribute('href')))
      .find(Boolean) ??
    null
  );
}

/** Reads a quoted post's box. Its id shows only through links inside it (e.g. its photos). */
function readQuoted(index: PostIndex, base: string): Post {
  const link = readPermalink(index);
  return newPost({
    id: link?.id ?? null,
    url: link ? `https://x.com/${link.handle}/status/${link.id}` : null,
    author: readAuthor(first(index, T.userName)),
    createdAt: isoTime(index.times[0]?.getAttribute('datetime')),
    ...readText(index),
    media: readMedia(index, base),
    isTruncated: index.byTestId.has(T.showMore),
  });
}

/** Just the id of a post article, for the content script's scans. */
export function readPostId(article: Element): string | null {
  const index = indexPost(article);
  const quote = findQuoteBox(article, index.byTestId.get(T.userName));
  return readPermalink(quote ? partition(index, quote).own : index)?.id ?? null;
}

/** Where Skein's button goes: the post's own action bar (the last one, not the quote's). */
export function actionBarOf(article: Element): Element | null {
  const quote = findQuoteBox(article, Array.from(article.querySelectorAll(X.userName)));
  const bars = Array.from(article.querySelectorAll(X.actionBar)).filter((b) => !quote?.contains(b));
  return bars[bars.length - 1] ?? null;
}

/**
 * Where an explanation card goes: the post's content column, the lowest block holding both its
 * action bar and its text (or its author line, for a post with no text). X's article is a flex
 * row (avatar, content): a card appended to the article itself becomes a narrow third column.
 */
export function cardSlotOf(article: Element): Element | null {
  const bar = actionBarOf(article);
  if (!bar) return article;
  const quote = findQuoteBox(article, Array.from(article.querySelectorAll(X.userName)));
  const own = (selector: string) => Array.from(article.querySelectorAll(selector)).find((e) => !quote?.contains(e));
  const anchor = own(X.text) ?? own(X.userName);
  if (!anchor) return article;
  for (let e = bar.parentElement; e && e !== article; e = e.parentElement) if (e.contains(anchor)) return e;
  return article;
}

/** Reads one post article. Never throws on odd markup: missing parts come back empty. */
export function readPost(article: Element, base: string): Post {
  const all = indexPost(article);
  const quoteBox = findQuoteBox(article, all.byTestId.get(T.userName));
  const parts = quoteBox ? partition(all, quoteBox) : null;
  const index = parts?.own ?? all;
  const permalink = readPermalink(index);
  const { text, lang } = readText(index);
  const context = first(index, T.socialContext);
  const reposted = context?.closest('a[href]') ? visibleText(context.querySelector('[dir="ltr"]') ?? context) : null;
  let quoted = parts ? readQuoted(parts.inside, base) : null;
  if (!quoted) {
    // A quote of a post that is gone shows only X's notice.
    const notice = links(index).find((a) => NOTICE_HOSTS.test(a.getAttribute('href') ?? ''));
    if (notice) quoted = unavailablePost(noticeText(notice));
  }
  const poll = readPoll(index);
  return {
    id: permalink?.id ?? null,
    url: permalink ? `https://x.com/${permalink.handle}/status/${permalink.id}` : null,
    author: readAuthor(first(index, T.userName)),
    createdAt: isoTime(index.times[0]?.getAttribute('datetime')),
    text: poll.length ? normalizeText(`${text}\n${poll.map((c) => `• ${c}`).join('\n')}`) : text,
    lang,
    media: readMedia(index, base),
    quoted,
    repostedBy: reposted || null,
    isPromoted: article.closest(X.promotedWrapper) !== null,
    isTruncated: index.byTestId.has(T.showMore),
    inReplyToId: null,
    isPinned: context != null && !context.closest('a[href]'),
  };
}
