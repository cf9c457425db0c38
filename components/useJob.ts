import { useEffect, useState } from 'react';
import { JOB_PORT_PREFIX, type JobState } from '@/utils/jobs/protocol';

/** A job's state, live over its port, while the component is shown. */
export function useJob(jobId: string | undefined): JobState | null {
  const [state, setState] = useState<JobState | null>(null);
  useEffect(() => {
    setState(null);
    if (!jobId) return;
    const port = browser.runtime.connect({ name: `${JOB_PORT_PREFIX}${jobId}` });
    port.onMessage.addListener((s: JobState) => setState(s));
    return () => port.disconnect();
  }, [jobId]);
  return state;
}
