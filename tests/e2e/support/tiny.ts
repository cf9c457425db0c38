/**
 * What the tiny random test model (scripts/lib/tiny-model.ts) writes for the project's test
 * thread with greedy decoding: nonsense, the same in Chromium and Firefox. Byte tokens that do
 * not form UTF-8 come out as U+FFFD.
 */
export const TINY_SUMMARY = '\ufffdetor\u0631st swat\ufffd keep';
