/**
 * Keeps the background running while the queue has work. Firefox's background is an event
 * page: after 30 s without an event or an extension API call it is stopped, and with it go the
 * queue and the engine worker it started. The worker's own messages do not count, so a
 * download or a summary longer than 30 s was cut off and shown as interrupted (seen in Firefox
 * with both cores busy). Chrome's service worker has the same kind of limit, and an extension
 * API call resets it there too. An idle queue makes no calls, so the background still stops
 * when Skein has nothing to do.
 */
import { browser } from '#imports';

/** Well under the 30 s idle limit, so a late timer on a busy machine still lands in time. */
export const KEEP_AWAKE_MS = 10_000;

/**
 * Every `every` ms, calls `call` while `busy()` says work is queued or running. Returns the
 * function that stops it.
 */
export function keepAwakeWhile(
  busy: () => boolean,
  call: () => Promise<unknown> = () => browser.runtime.getPlatformInfo(),
  every = KEEP_AWAKE_MS,
): () => void {
  const timer = setInterval(() => {
    // A call that fails (the extension is being updated) changes nothing: the next one tries.
    if (busy()) call().catch(() => undefined);
  }, every);
  return () => clearInterval(timer);
}
