import { useState } from 'react';
import { deleteDownloaded, listDownloaded, type DownloadedModel } from '@/utils/llm/downloads';
import { formatSize, t } from '@/utils/i18n';

/** The models kept on this device, each with Delete. Read when opened. */
export function ModelsOnDevice() {
  const [models, setModels] = useState<DownloadedModel[] | null>(null);
  const refresh = () => void listDownloaded().then(setModels, () => setModels([]));
  return (
    <details
      className="text-xs"
      onToggle={(e) => (e.currentTarget.open ? refresh() : undefined)}
      data-testid="models-on-device"
    >
      <summary className="cursor-pointer font-semibold uppercase text-slate-500">{t('models.title')}</summary>
      {models == null ? null : models.length === 0 ? (
        <p className="mt-1 text-slate-500" data-testid="models-none">
          {t('models.none')}
        </p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {models.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-2" data-testid="model-row">
              <span>
                {m.label} · {t(`engine.${m.engine}`)}
                {m.sizeBytes != null ? ` · ${formatSize(m.sizeBytes)}` : ''}
              </span>
              <button
                type="button"
                className="rounded border px-2 py-0.5"
                aria-label={t('models.delete', { model: m.label })}
                onClick={() => void deleteDownloaded(m).finally(refresh)}
              >
                {t('models.deleteShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
