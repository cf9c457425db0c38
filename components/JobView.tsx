import { useState } from 'react';
import { BuiltinDownload, PassedOver } from './BuiltinModel';
import { isBusy, type JobState } from '@/utils/jobs/protocol';
import { currentLanguage, formatDuration, formatNumber, formatSize, t, type MessageKey } from '@/utils/i18n';
import type { ReadingReport } from '@/utils/jobs/protocol';
import type { LoadProgress } from '@/utils/llm/engine';
import { describeError } from '@/utils/errors';
import { statusWords } from '@/utils/jobs/describe';
import { SummaryText, TopicsText } from './SummaryText';
import { DraftVariants } from './DraftVariants';
import { AccentButton } from './AccentButton';
import { OptionsButton } from './OptionsButton';

/** A download's progress bar with its figures. */
export function Progress({ loaded, total, bytesPerSecond, secondsLeft }: LoadProgress) {
  const pct = total > 0 ? Math.round((loaded / total) * 100) : null;
  const rate = bytesPerSecond
    ? [
        t('job.rate', { mb: formatSize(bytesPerSecond) }),
        ...(secondsLeft != null ? [t('job.left', { time: formatDuration(secondsLeft) })] : []),
      ]
    : [];
  return (
    <div data-testid="job-progress">
      <div
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-label={t('job.download')}
      >
        <div className="h-full bg-violet-500 transition-all" style={{ width: `${pct ?? 100}%` }} />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {[
          pct == null
            ? t('job.bytes', { mb: formatSize(loaded) })
            : t('job.bytesOf', { mb: formatSize(loaded), total: formatSize(total), pct }),
          ...rate,
        ].join(' · ')}
      </p>
    </div>
  );
}

/** Copies a finished result (summary, explanation, answer) as the model wrote it. */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border px-2 py-1"
      data-testid="job-copy"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t('reply.copiedShort') : t('reply.copy')}
    </button>
  );
}

/** Which posts a job read when it could not read all in time, and why those. */
function Reading({ reading, onReadAll, busy }: { reading: ReadingReport; onReadAll?: () => void; busy: boolean }) {
  const reasons = new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(
    reading.reasons.map((r) => t(`reading.${r}` as MessageKey)),
  );
  return (
    <div className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-300" data-testid="job-reading">
      <p>{t('job.reading', { read: reading.read, total: reading.total, reasons })}</p>
      {onReadAll && !busy && (
        <button
          type="button"
          className="self-start rounded border border-violet-600 px-2 py-1"
          onClick={onReadAll}
          data-testid="job-read-all"
        >
          {reading.allSeconds
            ? t('job.readAll', { total: reading.total, time: formatDuration(reading.allSeconds) })
            : t('job.readAllUntimed', { total: reading.total })}
        </button>
      )}
    </div>
  );
}

/** Where a long summary is, with the posts of the part and an estimate when the speed is known. */
function stageText(stage: NonNullable<JobState['stage']>): string {
  if (stage.step === 'final')
    return stage.posts && stage.seconds !== undefined
      ? t('job.stageRead', { posts: stage.posts, time: formatDuration(stage.seconds) })
      : '';
  const part = { done: stage.done + 1, total: stage.total };
  if (stage.step === 'map' && stage.first && stage.last && stage.seconds !== undefined) {
    return t('job.stagePosts', { ...part, first: stage.first, last: stage.last, time: formatDuration(stage.seconds) });
  }
  return t('job.stage', part);
}

/** A job as it runs and when it ends: status, download, streamed text, errors with a way on. */
export function JobView({
  state,
  onRetry,
  onCancel,
  onCite,
  onUseCpu,
  onDownload,
  onReadAll,
}: {
  state: JobState;
  onRetry(force: boolean): void;
  onCancel(): void;
  onCite(n: number): void;
  /** Switches the engine setting to CPU and tries again. */
  onUseCpu(): void;
  /** The user agreed to download the model: start again with the download allowed. */
  onDownload(): void;
  /** Summarize again, reading every post however long it takes. */
  onReadAll?(): void;
}) {
  const busy = isBusy(state);
  // One sentence, one next step and one action per error code, as on every surface.
  const shown = state.error ? describeError(state.error.code, state.engine, state.model.label) : null;
  // The stage line, while busy and until the first words replace it.
  const stage = state.stage && busy && !(state.stage.step === 'final' && state.text) ? stageText(state.stage) : '';
  return (
    <section
      className="flex flex-col gap-2"
      data-testid="job"
      data-job-id={state.id}
      data-action={state.action}
      data-status={state.status}
      aria-busy={busy}
    >
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span data-testid="job-status">
          {statusWords(state)}
          {state.cached && ` · ${t('job.cached')}`}
        </span>
        <span data-testid="job-model">
          {t('job.model', { model: state.model.label, engine: t(`engine.${state.engine}` as MessageKey) })}
        </span>
      </div>
      {state.status === 'loading' && state.progress && <Progress {...state.progress} />}
      {state.speed && state.status === 'done' && !state.cached && (
        <p className="text-xs text-slate-500" data-testid="job-speed">
          {t(state.speed.cachedTokens ? 'job.speedCached' : 'job.speed', {
            prompt: formatNumber(state.speed.promptTokens),
            cached: formatNumber(state.speed.cachedTokens),
            prefill: formatNumber(state.speed.prefillTps),
            decode: formatNumber(state.speed.decodeTps),
          })}
        </p>
      )}
      {stage && (
        <p className="text-xs text-slate-500" data-testid="job-stage">
          {stage}
        </p>
      )}
      {state.reading && state.reading.read < state.reading.total && (
        <Reading reading={state.reading} onReadAll={onReadAll} busy={busy} />
      )}
      <PassedOver state={state} />
      {state.status === 'needs-model' && state.engine === 'builtin' && (
        <BuiltinDownload onDownloaded={() => onRetry(false)} />
      )}
      {state.status === 'needs-model' && state.engine !== 'builtin' && (
        <div
          className="flex flex-col gap-2 rounded-md bg-violet-50 p-2 dark:bg-violet-950"
          data-testid="job-needs-model"
        >
          <p>{t('job.needsModel', { model: state.model.label, size: formatSize(state.model.sizeBytes) })}</p>
          <AccentButton onClick={onDownload} data-testid="job-download">
            {t('job.downloadModel', { size: formatSize(state.model.sizeBytes) })}
          </AccentButton>
        </div>
      )}
      <div aria-live="polite" data-testid="job-output">
        {state.action === 'summarize' || state.action === 'whats-new' ? (
          <SummaryText text={state.text} postCount={state.postCount} onCite={onCite} />
        ) : state.action === 'catch-up' ? (
          <TopicsText text={state.text} postCount={state.postCount} onCite={onCite} />
        ) : state.action === 'draft' ? (
          <DraftVariants text={state.text} done={state.status === 'done'} />
        ) : state.action === 'learn-voice' && state.status === 'done' ? null /* the note's editor shows it */ : (
          <p className="whitespace-pre-wrap" data-testid="job-text">
            {state.text}
          </p>
        )}
      </div>
      {shown && (
        <div
          role="alert"
          className="rounded-md bg-red-50 p-2 text-red-900 dark:bg-red-950 dark:text-red-100"
          data-testid="job-error"
          data-code={shown.code}
        >
          <p>{shown.text}</p>
          <p className="text-xs" data-testid="job-next">
            {shown.next}
          </p>
          {state.error!.message && (
            <details className="text-xs">
              <summary className="cursor-pointer">{t('error.details')}</summary>
              <p className="whitespace-pre-wrap" data-testid="job-error-detail">
                {state.error!.message}
              </p>
            </details>
          )}
        </div>
      )}
      {state.saveError && (
        <p role="status" className="text-xs text-amber-700">
          {state.saveError}
        </p>
      )}
      <div className="flex gap-2">
        {busy && (
          <button type="button" className="rounded border px-2 py-1" onClick={onCancel} data-testid="job-cancel">
            {t('job.cancel')}
          </button>
        )}
        {!busy && state.status !== 'done' && state.status !== 'needs-model' && (
          <button
            type="button"
            className="rounded bg-violet-600 px-2 py-1 text-white"
            onClick={() => onRetry(false)}
            data-testid="job-retry"
          >
            {t('job.retry')}
          </button>
        )}
        {shown?.action === 'use-cpu' ? (
          <button
            type="button"
            className="rounded border border-violet-600 px-2 py-1"
            onClick={onUseCpu}
            data-testid="job-use-cpu"
          >
            {t('job.useCpu')}
          </button>
        ) : null}
        {shown?.action === 'options' && (
          <OptionsButton className="rounded border border-violet-600 px-2 py-1" data-testid="job-open-options">
            {t('job.openOptions')}
          </OptionsButton>
        )}
        {state.status === 'done' && (
          <button
            type="button"
            className="rounded border px-2 py-1"
            onClick={() => onRetry(true)}
            data-testid="job-regenerate"
          >
            {t('job.regenerate')}
          </button>
        )}
        {state.status === 'done' && state.action !== 'draft' && state.text && <CopyButton text={state.text} />}
      </div>
    </section>
  );
}
