/**
 * What every surface shows of a job's state: the side panel (React), the popup, and the plain-DOM
 * card and reply bar in the sites' pages. One function, so a state reads the same everywhere:
 * the same words for where the job is, the same sentence for an error and its next step, and the
 * same one step offered. Pure: the surfaces only lay it out.
 */
import { describeError } from '../errors';
import { formatDuration, formatSize, t, type InlineKey } from '../i18n/inline';
import type { JobState } from './protocol';

/** A job's state in words. */
export interface JobDescription {
  /** Where the job is, in a few words: "Waiting: 1 ahead", "Downloading the model…", "Writing…". */
  status: string;
  /** A download's progress in short, "25 % · about 30 sec left"; null when nothing is arriving. */
  progress: string | null;
  /** A sentence for the body: the download's question, or the error and its next step. */
  message: string | null;
  /** The one step a surface offers: download the model, or the same request again. */
  step: 'download' | 'retry' | null;
}

/** The words for each status. */
const STATUS: Record<JobState['status'], InlineKey> = {
  queued: 'job.queued',
  loading: 'job.loading',
  running: 'job.running',
  done: 'job.done',
  error: 'job.error',
  cancelled: 'job.cancelled',
  interrupted: 'job.interrupted',
  'needs-model': 'job.needsModelStatus',
};

/** Whether the model is still arriving (not yet opening). */
export function isDownloading(state: Pick<JobState, 'status' | 'progress'>): boolean {
  const p = state.progress;
  return state.status === 'loading' && p != null && p.total > 0 && p.loaded < p.total;
}

/** The words for where a job is; a model still arriving says it is downloading. */
export function statusWords(state: Pick<JobState, 'status' | 'progress' | 'position'>): string {
  return t(isDownloading(state) ? 'job.downloading' : STATUS[state.status], { position: state.position ?? 1 });
}

/** Describes a job's state for a surface. */
export function describeJob(state: JobState): JobDescription {
  let progress: string | null = null;
  if (isDownloading(state)) {
    const p = state.progress!;
    const left = p.secondsLeft != null ? ` · ${t('job.left', { time: formatDuration(p.secondsLeft) })}` : '';
    progress = `${Math.round((p.loaded / p.total) * 100)} %${left}`;
  }
  let message: string | null = null;
  if (state.status === 'needs-model')
    message = t('job.needsModel', { model: state.model.label, size: formatSize(state.model.sizeBytes) });
  else if (state.status === 'error' || state.status === 'interrupted') {
    const shown = describeError(state.error?.code, state.engine, state.model.label);
    message = `${shown.text} ${shown.next}`;
  }
  const again = state.status === 'error' || state.status === 'interrupted' || state.status === 'cancelled';
  return {
    status: statusWords(state),
    progress,
    message,
    step: state.status === 'needs-model' ? 'download' : again ? 'retry' : null,
  };
}
