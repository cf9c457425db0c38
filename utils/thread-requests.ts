/**
 * The background's side of "a page sent a thread": check who sent it and what it holds, open
 * the panel, keep the request for the panel to show.
 */
import type { Browser } from '#imports';
import type { ThreadAccepted, ThreadRequest } from './messaging';
import { openPanel, openPanelInTab } from './side-panel';
import { fromOwnPageScript } from './senders';
import { rememberNotice, rememberRequest, type StoredRequest } from './thread-store';
import { MAX_SELECTION } from './inline/selection-text';
import type { ThreadParts } from './thread-wire';
import type { NewsInput } from './llm/whats-new';
import type { PageSnapshot } from './sites/types';
import type { ThreadMarks } from './seen-posts';
import type { CatchUpInput, ThreadNews } from './catch-up';

const ACTIONS = new Set(['summarize', 'explain', 'draft', 'whats-new', 'catch-up', 'learn-voice']);

/** Whether a message body has the shape of a {@link ThreadRequest}; its text stays untrusted. */
export function isThreadRequest(value: unknown): value is ThreadRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ThreadRequest>;
  return (
    typeof v.action === 'string' &&
    ACTIONS.has(v.action) &&
    (v.postId === null || typeof v.postId === 'string') &&
    (v.viewer === undefined || (typeof v.viewer === 'string' && /^[\w.@-]{1,100}$/.test(v.viewer))) &&
    isSnapshot(v.snapshot)
  );
}

/** Whether a message body has the shape of a {@link PageSnapshot}; its text stays untrusted. */
function isSnapshot(s: unknown): s is PageSnapshot {
  if (typeof s !== 'object' || s === null) return false;
  const { url, posts } = s as Partial<PageSnapshot>;
  return (
    typeof url === 'string' &&
    Array.isArray(posts) &&
    posts.every(
      (p) => typeof p === 'object' && p !== null && typeof p.text === 'string' && typeof p.author?.handle === 'string',
    )
  );
}

/** Whether a message body has the shape of {@link ThreadMarks}. */
function isThreadMarks(m: unknown): m is ThreadMarks {
  if (typeof m !== 'object' || m === null) return false;
  const { site, threadId, posts } = m as Partial<ThreadMarks>;
  return (
    typeof site === 'string' &&
    typeof threadId === 'string' &&
    Array.isArray(posts) &&
    posts.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        typeof p.id === 'string' &&
        typeof p.hash === 'string' &&
        typeof p.gone === 'boolean',
    )
  );
}

/** Answers a content script's question: what changed on the thread it shows since its summary. */
export function acceptNewsQuestion(
  data: unknown,
  sender: Browser.runtime.MessageSender,
  newsOf: (marks: ThreadMarks) => Promise<ThreadNews | null>,
): Promise<ThreadNews | null> {
  if (!fromOwnPageScript(sender)) return Promise.reject(new Error(REFUSED));
  if (!isThreadMarks(data)) return Promise.reject(new Error('Malformed thread marks.'));
  return newsOf(data);
}

/**
 * A job started for a request, with what a What's new read, or the posts a catch-up reads (kept
 * with the request in place of the page's, to try again).
 */
export interface StartedJob {
  id: string;
  news?: NewsInput;
  catchUp?: CatchUpInput;
}

const REFUSED = 'Skein only takes requests from its own page scripts on supported sites.';

/** Keeps a part of a long thread request (./thread-wire.ts) sent by Skein's own content script. */
export function acceptThreadPart(parts: ThreadParts, data: unknown, sender: Browser.runtime.MessageSender): void {
  if (!fromOwnPageScript(sender) || sender.tab?.id == null) throw new Error(REFUSED);
  parts.add(sender.tab.id, data);
}

/**
 * Handles a thread sent by a content script. Only Skein's own content scripts, on a site
 * Skein reads, are heard; anything else is refused.
 */
export function acceptThreadRequest(
  data: unknown,
  sender: Browser.runtime.MessageSender,
  startJob: (request: StoredRequest) => Promise<StartedJob | undefined> = async () => undefined,
): Promise<ThreadAccepted> {
  const tabId = sender.tab?.id;
  if (!fromOwnPageScript(sender) || tabId == null) return Promise.reject(new Error(REFUSED));
  if (!isThreadRequest(data)) return Promise.reject(new Error('Malformed thread request.'));
  // Open first, synchronously: the user's click only counts until the first await. Inline UI
  // that shows its own result (the reply bar) leaves the panel closed.
  const opened = data.quiet ? Promise.resolve(false) : openPanel(tabId);
  const { force, ...request } = data;
  if (request.selection != null) request.selection = String(request.selection).slice(0, MAX_SELECTION);
  // The job starts first so the request is kept with its job in one write, which the panel follows.
  return (
    startJob({ ...request, force, tabId, receivedAt: Date.now() })
      // A job that cannot start leaves the request without one; the panel offers to try again.
      .catch(() => undefined)
      .then(async (job) => {
        const kept = job?.catchUp
          ? {
              ...request,
              snapshot: job.catchUp.snapshot,
              catchUp: { since: job.catchUp.since, onPage: job.catchUp.onPage },
            }
          : job?.news
            ? { ...request, news: job.news }
            : request;
        await rememberRequest(tabId, kept, job?.id);
        return { panelOpened: await opened, ...(job ? { jobId: job.id } : {}) };
      })
  );
}

/**
 * Keeps why the sender's page could not be read (the popup's Summarize this thread: the popup
 * closes as the panel opens, so the panel says it). Text only, cut to size.
 */
export async function acceptUnreadableNotice(text: unknown, sender: Browser.runtime.MessageSender): Promise<void> {
  if (!fromOwnPageScript(sender) || sender.tab?.id == null) throw new Error(REFUSED);
  await rememberNotice(sender.tab.id, String(text).slice(0, 500));
}

/** Opens the panel for the sender's tab, from a click in Skein's inline UI. */
export function acceptOpenPanelRequest(sender: Browser.runtime.MessageSender): Promise<boolean> {
  if (!fromOwnPageScript(sender) || sender.tab?.id == null) return Promise.reject(new Error(REFUSED));
  return openPanel(sender.tab.id);
}

/** Opens the panel's page in a tab next to the sender's, at the user's request from a notice. */
export async function acceptPanelTabRequest(sender: Browser.runtime.MessageSender): Promise<void> {
  if (!fromOwnPageScript(sender)) throw new Error(REFUSED);
  await openPanelInTab(sender.tab!);
}
