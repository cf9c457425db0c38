/**
 * Every time limit the end-to-end suite uses, in one place, sized for a busy 2-core machine.
 * Specs name these instead of writing numbers, and a unit test (tests/unit/e2e-limits.test.ts)
 * keeps it so: no wait inside a test may outlast the test itself, and no call to a browser may
 * wait without a limit. A limit is a bound on a hang, never a cure for a slow step: each wait
 * ends on the condition it waits for, long before its limit on a healthy run.
 */

/** A test that drives the interface only (the scripted engine, or no engine). */
export const UI_TEST = 60_000;

/**
 * A test that runs the real CPU engine: the tiny model downloaded, loaded and run a few times.
 * Measured here: 10–17 s for the longest such test on an idle machine, about twice that with
 * the other core busy.
 */
export const ENGINE_TEST = 120_000;

/**
 * The test that runs the built extension on a model of the real size (about 770 MB, generated
 * on the first run: about 15 s): download, load, and the reading of a 52-post thread. Measured
 * here in Firefox: the first word after about 35 s (download about 20 s, load 11–13 s).
 */
export const REAL_SIZE_TEST = 300_000;

/** Its one long wait: from the download's click to the summary's first word. */
export const REAL_SIZE_STEP = 180_000;

/** What the page or a Skein surface shows in answer to a click (expect's own default). */
export const UI_STEP = 10_000;

/** One real-engine step: the tiny model's download, load and one generation. */
export const ENGINE_STEP = 45_000;

/** One DevTools-protocol or WebDriver BiDi call, and a new tab or page appearing. */
export const PROTOCOL_CALL = 10_000;

/** Starting or closing a browser. */
export const BROWSER_START = 30_000;

/**
 * Waits for `promise`, but not longer than `ms`: then fails with `what`, so a call that will
 * never answer ends the test with a reason instead of hanging it.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
