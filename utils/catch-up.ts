/**
 * "What's new" on a thread you have seen (background only: it owns the database). When a
 * summary is shown for a thread, Skein remembers its posts (utils/seen-posts.ts). Asked again
 * later for a thread that has new or edited posts, it offers what's new instead of starting
 * over; with nothing new, the kept summary shows as before, with when it was seen.
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
  recordSeen,
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

/** What the panel shows about a thread seen before: how many posts changed, and since when. */
export interface ThreadNews {
  count: number;
  since: number;
}

/** Only threads are followed: a timeline's posts are another page each time. */
const keyOf = (snapshot: PageSnapshot): string | null =>
  snapshot.kind === 'thread' ? seenKey(snapshot, threadIdOf(snapshot)) : null;

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

/** The panel's line: N changed posts since a time; null for a thread never summarized. */
export async function newsFor(snapshot: PageSnapshot, store = seenStore()): Promise<ThreadNews | null> {
  const marks = marksFor(snapshot);
  return marks && newsForMarks(marks, store);
}

/** The same from a page script's marks (./seen-posts.ts): no post text crosses for it. */
export async function newsForMarks(marks: ThreadMarks, store = seenStore()): Promise<ThreadNews | null> {
  const seen = await store.get(seenKey(marks, marks.threadId)).catch(() => undefined);
  if (!seen?.summary) return null;
  return { count: changedMarks(seen, marks.posts), since: seen.seenAt };
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
 * summary becomes what "What's new" builds on; "What's new" marks its posts seen.
 */
export function rememberWhenShown(
  queue: Pick<JobQueue, 'subscribe'>,
  state: JobState,
  snapshot: PageSnapshot,
  store = seenStore(),
  now = () => Date.now(),
): void {
  const key = keyOf(snapshot);
  if (!key || (state.action !== 'summarize' && state.action !== 'whats-new')) return;
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
