/**
 * The thread each tab last sent, kept in session storage so the side panel shows it whenever
 * it opens, and forgotten when the tab closes. Only the background and extension pages use it.
 */
import { storage } from '#imports';
import type { ThreadRequest } from './messaging';

/** A request as stored: which tab sent it and when. */
export interface StoredRequest extends ThreadRequest {
  tabId: number;
  receivedAt: number;
  /** The job working on it, for the panel to watch. */
  jobId?: string;
}

interface ThreadState {
  byTab: Record<string, StoredRequest>;
  /** The tab that sent the latest request: the panel falls back to it. */
  lastTabId: number | null;
}

/** Session storage: cleared when the browser closes; nothing is written to disk. */
export const threadState = storage.defineItem<ThreadState>('session:threads', {
  fallback: { byTab: {}, lastTabId: null },
});

/** Keeps a tab's latest request, with the job working on it (one write: the panel follows it). */
export async function rememberRequest(tabId: number, request: ThreadRequest, jobId?: string, now = Date.now()): Promise<StoredRequest> {
  const stored: StoredRequest = { ...request, tabId, receivedAt: now, ...(jobId ? { jobId } : {}) };
  const state = await threadState.getValue();
  await threadState.setValue({ byTab: { ...state.byTab, [tabId]: stored }, lastTabId: tabId });
  return stored;
}

/** Notes which job works on a tab's request. */
export async function setRequestJob(tabId: number, jobId: string): Promise<void> {
  const state = await threadState.getValue();
  const request = state.byTab[tabId];
  if (!request) return;
  await threadState.setValue({ ...state, byTab: { ...state.byTab, [tabId]: { ...request, jobId } } });
}

/** Forgets a closed tab's request. */
export async function forgetTab(tabId: number): Promise<void> {
  const state = await threadState.getValue();
  if (!(tabId in state.byTab)) return;
  const { [tabId]: _gone, ...rest } = state.byTab;
  await threadState.setValue({ byTab: rest, lastTabId: state.lastTabId === tabId ? null : state.lastTabId });
}

/** The request to show for a tab: its own, else the latest one. */
export function requestFor(state: ThreadState, tabId: number | null): StoredRequest | null {
  if (tabId != null && state.byTab[tabId]) return state.byTab[tabId]!;
  return state.lastTabId != null ? (state.byTab[state.lastTabId] ?? null) : null;
}
