import { ModelsOnDevice } from '@/components/ModelsOnDevice';
import { ThreadView } from '@/components/ThreadView';
import { useThreadRequest } from '@/components/useThreadRequest';
import { useSettings } from '@/components/useSettings';
import { t } from '@/utils/i18n';

/** The side panel (Firefox: sidebar): what the page sent, for the tab in view. */
export default function App() {
  const request = useThreadRequest();
  // Follows the interface-language setting (and re-renders when it changes).
  const [settings] = useSettings();
  if (!settings) return null;
  return (
    <main className="flex min-h-screen flex-col gap-3 p-3 text-sm">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-bold">{t('panel.title')}</h1>
      </header>
      {request ? (
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
