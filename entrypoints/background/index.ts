import { onMessage } from '@/utils/messaging';
import { openPanel, openPanelFromToolbar } from '@/utils/side-panel';
import { forgetTab, rememberRequest } from '@/utils/thread-store';

/** Wiring only: handlers live in utils/. */
export default defineBackground(() => {
  openPanelFromToolbar();

  onMessage('openThread', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Open first, synchronously: the user's click only counts until the first await.
    const opened = openPanel(tabId);
    if (tabId != null) await rememberRequest(tabId, data);
    return { panelOpened: await opened };
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
