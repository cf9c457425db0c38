/** Reading one X post (an `<article>`, or the quoted box inside one) into a {@link Post}. */
import type { Media, Post } from '../types';
import { absoluteUrl, isoTime, normalizeText, visibleText } from '../text';
import { X } from './selectors';

/** `/<handle>/status/<id>` in a link, with or without the host. */
const STATUS_PATH = /^(?:https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com)?\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/;

/** Parses a status link into handle and id. */
export function parseStatusHref(href: string | null): { handle: string; id: string } | null {
  const m = href ? STATUS_PATH.exec(href) : null;
  return m ? { handle: m[1]!, id: m[2]! } : null;
}

/**
 * The elements matching `selector` inside `root` that belong to the post itself, not to the
 * quoted post inside it (`exclude`).
 */
function own(root: Element, selector: string, exclude: Element | null): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  return exclude ? found.filter((el) => !exclude.contains(el)) : found;
}

/** Name and handle from a `User-Name` block (linked in posts, plain text in quotes). */
function readAuthor(userName: Element | undefined): Post['author'] {
  if (!userName) return { name: '', handle: '' };
  let name = '';
  let handle = '';
  for (const el of Array.from(userName.querySelectorAll('[dir="ltr"], [dir="auto"]'))) {
    const text = visibleText(el);
    if (!text || text === '·') continue;
    if (!handle && text.startsWith('@')) handle = text.slice(1);
    else if (!name && !text.startsWith('@')) name = text;
    if (name && handle) break;
  }
  if (!handle) {
    // Fall back to the profile link: `/handle`.
    const link = userName.querySelector('a[href^="/"]')?.getAttribute('href') ?? '';
    handle = /^\/([A-Za-z0-9_]{1,15})$/.exec(link)?.[1] ?? '';
  }
  return { name, handle };
}

/** Photos, videos, GIFs and link cards, in page order. */
function readMedia(root: Element, exclude: Element | null, base: string): Media[] {
  const media: Media[] = [];
  for (const el of own(root, `${X.photo}, ${X.video}, ${X.card}`, exclude)) {
    if (el.matches(X.card)) {
      // A poll is a card too; its choices go into the text instead (readPoll).
      if (!el.querySelector(X.poll)) media.push(readCard(el, base));
    } else if (el.matches(X.photo)) {
      const video = el.querySelector(`${X.video}, ${X.videoPreview}`);
      if (video) media.push(readVideo(video));
      else media.push({ kind: 'photo', alt: el.querySelector('img')?.getAttribute('alt') || null, url: null });
    } else if (!el.closest(X.photo) || !root.contains(el.closest(X.photo))) {
      media.push(readVideo(el));
    }
  }
  return media;
}

function readVideo(player: Element): Media {
  // X marks GIFs with a "GIF" badge and serves them from tweet_video/; a preview's frame holds
  // the badge next to the play button (home-timeline.html).
  if (!player.matches(X.video)) player = player.closest(X.photo) ?? player;
  const src = player.querySelector('video')?.getAttribute('src') ?? player.querySelector('video source')?.getAttribute('src') ?? '';
  const poster = player.querySelector('video')?.getAttribute('poster') ?? '';
  const badge = Array.from(player.querySelectorAll('span')).some((s) => s.textContent?.trim() === 'GIF');
  const gif = badge || /tweet_video/.test(src) || /tweet_video_thumb/.test(poster);
  const label = player.querySelector('video')?.getAttribute('aria-label') || null;
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
function readText(root: Element, exclude: Element | null): { text: string; lang: string | null } {
  const textEl = own(root, X.text, exclude)[0];
  if (textEl) return { text: visibleText(textEl), lang: textEl.getAttribute('lang') || null };
  const title = own(root, X.articleTitle, exclude)[0];
  const body = own(root, X.articleBody, exclude)[0];
  if (title || body) {
    const blocks = body ? Array.from(body.querySelectorAll(X.articleBlock)).map((b) => visibleText(b)) : [];
    return { text: normalizeText([visibleText(title), ...blocks].filter(Boolean).join('\n')), lang: null };
  }
  return { text: '', lang: null };
}

/** Poll choices, for the prompt (X's poll is a card without a link). */
export function readPoll(root: Element): string[] {
  return Array.from(root.querySelectorAll(X.pollChoice)).map((el) => visibleText(el)).filter(Boolean);
}

/** The quoted post's box inside a post, if any. */
function findQuoteBox(article: Element): Element | null {
  for (const box of Array.from(article.querySelectorAll(X.quoteBox))) {
    if (box.querySelector(X.userName)) return box;
  }
  return null;
}

/** Reads a quoted post's box. Its id shows only through links inside it (e.g. its photos). */
function readQuoted(box: Element, base: string): Post {
  const link = Array.from(box.querySelectorAll('a[href*="/status/"]'))
    .map((a) => parseStatusHref(a.getAttribute('href')))
    .find(Boolean);
  const author = readAuthor(box.querySelector(X.userName) ?? undefined);
  const { text, lang } = readText(box, null);
  return {
    id: link?.id ?? null,
    url: link ? `https://x.com/${link.handle}/status/${link.id}` : null,
    author,
    createdAt: isoTime(box.querySelector('time')?.getAttribute('datetime')),
    text,
    lang,
    media: readMedia(box, null, base),
    quoted: null,
    repostedBy: null,
    isPromoted: false,
    isTruncated: box.querySelector(X.showMore) !== null,
    inReplyToId: null,
  };
}

/** The words of X's notice, without its "Learn more" link. */
export function noticeText(link: Element): string {
  const box = link.parentElement;
  if (!box) return '';
  return visibleText(box).replace(visibleText(link), '').trim();
}

/** A notice in place of a post: deleted, withheld or unavailable. */
export function unavailablePost(notice: string): Post {
  return {
    id: null, url: null, author: { name: '', handle: '' }, createdAt: null, text: '', lang: null,
    media: [], quoted: null, repostedBy: null, isPromoted: false, isTruncated: false,
    inReplyToId: null, unavailable: notice,
  };
}

/**
 * The post's own status link: its time links to it; else any link to one of its pages
 * (analytics, photos), never the quoted post's.
 */
function readPermalink(article: Element, quoteBox: Element | null): { handle: string; id: string } | null {
  const timeEl = own(article, 'time', quoteBox)[0];
  return parseStatusHref(timeEl?.closest('a')?.getAttribute('href') ?? null)
    ?? own(article, 'a[href*="/status/"]', quoteBox).map((a) => parseStatusHref(a.getAttribute('href'))).find(Boolean)
    ?? null;
}

/** Just the id of a post article: cheaper than {@link readPost}, for the page's hot path. */
export function readPostId(article: Element): string | null {
  return readPermalink(article, findQuoteBox(article))?.id ?? null;
}

/** Where Skein's button goes: the post's own action bar (the last one, not the quote's). */
export function actionBarOf(article: Element): Element | null {
  const bars = own(article, X.actionBar, findQuoteBox(article));
  return bars[bars.length - 1] ?? null;
}

/** Reads one post article. Never throws: missing parts come back empty. */
export function readPost(article: Element, base: string): Post {
  const quoteBox = findQuoteBox(article);
  const userName = own(article, X.userName, quoteBox)[0];
  // The post's own time link; on a status page the quoted post's time comes first in the
  // document (fixtures/README.md), hence `own`.
  const timeEl = own(article, 'time', quoteBox)[0];
  const permalink = readPermalink(article, quoteBox);
  const { text, lang } = readText(article, quoteBox);
  const context = own(article, X.socialContext, quoteBox)[0];
  const reposted = context?.closest('a[href]') ? visibleText(context.querySelector('[dir="ltr"]') ?? context) : null;
  let quoted = quoteBox ? readQuoted(quoteBox, base) : null;
  if (!quoted) {
    // A quote of a post that is gone shows only X's notice.
    const notice = own(article, X.noticeLink, null)[0];
    if (notice) quoted = unavailablePost(noticeText(notice));
  }
  const poll = readPoll(article);
  return {
    id: permalink?.id ?? null,
    url: permalink ? `https://x.com/${permalink.handle}/status/${permalink.id}` : null,
    author: readAuthor(userName),
    createdAt: isoTime(timeEl?.getAttribute('datetime')),
    text: poll.length ? normalizeText(`${text}\n${poll.map((c) => `• ${c}`).join('\n')}`) : text,
    lang,
    media: readMedia(article, quoteBox, base),
    quoted,
    repostedBy: reposted || null,
    isPromoted: article.closest(X.promotedWrapper) !== null,
    isTruncated: own(article, X.showMore, quoteBox).length > 0,
    inReplyToId: null,
    isPinned: context != null && !context.closest('a[href]'),
  };
}
