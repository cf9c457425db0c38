import { onMessage } from '@/utils/messaging';
import { ThreadParts } from '@/utils/thread-wire';
import { startJobService } from '@/utils/jobs/service';
import { requireExtensionPage } from '@/utils/senders';
import { openPanelFromToolbar } from '@/utils/side-panel';
import {
  acceptNewsQuestion,
  acceptOpenPanelRequest,
  acceptPanelTabRequest,
  acceptThreadPart,
  acceptThreadRequest,
  acceptUnreadableNotice,
} from '@/utils/thread-requests';
import { setMenuSitePatterns, startShortcuts } from '@/utils/shortcuts';
import { watchAddedServers } from '@/utils/mastodon-servers';
import { fromOwnPageScript, setAddedSitePatterns } from '@/utils/senders';
import { forgetTab } from '@/utils/thread-store';
import { newsForMarks } from '@/utils/catch-up';
import { readFakeBuiltin } from '@/utils/llm/fake-language-model';
import { clearHistory, deleteResult, exportHistory } from '@/utils/history';

/** Wiring only: the handlers live in utils/. */
export default defineBackground(() => {
  openPanelFromToolbar();
  const jobs = startJobService();
  startShortcuts();
  // The Mastodon servers the user added count as sites Skein runs on.
  watchAddedServers((patterns) => {
    setAddedSitePatterns(patterns);
    setMenuSitePatterns(patterns);
  });

  const parts = new ThreadParts();
  onMessage('threadPart', ({ data, sender }) => acceptThreadPart(parts, data, sender));
  onMessage('openThread', ({ data, sender }) =>
    acceptThreadRequest(parts.complete(sender.tab?.id, data), sender, (request) => jobs.startFor(request)),
  );
  onMessage('testBuiltin', ({ sender }) => {
    requireExtensionPage(sender);
    return readFakeBuiltin();
  });
  onMessage('pageThreadNews', ({ data, sender }) => acceptNewsQuestion(data, sender, (marks) => newsForMarks(marks)));
  onMessage('openPanelTab', ({ sender }) => acceptPanelTabRequest(sender));
  onMessage('openPanel', ({ sender }) => acceptOpenPanelRequest(sender));
  onMessage('pageUnreadable', ({ data, sender }) => acceptUnreadableNotice(data, sender));
  onMessage('startJob', ({ data, sender }) => {
    requireExtensionPage(sender);
    const { force, allowDownload, readAll, whatsNew } = data;
    return jobs.startForTab(data.tabId, {
      force: force === true,
      allowDownload: allowDownload === true,
      readAll: readAll === true,
      whatsNew: whatsNew === true,
    });
  });
  onMessage('threadNews', ({ data, sender }) => {
    requireExtensionPage(sender);
    return jobs.newsForTab(data.tabId);
  });
  onMessage('askChat', ({ data, sender }) => {
    requireExtensionPage(sender);
    return jobs.askAbout(data.tabId, { question: String(data.question), turns: data.turns }, data.allowDownload);
  });
  // Inline UI on the page stops the jobs it started (a job id is known only to who started it).
  onMessage('cancelJob', ({ data, sender }) => {
    if (!fromOwnPageScript(sender)) requireExtensionPage(sender);
    jobs.queue.cancel(data.jobId);
  });

  onMessage('downloadModel', ({ data, sender }) => {
    requireExtensionPage(sender);
    return jobs.download(data.engine === 'webgpu' ? 'webgpu' : 'cpu', String(data.modelId));
  });
  onMessage('exportHistory', ({ sender }) => {
    requireExtensionPage(sender);
    return exportHistory();
  });
  onMessage('clearHistory', ({ sender }) => {
    requireExtensionPage(sender);
    return clearHistory();
  });

  onMessage('deleteResult', ({ data, sender }) => {
    requireExtensionPage(sender);
    return deleteResult(data.key);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    jobs.queue.cancelTab(tabId);
    parts.dropTab(tabId);
    void forgetTab(tabId);
  });
});
