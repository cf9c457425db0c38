import { useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import { t, tc } from '@/utils/i18n';
import { ConfirmButton } from './ConfirmButton';

/** Export history as JSON, and clear it. Results live in the background's database. */
export function DataSection() {
  const [status, setStatus] = useState('');
  const exportJson = async () => {
    const data = await sendMessage('exportHistory', undefined);
    if (data.results.length === 0) {
      setStatus(t('options.exportEmpty'));
      return;
    }
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `skein-history-${data.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(tc('options.exported', data.results.length));
  };
  const clear = async () => setStatus(tc('options.cleared', await sendMessage('clearHistory', undefined)));
  return (
    <div className="flex flex-col gap-2">
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded border px-2 py-1"
          onClick={() => void exportJson()}
          data-testid="export-history"
        >
          {t('options.export')}
        </button>
        <ConfirmButton
          className="rounded border px-2 py-1"
          question={t('options.confirmClear')}
          confirm={t('options.confirmClearYes')}
          keep={t('history.keep')}
          onConfirm={() => void clear()}
          data-testid="clear-history"
        >
          {t('options.clear')}
        </ConfirmButton>
      </div>
      <p role="status" aria-live="polite" data-testid="data-status">
        {status}
      </p>
    </div>
  );
}
