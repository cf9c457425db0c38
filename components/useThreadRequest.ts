import { useEffect, useState } from 'react';
import { requestFor, threadState, type StoredRequest } from '@/utils/thread-store';

/** The thread request for the tab in view, live: updates when a page sends one or tabs change. */
export function useThreadRequest(): StoredRequest | null {
  const [request, setRequest] = useState<StoredRequest | null>(null);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      const state = await threadState.getValue();
      if (alive) setRequest(requestFor(state, tab?.id ?? null));
    };
    void refresh();
    const unwatch = threadState.watch(() => void refresh());
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
