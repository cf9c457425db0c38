/**
 * A synthetic X status page of any number of posts, built from real post markup: the cells
 * of the saved home timeline, cloned under fresh ids, behind a focused post.
 */
import { readFileSync } from 'node:fs';
import { parseHtml } from './dom';

/** The page and the URL it belongs at. */
export interface SyntheticPage {
  html: string;
  url: string;
  focusedId: string;
}

/** Builds a status page with `count` posts from the real cells in `homeTimelineFile`. */
export function syntheticStatusPage(homeTimelineFile: string, count: number): SyntheticPage {
  const source = readFileSync(homeTimelineFile, 'utf8');
  const doc = parseHtml(source, 'https://x.com/home');
  const cells = Array.from(doc.querySelectorAll('[data-testid="cellInnerDiv"]'))
    .filter((c) => c.querySelector('article[data-testid="tweet"]'))
    .map((c) => c.outerHTML);
  if (cells.length === 0) throw new Error(`no post cells in ${homeTimelineFile}`);
  const base = 1_900_000_000_000_000_000n;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = (base + BigInt(i)).toString();
    // Every status link in the cell now points at this post (the quote's too, which is fine
    // for timing: the same work is done).
    out.push(cells[i % cells.length]!.replace(/\/status\/\d+/g, `/status/${id}`));
  }
  const focusedId = base.toString();
  const focusedHandle = /href="\/(\w+)\/status\//.exec(out[0]!)?.[1] ?? 'someone';
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic thread</title></head><body>` +
    `<main role="main"><div data-testid="primaryColumn"><section role="region"><div aria-label="Timeline: ` +
    `Conversation"><div>${out.join('\n')}</div></div></section></div></main></body></html>`;
  return { html, url: `https://x.com/${focusedHandle}/status/${focusedId}`, focusedId };
}

/**
 * A Bluesky thread page of `count` posts built from the real thread items of a saved Bluesky
 * thread (`threadFile`), cloned under fresh record keys.
 */
export function syntheticBlueskyThread(threadFile: string, count: number): SyntheticPage {
  const doc = parseHtml(readFileSync(threadFile, 'utf8'), 'https://bsky.app/');
  const items = Array.from(doc.querySelectorAll('[data-testid^="postThreadItem-by-"]'))
    .filter((el) => !el.closest('[style*="display: none"]'))
    .map((el) => el.outerHTML);
  if (items.length === 0) throw new Error(`no thread items in ${threadFile}`);
  const rkey = (i: number) => `3synth${i.toString(36).padStart(6, '0')}`;
  const out = Array.from({ length: count }, (_, i) =>
    items[i % items.length]!.replace(/\/post\/[a-z0-9]+/g, `/post/${rkey(i)}`),
  );
  const handle = /data-testid="postThreadItem-by-([^"]+)"/.exec(out[0]!)?.[1] ?? 'someone.example';
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic thread</title></head><body>` +
    `<div id="root"><main role="main"><div>${out.join('\n')}</div></main></div></body></html>`;
  return { html, url: `https://bsky.app/profile/${handle}/post/${rkey(0)}`, focusedId: rkey(0) };
}

/**
 * A new-Reddit comments page with a post and `count` comments, in the markup of the project's
 * own Reddit pages (tests/fixtures/reddit): chains of replies five deep, each comment with two
 * paragraphs and a link, as long threads have them.
 */
export function syntheticRedditThread(count: number): SyntheticPage {
  const post = 't3_synth1';
  const permalink = '/r/knitting/comments/synth1/a_long_thread/';
  const comment = (i: number, depth: number, parent: string, inner: string) =>
    `<shreddit-comment thingid="t1_c${i}" author="knitter${i % 97}" depth="${depth}" postid="${post}"` +
    `${depth ? ` parentid="${parent}"` : ''} permalink="/r/knitting/comments/synth1/comment/c${i}/"` +
    ` created-timestamp="2026-03-01T10:${String(i % 60).padStart(2, '0')}:00.000000+0000">` +
    `<div slot="commentMeta"><a href="/user/knitter${i % 97}/">knitter${i % 97}</a></div>` +
    `<div slot="comment"><p>Comment ${i}: I block merino wet, pinned flat, and let it dry for a day.</p>` +
    `<p>See <a href="https://example.org/blocking">this guide</a> for photos.</p></div>` +
    `<shreddit-comment-action-row slot="actionRow"></shreddit-comment-action-row>${inner}</shreddit-comment>`;
  const trees: string[] = [];
  for (let start = 0; start < count; start += 5) {
    let inner = '';
    for (let i = Math.min(start + 4, count - 1); i >= start; i--) {
      inner = comment(i, i - start, i > start ? `t1_c${i - 1}` : post, inner);
    }
    trees.push(inner);
  }
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long thread</title>` +
    // Reddit's elements are blocks by their own styles; a browser lays unknown elements out
    // inline, and relays far more of the page at each change than Reddit's page would.
    `<style>shreddit-app, shreddit-post, shreddit-comment-tree, shreddit-comment { display: block; }` +
    ` shreddit-comment { margin-left: 16px; }</style></head><body>` +
    `<shreddit-app><shreddit-post id="${post}" author="yarnlover" permalink="${permalink}" post-type="text"` +
    ` post-title="A long thread" created-timestamp="2026-03-01T09:00:00.000000+0000">` +
    `<div slot="text-body"><div class="md"><p>What is your blocking method?</p></div></div>` +
    `<div slot="actionRow"></div></shreddit-post>` +
    `<shreddit-comment-tree>${trees.join('')}</shreddit-comment-tree></shreddit-app></body></html>`;
  return { html, url: `https://www.reddit.com${permalink}`, focusedId: post };
}
