/** What a click in Skein's post menu does: read the thread, hand it to the background. */
import { warningText } from '../sites/warnings';
import type { AssistantAction, ThreadAccepted, ThreadRequest } from '../messaging';
import type { DraftOptions } from '../llm/drafts';
import { t, tc } from '../i18n/inline';
import type { PageReader } from '../sites/read';
import type { PageSnapshot } from '../sites/types';
import type { ThreadNews } from '../catch-up';
import { marksFor, type ThreadMarks } from '../seen-posts';

/**
 * The posts an action is about. On a thread page that is the whole conversation, without the
 * ads the page puts in it (unless the ad is what was clicked); on a timeline or profile, the
 * clicked post alone (its thread is not on the page).
 */
export function threadFor(snapshot: PageSnapshot, postId: string | null): PageSnapshot {
  if (snapshot.kind === 'thread') {
    const posts = snapshot.posts.filter((p) => !p.isPromoted || p.id === postId);
    return posts.length === snapshot.posts.length ? snapshot : { ...snapshot, posts };
  }
  if (postId == null) return snapshot;
  const posts = snapshot.posts.filter((p) => p.id === postId);
  return posts.length ? { ...snapshot, posts } : snapshot;
}

/**
 * Ends the task the page was read in before the thread is handed to the browser: reading a long
 * thread and serialising it for the background are each long pieces of work, and between them
 * the page paints and answers input. The click's user activation outlasts it, so the panel
 * still opens.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A message shown next to Skein's button, with at most one thing to do about it. */
export interface Notice {
  text: string;
  action?: { label: string; run(): Promise<void> };
}

/** How an action reaches the background. */
export interface ActionPorts {
  send(request: ThreadRequest): Promise<ThreadAccepted>;
  /** Opens the panel's page in a tab, where the browser will not open its sidebar for us. */
  openInTab(): Promise<void>;
  /** Told once the background took the request (an explanation card follows its job). */
  onAccepted?(accepted: ThreadAccepted): void;
  /** What changed on a thread since its summary was shown (null: never shown). */
  news?(marks: ThreadMarks): Promise<ThreadNews | null>;
}

/**
 * What changed on the thread around `postId` since Skein showed its summary: null on a page
 * that is neither a thread nor a timeline, for a thread never summarized, or when the
 * background cannot say. On a timeline, what a catch-up would read ({@link timelineOnPage}).
 * Asked as a menu opens, so it keeps out of the click's task: the page is read in a task of
 * its own, and what crosses to the background is the posts' marks, not their text.
 */
export async function newsOnPage(
  read: PageReader,
  postId: string | null,
  ports: Pick<ActionPorts, 'news'>,
): Promise<ThreadNews | null> {
  if (!ports.news) return null;
  await nextTask();
  const page = read();
  if (page.kind === 'timeline') return timelineOnPage(page, ports);
  if (page.kind !== 'thread' || page.posts.length === 0) return null;
  await nextTask();
  const marks = marksFor(threadFor(page, postId));
  return marks ? ports.news(marks).catch(() => null) : null;
}

/**
 * How many posts of a timeline page a catch-up would read, and since when (the background
 * keeps what earlier catch-ups read). Without an answer, every post on the page.
 */
export async function timelineOnPage(page: PageSnapshot, ports: Pick<ActionPorts, 'news'>): Promise<ThreadNews> {
  const marks = marksFor(page);
  const fallback: ThreadNews = { count: marks?.posts.length ?? 0, since: 0, timeline: true };
  if (!marks || !ports.news) return fallback;
  return (await ports.news(marks).catch(() => null)) ?? fallback;
}

/**
 * Reads the page and sends the request. Resolves to a notice for the user, or null when the
 * panel opened and shows everything itself.
 */
export async function requestAction(
  read: PageReader,
  action: AssistantAction,
  postId: string | null,
  ports: ActionPorts,
  /** More of the request: a selection to explain. */
  extra: Pick<ThreadRequest, 'selection' | 'quiet' | 'allowDownload'> = {},
): Promise<Notice | null> {
  const page = read();
  if (page.posts.length === 0)
    return { text: t('notice.unreadable', { reason: page.warnings?.map(warningText).join(' ') ?? '' }) };
  const snapshot = threadFor(page, postId);
  await nextTask();
  let accepted: ThreadAccepted;
  try {
    accepted = await ports.send({ action, snapshot, postId, ...extra });
  } catch {
    // The extension was reloaded or updated under this page: its messages go nowhere.
    return { text: t('notice.disconnected') };
  }
  ports.onAccepted?.(accepted);
  // Quiet: the panel was opened already (context menu, shortcut), or is not wanted.
  if (accepted.panelOpened || extra.quiet) return null;
  return {
    text: tc('notice.openSidebar', snapshot.posts.length),
    action: { label: t('notice.openInTab'), run: ports.openInTab },
  };
}

/**
 * Sends a reply bar's draft request: the thread of the post the box answers, or no posts for a
 * new post (the home composer). Quiet: the bar shows the drafts itself. Resolves to the job's
 * id, or to a message for the user.
 */
export async function draftRequest(
  read: PageReader,
  answered: (page: PageSnapshot) => string | null,
  draft: DraftOptions,
  extra: Pick<ThreadRequest, 'force' | 'allowDownload' | 'viewer'>,
  send: ActionPorts['send'],
): Promise<{ jobId?: string; notice?: string }> {
  const page = read();
  const postId = answered(page);
  // A new post (the home composer) has no thread to go on: the user's words are all there is.
  if (!postId && !draft.instruction.trim()) return { notice: t('reply.needInstruction') };
  const snapshot: PageSnapshot = postId ? threadFor(page, postId) : { ...page, posts: [], warnings: undefined };
  await nextTask();
  try {
    const { jobId } = await send({ action: 'draft', snapshot, postId, draft, quiet: true, ...extra });
    return jobId ? { jobId } : { notice: t('job.error') };
  } catch {
    return { notice: t('notice.disconnected') };
  }
}
