/**
 * What Skein remembers having shown you of a thread, kept on the device: each post's id with a
 * hash of its text, and when. Coming back, the page's posts are compared with it by id: posts
 * not seen before are new, a seen post whose text changed was edited, a seen post the page now
 * shows as unavailable was deleted. A seen post merely absent from the page is not counted as
 * deleted: sites load long threads in parts, and a post scrolled out of reach is still there.
 */
import type { PageSnapshot, Post } from './sites/types';

/** One thread as Skein last showed a result for it. */
export interface SeenThread {
  /** `site:threadId`. */
  key: string;
  /** Post id → hash of its text when shown. */
  posts: Record<string, string>;
  /** When a result for the thread was last shown (ms since the epoch). */
  seenAt: number;
  /** The summary shown then, when there was one: what "What's new" builds on. */
  summary?: string;
}

/** What changed on a thread since it was seen, in page order. */
export interface ThreadChanges {
  added: Post[];
  edited: Post[];
  deleted: Post[];
  since: number;
}

/**
 * A short hash of what a post says (cyrb53: 53 bits, synchronous): its text and its quoted
 * post's, so an edit of either counts. Not for security, only to notice a change.
 */
export function textHash(post: Post): string {
  const text = `${post.text}\u0000${post.quoted?.text ?? ''}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Posts that can be followed from one visit to the next: with an id, not an ad. */
const followed = (snapshot: PageSnapshot): (Post & { id: string })[] =>
  snapshot.posts.filter((p): p is Post & { id: string } => p.id != null && !p.isPromoted);

/** Which thread a snapshot is: the focused post, else the first post, else the page. */
export function threadIdOf(snapshot: PageSnapshot): string {
  return snapshot.focusedPostId ?? snapshot.posts.find((p) => p.id)?.id ?? snapshot.url;
}

/** Which thread a snapshot is, for this bookkeeping: its site and its thread's id. */
export function seenKey(snapshot: Pick<PageSnapshot, 'site'>, threadId: string): string {
  return `${snapshot.site}:${threadId}`;
}

/** A followed post as the comparison needs it: its id, its text's hash, whether it is gone. */
export interface PostMark {
  id: string;
  hash: string;
  gone: boolean;
}

/**
 * A thread as a page's script asks about it: which thread, and its posts' marks. Far smaller
 * than the posts (a page's script sends it while the user waits on a menu), and no text.
 */
export interface ThreadMarks {
  site: PageSnapshot['site'];
  threadId: string;
  posts: PostMark[];
}

const markOf = (post: Post & { id: string }): PostMark => ({
  id: post.id,
  hash: textHash(post),
  gone: post.unavailable != null,
});

/**
 * A site's timelines are followed as one: "Catch me up" reads the posts not in any catch-up
 * before on that site, whichever timeline (home, a list, a feed) they show on.
 */
export const TIMELINE_ID = 'timeline';

/**
 * The marks of a thread's or a timeline's snapshot; null for any other page (nothing is
 * followed there).
 */
export function marksFor(snapshot: PageSnapshot): ThreadMarks | null {
  if (snapshot.kind !== 'thread' && snapshot.kind !== 'timeline') return null;
  const threadId = snapshot.kind === 'timeline' ? TIMELINE_ID : threadIdOf(snapshot);
  return { site: snapshot.site, threadId, posts: followed(snapshot).map(markOf) };
}

/** How a post changed since it was seen (`before`: its hash then), or null. */
function changeOf(before: string | undefined, mark: PostMark): 'added' | 'edited' | 'deleted' | null {
  if (mark.gone) return before != null ? 'deleted' : null;
  if (before == null) return 'added';
  return before !== mark.hash ? 'edited' : null;
}

/** How many of the marked posts are new or edited since `seen`. */
export function changedMarks(seen: SeenThread, marks: PostMark[]): number {
  return marks.filter((m) => {
    const change = changeOf(seen.posts[m.id], m);
    return change === 'added' || change === 'edited';
  }).length;
}

/**
 * At most this many posts are remembered per record: the oldest go first. A site's timeline
 * record grows with every catch-up; no thread page shows this many.
 */
export const MAX_REMEMBERED = 5_000;

/**
 * The record after a result was shown for the page: the posts it shows now, added to those seen
 * before (a post out of reach today was still seen), with the time and the summary shown.
 */
export function recordSeen(
  previous: SeenThread | undefined,
  key: string,
  snapshot: PageSnapshot,
  now: number,
  summary?: string,
): SeenThread {
  const posts = { ...previous?.posts };
  for (const post of followed(snapshot)) if (post.unavailable == null) posts[post.id] = textHash(post);
  // Insertion order is the order first seen: the earliest are dropped.
  const ids = Object.keys(posts);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED))) delete posts[id];
  return {
    key,
    posts,
    seenAt: now,
    ...((summary ?? previous?.summary) ? { summary: summary ?? previous?.summary } : {}),
  };
}

/** What changed on the page since `seen`. */
export function changesSince(seen: SeenThread, snapshot: PageSnapshot): ThreadChanges {
  const changes: ThreadChanges = { added: [], edited: [], deleted: [], since: seen.seenAt };
  for (const post of followed(snapshot)) {
    const change = changeOf(seen.posts[post.id], markOf(post));
    if (change) changes[change].push(post);
  }
  return changes;
}

/** How many posts "What's new" would read: the new ones and the edited ones. */
export const changedCount = (changes: ThreadChanges): number => changes.added.length + changes.edited.length;

/**
 * What "Catch me up" reads on a timeline: the posts not in any catch-up before on the site (all
 * of them the first time), in page order, ads left out. Posts seen before whose text changed
 * are not read again: a timeline's edits are old news.
 */
export function newOnTimeline(seen: SeenThread | undefined, snapshot: PageSnapshot): Post[] {
  return followed(snapshot).filter((post) => post.unavailable == null && seen?.posts[post.id] == null);
}
