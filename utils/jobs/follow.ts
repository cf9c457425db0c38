/**
 * Following a job from a surface (panel, card, reply bar) over its port, through a stopped
 * service worker. Chrome stops an extension's service worker when it likes (idle, memory, an
 * update), and with it go the queue and every job port. A surface then connects again, which
 * starts the worker afresh: a worker that no longer knows the job says so, and the surface
 * shows the job as interrupted, with what it had written and Try again, instead of waiting on
 * a port that will never speak.
 */
import { JOB_PORT_PREFIX, isBusy, type JobState } from './protocol';

/** What the background sends on a job port for a job it does not know (it restarted since). */
export interface JobGone {
  id: string;
  gone: true;
}

/** Opens a runtime port (browser.runtime.connect). */
export type Connect = (name: string) => {
  onMessage: { addListener(fn: (state: JobState) => void): void };
  onDisconnect?: { addListener(fn: () => void): void };
  disconnect(): void;
};

/** How long a surface waits before connecting again to a stopped worker. */
export const RECONNECT_MS = 250;

/** The state a surface shows for a job its worker lost: what it had, marked interrupted. */
export function interrupted(last: JobState): JobState {
  return {
    ...last,
    status: 'interrupted',
    position: undefined,
    error: { code: 'interrupted', message: 'Skein restarted before this job was done.' },
  };
}

const isGone = (msg: JobState | JobGone): msg is JobGone => (msg as JobGone).gone === true;

/**
 * Follows job `jobId`: `onState` gets each state. When the port drops while the job is busy,
 * it connects once more (after RECONNECT_MS); a worker that lost the job, or a port that drops
 * again, ends it as interrupted. Returns the function that stops following.
 */
export function followJob(connect: Connect, jobId: string, onState: (state: JobState) => void): () => void {
  let last: JobState | null = null;
  let stopped = false;
  let retried = false;
  let port: ReturnType<Connect> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const lose = () => {
    if (last && isBusy(last)) {
      last = interrupted(last);
      onState(last);
    }
  };
  const open = () => {
    try {
      port = connect(`${JOB_PORT_PREFIX}${jobId}`);
    } catch {
      // The extension was reloaded under this page: there is nothing to connect to.
      port = null;
      return lose();
    }
    const mine = port;
    mine.onMessage.addListener((msg: JobState | JobGone) => {
      if (stopped || port !== mine) return;
      if (isGone(msg)) return lose();
      last = msg;
      onState(msg);
    });
    mine.onDisconnect?.addListener(() => {
      if (stopped || port !== mine || !last || !isBusy(last)) return;
      if (retried) return lose();
      retried = true;
      timer = setTimeout(open, RECONNECT_MS);
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}
