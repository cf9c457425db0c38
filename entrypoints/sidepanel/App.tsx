import { useState } from 'react';
import { HistoryView } from '@/components/HistoryView';
import { ChatView } from '@/components/ChatView';
import { ModelsOnDevice } from '@/components/ModelsOnDevice';
import { ThreadView } from '@/components/ThreadView';
import { useTabThread } from '@/components/useThreadRequest';
import { useSettings } from '@/components/useSettings';
import { t } from '@/utils/i18n';
import { OptionsButton } from '@/components/OptionsButton';

type Tab = 'current' | 'chat' | 'history';

/** The side panel (Firefox: sidebar): this thread, chat about it, history. Wiring and layout only. */
export default function App() {
  const { request, notice } = useTabThread();
  // Follows the interface-language setting (and re-renders when it changes).
  const [settings] = useSettings();
  const [tab, setTab] = useState<Tab>('current');
  if (!settings) return null;
  const tabs: [Tab, string][] = [
    ['current', t('tabs.current')],
    ['chat', t('tabs.chat')],
    ['history', t('tabs.history')],
  ];
  // Arrow keys move between tabs, as screen-reader users expect of a tab list.
  const onKey = (e: React.KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.findIndex(([id]) => id === tab) + step + tabs.length) % tabs.length]![0];
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const tabButton = ([id, label]: [Tab, string]) => (
    <button
      key={id}
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls="panel-body"
      tabIndex={tab === id ? 0 : -1}
      className={`rounded px-2 py-1 ${tab === id ? 'bg-violet-600 text-white' : 'text-slate-600 dark:text-slate-300'}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <main className="flex min-h-screen flex-col gap-3 p-3 text-sm">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-bold">{t('panel.title')}</h1>
        <nav aria-label={t('panel.title')} className="flex gap-1 text-xs" onKeyDown={onKey}>
          {tabs.map(tabButton)}
        </nav>
      </header>
      <div id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="flex flex-col gap-3">
        {tab === 'history' ? (
          <HistoryView />
        ) : tab === 'chat' ? (
          <ChatView request={request} />
        ) : notice ? (
          <p
            role="alert"
            className="rounded-md bg-amber-100 p-2 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
            data-testid="panel-notice"
          >
            {notice}
          </p>
        ) : request ? (
          <ThreadView request={request} />
        ) : (
          <p className="text-slate-500 dark:text-slate-400" data-testid="panel-empty">
            {t('panel.empty')}
          </p>
        )}
      </div>
      <footer className="mt-auto flex flex-col gap-2 border-t border-slate-200 pt-2 dark:border-slate-800">
        <ModelsOnDevice />
        {/* The sidebar is where Firefox users are: the options (engines, Mastodon servers) from here too. */}
        <OptionsButton className="self-start rounded border px-2 py-1 text-xs" data-testid="panel-options">
          {t('popup.options')}
        </OptionsButton>
      </footer>
    </main>
  );
}
