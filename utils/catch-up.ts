/**
 * "What's new" on a thread you have seen, and "Catch me up" on a timeline (background only: it
 * owns the database). When a summary is shown for a thread, Skein remembers its posts
 * (utils/seen-posts.ts). Asked again later for a thread that has new or edited posts, it offers
 * what's new instead of starting over; with nothing new, the kept summary shows as before, with
 * when it was seen. A catch-up shown on a timeline remembers its posts for the site, and the
 * next catch-up there reads only the posts loaded since.
 */
import { database } from './db';
import type { JobState } from './jobs/protocol';
import type { JobQueue } from './jobs/queue';
import { threadIdOf } from './jobs/cache-key';
import {
  changedCount,
  changedMarks,
  changesSince,
  marksFor,
  newOnTimeline,
  recordSeen,
  TIMELINE_ID,
  seenKey,
  type SeenThread,
  type ThreadChanges,
  type ThreadMarks,
} from './seen-posts';
import type { PageSnapshot, Post } from './sites/types';
import type { NewsInput } from './llm/whats-new';

/** Where the seen threads are kept: the database, or a test's map. */
export interface SeenStore {
  get(key: string): Promise<SeenThread | undefined>;
  put(seen: SeenThread): Promise<void>;
}

/** The database's seen threads. */
export const seenStore = (): SeenStore => ({
  get: (key) => database().seen.get(key),
  put: async (seen) => {
    await database().seen.put(seen);
  },
});

/**
 * What the panel shows about a thread seen before: how many posts changed, and since when. For
 * a timeline (`timeline`), how many posts a catch-up would read, and when the last one was
 * (0: never on this site).
 */
export interface ThreadNews {
  count: number;
  since: number;
  timeline?: boolean;
}

/** A thread's record, or the site's timelines' one; none for other pages. */
const keyOf = (snapshot: PageSnapshot): string | null =>
  snapshot.kind === 'thread'
    ? seenKey(snapshot, threadIdOf(snapshot))
    : snapshot.kind === 'timeline'
      ? seenKey(snapshot, TIMELINE_ID)
      : null;

/** The thread's record and what changed since, when a summary of it was shown; else null. */
async function seenWithChanges(
  snapshot: PageSnapshot,
  store: SeenStore,
): Promise<{ earlier: string; changes: ThreadChanges } | null> {
  const key = keyOf(snapshot);
  const seen = key ? await store.get(key).catch(() => undefined) : undefined;
  if (!seen?.summary) return null;
  return { earlier: seen.summary, changes: changesSince(seen, snapshot) };
}

/**
 * The panel's line: N changed posts since a time; null for a thread never summarized (and for
 * a page that is not a thread: see {@link timelineNews}).
 */
export async function newsFor(snapshot: PageSnapshot, store = seenStore()): Promise<ThreadNews | null> {
  const marks = snapshot.kind === 'thread' ? marksFor(snapshot) : null;
  return marks && newsForMarks(marks, store);
}

/** How many posts of a timeline page a catch-up would read, and since when. */
export async function timelineNews(snapshot: PageSnapshot, store = seenStore()): Promise<ThreadNews | null> {
  const marks = snapshot.kind === 'timeline' ? marksFor(snapshot) : null;
  return marks && newsForMarks(marks, store);
}

/**
 * The same from a page script's marks (./seen-posts.ts): no post text crosses for it. A
 * timeline's always has an answer: the posts no catch-up read yet.
 */
export async function newsForMarks(marks: ThreadMarks, store = seenStore()): Promise<ThreadNews | null> {
  const seen = await store.get(seenKey(marks, marks.threadId)).catch(() => undefined);
  if (marks.threadId === TIMELINE_ID) {
    const count = marks.posts.filter((m) => !m.gone && seen?.posts[m.id] == null).length;
    return { count, since: seen?.seenAt ?? 0, timeline: true };
  }
  if (!seen?.summary) return null;
  return { count: changedMarks(seen, marks.posts), since: seen.seenAt };
}

/** What a catch-up reads: the timeline's posts none read before, and when the last one was. */
export interface CatchUpInput {
  snapshot: PageSnapshot;
  /** The last catch-up on the site (ms since the epoch); null the first time. */
  since: number | null;
  /** How many posts the page showed. */
  onPage: number;
}

/** The catch-up for a timeline page; null when the page shows nothing new since the last one. */
export async function catchUpInput(snapshot: PageSnapshot, store = seenStore()): Promise<CatchUpInput | null> {
  const seen = await store.get(seenKey(snapshot, TIMELINE_ID)).catch(() => undefined);
  const posts = newOnTimeline(seen, snapshot);
  if (!posts.length) return null;
  return { snapshot: { ...snapshot, posts }, since: seen?.seenAt ?? null, onPage: snapshot.posts.length };
}

/** The posts "What's new" reads, by their numbers in the thread, and the summary it builds on. */
export async function whatsNewInput(snapshot: PageSnapshot, store = seenStore()): Promise<NewsInput | null> {
  const found = await seenWithChanges(snapshot, store);
  if (!found || !changedCount(found.changes)) return null;
  const numberOf = (post: Post) => snapshot.posts.indexOf(post) + 1;
  const edited = found.changes.edited.map(numberOf);
  const numbers = [...found.changes.added.map(numberOf), ...edited].sort((a, b) => a - b);
  return { numbers, edited, earlier: found.earlier };
}

/**
 * Remembers the thread's posts once the job's result is shown (done, generated or kept): a
 * summary becomes what "What's new" builds on; "What's new" marks its posts seen; a catch-up
 * marks its posts read for the site's next one.
 */
export function rememberWhenShown(
  queue: Pick<JobQueue, 'subscribe'>,
  state: JobState,
  snapshot: PageSnapshot,
  store = seenStore(),
  now = () => Date.now(),
): void {
  const key = keyOf(snapshot);
  const follows = snapshot.kind === 'timeline' ? ['catch-up'] : ['summarize', 'whats-new'];
  if (!key || !follows.includes(state.action)) return;
  let ended = false;
  let unsubscribe: (() => void) | undefined;
  const onState = (s: JobState) => {
    if (ended || (s.status !== 'done' && !['error', 'cancelled', 'interrupted', 'needs-model'].includes(s.status)))
      return;
    ended = true;
    unsubscribe?.();
    if (s.status !== 'done') return;
    const summary = s.action === 'summarize' ? s.text : undefined;
    void store
      .get(key)
      .then((previous) => store.put(recordSeen(previous, key, snapshot, now(), summary)))
      .catch(() => undefined);
  };
  unsubscribe = queue.subscribe(state.id, onState);
  if (ended) unsubscribe();
}
