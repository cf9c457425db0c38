/**
 * The thread each tab last sent, kept in session storage so the side panel shows it whenever
 * it opens, and forgotten when the tab closes. Only the background and extension pages use it.
 */
import { storage } from '#imports';
import type { ThreadRequest } from './messaging';
import type { NewsInput } from './llm/whats-new';

/** A request as stored: which tab sent it and when. */
export interface StoredRequest extends ThreadRequest {
  tabId: number;
  receivedAt: number;
  /** The job working on it, for the panel to watch. */
  jobId?: string;
  /**
   * What's new: what that job read. Once it is shown, those posts count as seen, so trying
   * again or regenerating reads this rather than finding nothing new.
   */
  news?: NewsInput;
  /**
   * Catch me up: the snapshot holds only the posts it reads; `since` is the site's last
   * catch-up before it (null: the first), `onPage` how many posts the page showed.
   */
  catchUp?: { since: number | null; onPage: number };
}

interface ThreadState {
  byTab: Record<string, StoredRequest>;
  /** The tab that sent the latest request: the panel falls back to it. */
  lastTabId: number | null;
  /** Why a tab's page could not be read (from the popup, which closes before it can say so). */
  notices?: Record<string, { text: string; at: number }>;
}

/** Session storage: cleared when the browser closes; nothing is written to disk. */
export const threadState = storage.defineItem<ThreadState>('session:threads', {
  fallback: { byTab: {}, lastTabId: null },
});

/** Keeps a tab's latest request, with the job working on it (one write: the panel follows it). */
export async function rememberRequest(
  tabId: number,
  request: ThreadRequest & Pick<StoredRequest, 'news' | 'catchUp'>,
  jobId?: string,
  now = Date.now(),
): Promise<StoredRequest> {
  const stored: StoredRequest = { ...request, tabId, receivedAt: now, ...(jobId ? { jobId } : {}) };
  const state = await threadState.getValue();
  await threadState.setValue({ byTab: { ...state.byTab, [tabId]: stored }, lastTabId: tabId });
  return stored;
}

/** Notes which job works on a tab's request. */
export async function setRequestJob(tabId: number, jobId: string, news?: NewsInput): Promise<void> {
  const state = await threadState.getValue();
  const request = state.byTab[tabId];
  if (!request) return;
  await threadState.setValue({ ...state, byTab: { ...state.byTab, [tabId]: { ...request, jobId, news } } });
}

/** Forgets a closed tab's request. */
export async function forgetTab(tabId: number): Promise<void> {
  const state = await threadState.getValue();
  if (!(tabId in state.byTab)) return;
  const { [tabId]: _gone, ...rest } = state.byTab;
  const { [tabId]: _notice, ...notices } = state.notices ?? {};
  await threadState.setValue({ byTab: rest, lastTabId: state.lastTabId === tabId ? null : state.lastTabId, notices });
}

/** Keeps why a tab's page could not be read, for the panel to say. */
export async function rememberNotice(tabId: number, text: string, now = Date.now()): Promise<void> {
  const state = await threadState.getValue();
  await threadState.setValue({ ...state, lastTabId: tabId, notices: { ...state.notices, [tabId]: { text, at: now } } });
}

/**
 * What the panel says for a tab instead of its request: a notice newer than the request. A tab
 * with neither falls back to the latest tab, as requests do (the panel open in a tab of its own).
 */
export function noticeFor(state: ThreadState, tabId: number | null): string | null {
  const id = tabId != null && (state.byTab[tabId] || state.notices?.[tabId]) ? tabId : state.lastTabId;
  if (id == null) return null;
  const notice = state.notices?.[id];
  const request = state.byTab[id];
  return notice && (!request || notice.at > request.receivedAt) ? notice.text : null;
}

/** The request to show for a tab: its own, else the latest one. */
export function requestFor(state: ThreadState, tabId: number | null): StoredRequest | null {
  if (tabId != null && state.byTab[tabId]) return state.byTab[tabId]!;
  return state.lastTabId != null ? (state.byTab[state.lastTabId] ?? null) : null;
}
