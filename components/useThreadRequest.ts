import { useEffect, useState } from 'react';
import { noticeFor, requestFor, threadState, type StoredRequest } from '@/utils/thread-store';

/**
 * The thread request for the tab in view, live (updates when a page sends one or tabs change),
 * and why that tab's page could not be read when that is newer.
 */
export function useTabThread(): { request: StoredRequest | null; notice: string | null } {
  const [view, setView] = useState<{ request: StoredRequest | null; notice: string | null }>({
    request: null,
    notice: null,
  });
  useEffect(() => {
    let alive = true;
    let tabId: number | null = null;
    type State = Awaited<ReturnType<typeof threadState.getValue>>;
    const show = (state: State) => {
      if (alive) setView({ request: requestFor(state, tabId), notice: noticeFor(state, tabId) });
    };
    // The last state a change brought, and how many changes came: a read that started before
    // a change may end after it, and must not show the older state over the newer one.
    let changes = 0;
    let changed: State | null = null;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      tabId = tab?.id ?? null;
      const before = changes;
      const state = await threadState.getValue();
      show(changes === before || !changed ? state : changed);
    };
    void refresh();
    // The new value comes with the change: no second read on the hot path.
    const unwatch = threadState.watch((state) => {
      changes++;
      changed = state;
      show(state);
    });
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      unwatch();
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);
  return view;
}

/** The thread request for the tab in view, live. */
export const useThreadRequest = (): StoredRequest | null => useTabThread().request;
