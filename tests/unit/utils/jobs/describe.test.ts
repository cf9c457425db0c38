import { afterEach, describe, expect, it } from 'vitest';
import { describeJob, isDownloading, statusWords } from '@/utils/jobs/describe';
import type { JobState } from '@/utils/jobs/protocol';
import { setUiLanguage } from '@/utils/i18n/core';
import { jobState } from '../../support/job-state';

const base = jobState({ action: 'summarize' });

afterEach(() => void setUiLanguage('en'));

describe('a job’s state in words, the same on every surface', () => {
  it.each([
    [{ status: 'queued', position: 2 }, 'Waiting: 2 ahead', null, null, null],
    [
      { status: 'loading', progress: { loaded: 100, total: 400, bytesPerSecond: 10, secondsLeft: 30 } },
      'Downloading the model…',
      /^25 % · about 30\ssec left$/,
      null,
      null,
    ],
    [{ status: 'loading', progress: { loaded: 400, total: 400 } }, 'Loading the model…', null, null, null],
    [{ status: 'running' }, 'Writing…', null, null, null],
    [{ status: 'done' }, 'Done', null, null, null],
    [{ status: 'needs-model' }, 'The model is not on this device yet', null, /Tiny \(400\sMB\)/, 'download'],
    [
      { status: 'error', error: { code: 'download', message: 'x' } },
      'Stopped by an error',
      null,
      /connection/,
      'retry',
    ],
    [{ status: 'interrupted' }, 'Interrupted', null, /./, 'retry'],
    [{ status: 'cancelled' }, 'Cancelled', null, null, 'retry'],
  ] as [Partial<JobState>, string, RegExp | null, RegExp | null, string | null][])(
    '%j',
    (over, status, progress, message, step) => {
      const shown = describeJob({ ...base, ...over });
      expect(shown.status).toBe(status);
      if (progress) expect(shown.progress).toMatch(progress);
      else expect(shown.progress).toBeNull();
      if (message) expect(shown.message).toMatch(message);
      else expect(shown.message).toBeNull();
      expect(shown.step).toBe(step);
    },
  );

  it('a model counts as downloading only while bytes arrive', () => {
    expect(isDownloading({ status: 'loading', progress: { loaded: 1, total: 2 } })).toBe(true);
    expect(isDownloading({ status: 'loading', progress: { loaded: 2, total: 2 } })).toBe(false);
    expect(isDownloading({ status: 'loading' })).toBe(false);
    expect(isDownloading({ status: 'running', progress: { loaded: 1, total: 2 } })).toBe(false);
  });

  it('speaks French', () => {
    setUiLanguage('fr');
    expect(statusWords({ status: 'queued', position: 1 })).not.toBe('Waiting: 1 ahead');
    expect(describeJob({ ...base, status: 'needs-model' }).message).toMatch(/Mo\)/);
  });
});
