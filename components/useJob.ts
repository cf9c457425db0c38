import { useEffect, useState } from 'react';
import type { JobState } from '@/utils/jobs/protocol';
import { followJob } from '@/utils/jobs/follow';

/** A job's state, live over its port while the component is shown (through a stopped worker). */
export function useJob(jobId: string | undefined): JobState | null {
  const [state, setState] = useState<JobState | null>(null);
  useEffect(() => {
    setState(null);
    if (!jobId) return;
    return followJob((name) => browser.runtime.connect({ name }), jobId, setState);
  }, [jobId]);
  return state;
}
