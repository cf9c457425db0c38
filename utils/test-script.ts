/**
 * The scripted engine's script, for end-to-end tests: a fixed answer instead of a model's, so
 * tests of the interface get exact text at once. It lives in its own storage item, apart from
 * the user's settings, and only test builds (`wxt build --mode e2e`) read it: in a store build
 * `TEST_BUILD` is false at build time, and the scripted engine is left out of the bundle.
 */
import { storage } from '#imports';

/** What the scripted engine answers, and how. */
export interface TestScript {
  /** The answer; draft variants separated by VARIANT_BREAK; SCRIPT_HOLD holds it mid-answer. */
  reply: string;
  /** A pause between words, in ms (tests of work interrupted halfway). */
  delayMs?: number;
  /** A reading speed to plan by, in tokens a second (tests of budgets sized to speed). */
  prefillTps?: number;
  /**
   * Answers in place of `reply` when a request's messages contain `contains` (the first rule
   * that matches): tests see what reached the model by what comes back.
   */
  when?: { contains: string; reply: string }[];
}

/** Whether this build may run the scripted engine: test and development builds, never a store build. */
export const TEST_BUILD = import.meta.env.MODE !== 'production';

/**
 * The script, in a test build where a test set one (storage key `testScript`); null otherwise.
 * A store build has no trace of the key: the code after the test of TEST_BUILD is dropped.
 */
export async function readTestScript(): Promise<TestScript | null> {
  if (!TEST_BUILD) return null;
  return storage.getItem<TestScript>('local:testScript');
}
