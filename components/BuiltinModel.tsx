import { useEffect, useState } from 'react';
import type { JobState } from '@/utils/jobs/protocol';
import {
  builtinApi,
  builtinAvailability,
  builtinLanguages,
  watchDownload,
  type BuiltinAvailability,
} from '@/utils/llm/builtin-engine';
import { getSettings, outputLanguage } from '@/utils/settings';
import { t, type MessageKey } from '@/utils/i18n';
import { AccentButton } from './AccentButton';

/** The output language Chrome's model is asked to write, as jobs ask for it. */
const jobLanguage = async () => outputLanguage(await getSettings(), navigator.language);

/**
 * Chrome's model is not downloaded: the button asks Chrome for it. A first download needs the
 * user's gesture, so `create()` is called here, in the click, not in the engine's page; the
 * job starts again once Chrome has it.
 */
export function BuiltinDownload({ onDownloaded }: { onDownloaded(): void }) {
  const [pct, setPct] = useState<number | null>(null);
  const [failed, setFailed] = useState('');
  const download = () => {
    const api = builtinApi();
    setFailed('');
    setPct(0);
    // Called before any await: the click's activation is what lets Chrome start the download.
    const languages = jobLanguage().then(builtinLanguages);
    void languages
      .then((asked) => {
        if (!api) throw new Error(t('options.builtin.unavailable'));
        return api.create({ ...asked, monitor: (m) => watchDownload(m, (p) => setPct(p.loaded)) });
      })
      .then((session) => {
        session.destroy();
        onDownloaded();
      })
      .catch((err: Error) => {
        setPct(null);
        setFailed(t('builtin.failed', { reason: err?.message ?? String(err) }));
      });
  };
  return (
    <div className="flex flex-col gap-2 rounded-md bg-violet-50 p-2 dark:bg-violet-950" data-testid="job-needs-model">
      <p>{t('builtin.needs')}</p>
      {pct == null ? (
        <AccentButton onClick={download} data-testid="job-download">
          {t('builtin.download')}
        </AccentButton>
      ) : (
        <p role="status" data-testid="builtin-progress">
          {t('builtin.downloading', { pct })}
        </p>
      )}
      {failed && (
        <p role="alert" className="text-red-700 dark:text-red-300" data-testid="builtin-failed">
          {failed}
        </p>
      )}
    </div>
  );
}

/** Why Automatic did not use Chrome's model for this job, when there is something to say. */
export function PassedOver({ state }: { state: JobState }) {
  if (!state.passedOver) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="job-passed-over">
      {t(`builtin.passedOver.${state.passedOver}` as MessageKey, { model: state.model.label })}
    </p>
  );
}

/** Whether Chrome's model is there for this page, in the output language (null: still asking). */
export function useBuiltinAvailability(): BuiltinAvailability | null {
  const [availability, setAvailability] = useState<BuiltinAvailability | null>(null);
  useEffect(() => {
    void jobLanguage()
      .then((lang) => builtinAvailability(builtinApi(), lang))
      .then(setAvailability, () => setAvailability('unavailable'));
  }, []);
  return availability;
}

/** The options page's line on Chrome's model: ready, to download, downloading, or not here. */
export function BuiltinStatus() {
  const availability = useBuiltinAvailability();
  if (!availability) return null;
  return (
    <p className="-mt-4 text-xs text-slate-600 dark:text-slate-300" data-testid="options-builtin">
      {t(`options.builtin.${availability}` as MessageKey)}
    </p>
  );
}
