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
    const show = (state: Awaited<ReturnType<typeof threadState.getValue>>) => {
      if (alive) setView({ request: requestFor(state, tabId), notice: noticeFor(state, tabId) });
    };
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      tabId = tab?.id ?? null;
      show(await threadState.getValue());
    };
    void refresh();
    // The new value comes with the change: no second read on the hot path.
    const unwatch = threadState.watch((state) => show(state));
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
