import { onMessage } from '@/utils/messaging';
import { openPanelFromToolbar } from '@/utils/side-panel';
import { acceptPanelTabRequest, acceptThreadRequest } from '@/utils/thread-requests';
import { forgetTab } from '@/utils/thread-store';

/** Wiring only: the handlers live in utils/. */
export default defineBackground(() => {
  openPanelFromToolbar();
  onMessage('openThread', ({ data, sender }) => acceptThreadRequest(data, sender));
  onMessage('openPanelTab', ({ sender }) => acceptPanelTabRequest(sender));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
