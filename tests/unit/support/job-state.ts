import type { JobState } from '@/utils/jobs/protocol';

/** A job state for the surfaces' tests: queued, on the CPU engine, with a 400 MB model. */
export function jobState(over: Partial<JobState> = {}): JobState {
  return {
    id: 'job-1',
    action: 'draft',
    status: 'queued',
    text: '',
    postCount: 9,
    cached: false,
    engine: 'cpu',
    model: { id: 'm', engine: 'cpu', label: 'Tiny', url: '', sizeBytes: 400 * 1_048_576, contextTokens: 4096 },
    ...over,
  };
}
