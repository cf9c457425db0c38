import { onMessage } from '@/utils/messaging';
import { fromExtensionPage, startJobService } from '@/utils/jobs/service';
import { openPanelFromToolbar } from '@/utils/side-panel';
import { acceptPanelTabRequest, acceptThreadRequest } from '@/utils/thread-requests';
import { forgetTab } from '@/utils/thread-store';
import { clearHistory, deleteResult, exportHistory } from '@/utils/history';

/** Wiring only: the handlers live in utils/. */
export default defineBackground(() => {
  openPanelFromToolbar();
  const jobs = startJobService();

  onMessage('openThread', ({ data, sender }) => acceptThreadRequest(data, sender, (request) => jobs.startFor(request)));
  onMessage('openPanelTab', ({ sender }) => acceptPanelTabRequest(sender));
  onMessage('startJob', ({ data, sender }) => {
    if (!fromExtensionPage(sender)) throw new Error('Only Skein’s own pages start jobs.');
    return jobs.startForTab(data.tabId, data.force);
  });
  onMessage('cancelJob', ({ data, sender }) => {
    if (fromExtensionPage(sender)) jobs.queue.cancel(data.jobId);
  });

  onMessage('exportHistory', ({ sender }) => {
    if (!fromExtensionPage(sender)) throw new Error('Only Skein’s own pages read history.');
    return exportHistory();
  });
  onMessage('clearHistory', ({ sender }) => {
    if (!fromExtensionPage(sender)) throw new Error('Only Skein’s own pages clear history.');
    return clearHistory();
  });

  onMessage('deleteResult', ({ data, sender }) => {
    if (!fromExtensionPage(sender)) throw new Error('Only Skein’s own pages change history.');
    return deleteResult(data.key);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    jobs.queue.cancelTab(tabId);
    void forgetTab(tabId);
  });
});
