import { useEffect, useState } from 'react';
import { requestFor, threadState, type StoredRequest } from '@/utils/thread-store';

/** The thread request for the tab in view, live: updates when a page sends one or tabs change. */
export function useThreadRequest(): StoredRequest | null {
  const [request, setRequest] = useState<StoredRequest | null>(null);
  useEffect(() => {
    let alive = true;
    let tabId: number | null = null;
    const show = (state: Awaited<ReturnType<typeof threadState.getValue>>) => {
      if (alive) setRequest(requestFor(state, tabId));
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
  return request;
}
