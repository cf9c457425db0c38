import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import { isBusy } from '@/utils/jobs/protocol';
import { describeError } from '@/utils/errors';
import { formatSize, t } from '@/utils/i18n';
import { Progress } from './JobView';
import { statusWords } from '@/utils/jobs/describe';
import { useJob } from './useJob';

/**
 * The chosen model's place on the device, from the options page: on it already, or a button
 * that downloads it now (rather than at first use), with its progress.
 */
export function ModelDownload({
  engine,
  modelId,
  label,
  sizeBytes,
  onDevice,
  onDownloaded,
}: {
  engine: 'cpu' | 'webgpu';
  modelId: string;
  label: string;
  /** Download size, where known. */
  sizeBytes: number | null;
  onDevice: boolean | null;
  onDownloaded(): void;
}) {
  const [jobId, setJobId] = useState<string | undefined>();
  const [failure, setFailure] = useState('');
  const job = useJob(jobId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the download ends.
  useEffect(() => {
    if (job?.status === 'done') onDownloaded();
  }, [job?.status]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another model, another download to follow.
  useEffect(() => setJobId(undefined), [modelId]);
  const busy = isBusy(job);
  const start = () => {
    setFailure('');
    void sendMessage('downloadModel', { engine, modelId }).then(
      (state) => setJobId(state.id),
      // The background's own words are English: the sentence shown is the interface's.
      () => setFailure(describeError('unknown', engine, label).text),
    );
  };
  return (
    <div className="flex flex-col gap-1 text-xs" data-testid={`model-download-${engine}`}>
      {busy && job ? (
        <div role="status">
          <p>{statusWords(job)}</p>
          {job.progress && <Progress {...job.progress} />}
        </div>
      ) : onDevice || job?.status === 'done' ? (
        <p className="text-emerald-700 dark:text-emerald-400">
          {label}: {t('options.onDevice')}
        </p>
      ) : onDevice === false ? (
        <button type="button" className="self-start rounded border border-violet-600 px-2 py-1" onClick={start}>
          {t('options.downloadNow', { model: label, size: sizeBytes ? ` (${formatSize(sizeBytes)})` : '' })}
        </button>
      ) : null}
      {(job?.error || failure) && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {job?.error ? describeError(job.error.code, engine, label).text : failure}
        </p>
      )}
    </div>
  );
}
