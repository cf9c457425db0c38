import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { database } from '@/utils/db';
import { matchesSearch, resultPreview } from '@/utils/history';
import { sendMessage } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { SummaryText, TopicsText } from './SummaryText';
import { ACTION_LABEL } from './labels';
import { DraftVariants } from './DraftVariants';
import { ConfirmButton } from './ConfirmButton';

/** Past results, newest first, live from the database: search, reopen, delete. */
export function HistoryView() {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  // Read-only here: the background writes and deletes.
  const results = useLiveQuery(() => database().results.orderBy('createdAt').reverse().toArray(), [], null);
  if (results == null) return null;
  const shown = results.filter((r) => matchesSearch(r, query));
  return (
    <section className="flex flex-col gap-2" data-testid="history">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('history.search')}
        aria-label={t('history.search')}
        className="rounded border px-2 py-1 dark:bg-slate-900"
        data-testid="history-search"
      />
      {shown.length === 0 && (
        <p className="text-slate-500" data-testid="history-empty">
          {t(results.length ? 'history.noMatch' : 'history.empty')}
        </p>
      )}
      <ul className="flex flex-col gap-2">
        {shown.map((r) => (
          <li
            key={r.key}
            className="rounded border border-slate-200 p-2 dark:border-slate-800"
            data-testid="history-item"
          >
            <div className="flex items-start justify-between gap-2">
              <button
                type="button"
                className="text-left"
                aria-expanded={open === r.key}
                onClick={() => setOpen(open === r.key ? null : r.key)}
              >
                <span className="block text-xs text-slate-500">
                  {t(ACTION_LABEL[r.action])} · {new Date(r.createdAt).toLocaleString()}
                </span>
                <span className="block" data-testid="history-title">
                  {r.title}
                </span>
                {open !== r.key && (
                  <span className="mt-1 block text-sm text-slate-600 dark:text-slate-300" data-testid="history-preview">
                    {resultPreview(r)}
                  </span>
                )}
              </button>
              <ConfirmButton
                className="shrink-0 rounded border px-2 py-0.5 text-xs"
                aria-label={t('history.delete', { title: r.title })}
                question={t('history.confirmDelete')}
                confirm={t('models.deleteShort')}
                keep={t('history.keep')}
                onConfirm={() => void sendMessage('deleteResult', { key: r.key }).catch(() => undefined)}
                data-testid="history-delete"
              >
                {t('models.deleteShort')}
              </ConfirmButton>
            </div>
            {open === r.key && (
              <div className="mt-2 border-t pt-2" data-testid="history-result">
                {r.action === 'summarize' || r.action === 'whats-new' ? (
                  <SummaryText text={r.text} postCount={r.postCount} onCite={() => undefined} />
                ) : r.action === 'catch-up' ? (
                  <TopicsText text={r.text} postCount={r.postCount} onCite={() => undefined} />
                ) : r.action === 'draft' ? (
                  <DraftVariants text={r.text} done />
                ) : (
                  <p className="whitespace-pre-wrap">{r.text}</p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
