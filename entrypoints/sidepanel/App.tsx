import { useState } from 'react';
import { HistoryView } from '@/components/HistoryView';
import { ChatView } from '@/components/ChatView';
import { ModelsOnDevice } from '@/components/ModelsOnDevice';
import { ThreadView } from '@/components/ThreadView';
import { useThreadRequest } from '@/components/useThreadRequest';
import { useSettings } from '@/components/useSettings';
import { t } from '@/utils/i18n';

type Tab = 'current' | 'chat' | 'history';

/** The side panel (Firefox: sidebar): this thread, chat about it, history. Wiring and layout only. */
export default function App() {
  const request = useThreadRequest();
  // Follows the interface-language setting (and re-renders when it changes).
  const [settings] = useSettings();
  const [tab, setTab] = useState<Tab>('current');
  if (!settings) return null;
  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === id}
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
        <nav role="tablist" className="flex gap-1 text-xs">
          {tabButton('current', t('tabs.current'))}
          {tabButton('chat', t('tabs.chat'))}
          {tabButton('history', t('tabs.history'))}
        </nav>
      </header>
      {tab === 'history' ? (
        <HistoryView />
      ) : tab === 'chat' ? (
        <ChatView request={request} />
      ) : request ? (
        <ThreadView request={request} />
      ) : (
        <p className="text-slate-500 dark:text-slate-400" data-testid="panel-empty">{t('panel.empty')}</p>
      )}
      <footer className="mt-auto border-t border-slate-200 pt-2 dark:border-slate-800">
        <ModelsOnDevice />
      </footer>
    </main>
  );
}
