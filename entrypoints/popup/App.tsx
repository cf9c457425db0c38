import { useEffect, useState } from 'react';
import { useSettings } from '@/components/useSettings';
import { sendMessage } from '@/utils/messaging';
import { isLiveSite, liveSiteNames } from '@/utils/sites/hosts';
import { mastodonServers } from '@/utils/mastodon-servers';
import { serverPattern } from '@/utils/sites/mastodon/servers';
import { openPanel } from '@/utils/side-panel';
import { cpuModel } from '@/utils/llm/models';
import { BUILTIN_MODEL } from '@/utils/llm/builtin-engine';
import { WEBGPU_FAMILIES } from '@/utils/llm/webgpu-models';
import { currentLanguage, formatSize, t, tc, type MessageKey } from '@/utils/i18n';
import { useDownloaded } from '@/components/useDownloaded';
import { useThreadRequest } from '@/components/useThreadRequest';
import { useJob } from '@/components/useJob';
import { isBusy } from '@/utils/jobs/protocol';
import { Progress } from '@/components/JobView';
import { statusWords } from '@/utils/jobs/describe';
import { FOCUS_RING_ON_ACCENT } from '@/components/styles';
import { OptionsButton } from '@/components/OptionsButton';
import type { ThreadNews } from '@/utils/catch-up';

/** The toolbar popup: engine and model, Summarize this thread, the panel, the options. */
export default function App() {
  const [settings] = useSettings();
  const [tab, setTab] = useState<{ id?: number; url?: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  useEffect(() => void mastodonServers.getValue().then(setAdded, () => undefined), []);
  const [downloaded] = useDownloaded();
  const request = useThreadRequest();
  const job = useJob(request?.tabId === tab?.id ? request?.jobId : undefined);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(
      ([t]) => setTab(t ?? {}),
      () => setTab({}),
    );
  }, []);
  // Without a host permission the browser does not tell the tab's address: not a site Skein reads.
  const supported = !!tab && isLiveSite(tab.url, added.map(serverPattern));
  // A thread summarized before with posts new since: the popup offers What's new too. A
  // timeline: Catch me up, with how many posts it would read.
  const [news, setNews] = useState<ThreadNews | null>(null);
  useEffect(() => {
    if (!supported || tab?.id == null) return;
    void sendMessage('pageNews', undefined, tab.id).then(setNews, () => undefined);
  }, [supported, tab?.id]);
  const newPosts = news?.timeline ? 0 : (news?.count ?? 0);
  if (!settings || !tab) return null;
  const family = WEBGPU_FAMILIES.find((f) => f.id === settings.webgpuModelId);
  const cpu = cpuModel(settings.cpuModelId);
  // The user's server, once set up, is used as it is set: its model lives there, nothing to download.
  const ownServer = settings.engine === 'server' && settings.serverAddress && settings.serverModel;
  // Chrome's model is Chrome's to keep: nothing of Skein's to download.
  const builtin = settings.engine === 'builtin';
  const model = ownServer
    ? settings.serverModel
    : builtin
      ? BUILTIN_MODEL.label
      : settings.engine === 'webgpu'
        ? (family?.label ?? settings.webgpuModelId)
        : cpu.label;
  const onDevice =
    settings.engine === 'webgpu'
      ? !!family && (downloaded?.has(family.f16.id) || downloaded?.has(family.f32.id))
      : downloaded?.has(cpu.id);
  const busy = isBusy(job);
  const summarize = (whatsNew: boolean, catchUp = false) => {
    // The page is asked first: Chrome closes this popup as the panel takes the focus, and a
    // message still being sent from it is lost with it (seen on a loaded 2-core machine).
    const asked = tab.id == null ? null : sendMessage('summarizePage', { whatsNew, catchUp }, tab.id);
    // The panel opens in the click, before any await: both browsers require it.
    void openPanel(tab.id);
    void asked?.then(
      // The panel may have taken the focus and closed this popup: the page told the panel too.
      (text) => (text ? setNotice(text) : window.close()),
      () => setNotice(t('popup.reload')),
    );
  };
  return (
    <main className="flex w-72 flex-col gap-3 p-3 text-sm">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-bold">Skein</h1>
        <span className="text-xs text-slate-500" data-testid="popup-engine">
          {t(`options.engine.short.${settings.engine}` as MessageKey)} · {model}
        </span>
      </header>
      <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="popup-model">
        {t('popup.model')}: {model} ·{' '}
        {ownServer
          ? t('popup.onServer', { host: new URL(settings.serverAddress).host })
          : downloaded == null || builtin
            ? ''
            : onDevice
              ? t('popup.onDevice')
              : settings.engine === 'webgpu'
                ? t('options.notOnDevice')
                : t('popup.notDownloaded', { size: formatSize(cpu.sizeBytes) })}
      </p>
      {busy && job && (
        <div className="flex flex-col gap-1 text-xs" role="status" data-testid="popup-job">
          <span>{t('popup.working', { status: statusWords(job) })}</span>
          {job.status === 'loading' && job.progress && <Progress {...job.progress} />}
        </div>
      )}
      {supported && news?.timeline ? (
        <button
          type="button"
          className={`rounded bg-violet-600 px-3 py-2 font-semibold text-white ${FOCUS_RING_ON_ACCENT}`}
          onClick={() => summarize(false, true)}
          data-testid="popup-catch-up"
        >
          {news.count > 0 ? tc('popup.catchUpCount', news.count) : t('popup.catchUp')}
        </button>
      ) : supported ? (
        <>
          <button
            type="button"
            className={`rounded bg-violet-600 px-3 py-2 font-semibold text-white ${FOCUS_RING_ON_ACCENT}`}
            onClick={() => summarize(false)}
            data-testid="popup-summarize"
          >
            {t('popup.summarize')}
          </button>
          {newPosts > 0 && (
            <button
              type="button"
              className="rounded border border-violet-600 px-3 py-2 font-semibold"
              onClick={() => summarize(true)}
              data-testid="popup-whats-new"
            >
              {tc('news.whatsNew', newPosts)}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="text-slate-600 dark:text-slate-300" data-testid="popup-unsupported">
            {t('popup.unsupported', { sites: liveSiteNames(currentLanguage()) })}
          </p>
          {/* Mastodon servers are added on the options page, which asks the browser for that one server. */}
          <OptionsButton section="mastodon" className="rounded border px-2 py-1" data-testid="popup-add-mastodon">
            {t('popup.addMastodon')}
          </OptionsButton>
        </>
      )}
      {notice && (
        <p role="status" className="text-xs text-amber-700" data-testid="popup-notice">
          {notice}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          className="flex-1 rounded border px-2 py-1"
          onClick={() => void openPanel(tab.id)}
          data-testid="popup-panel"
        >
          {t('popup.panel')}
        </button>
        <OptionsButton className="flex-1 rounded border px-2 py-1" data-testid="popup-options">
          {t('popup.options')}
        </OptionsButton>
      </div>
    </main>
  );
}
