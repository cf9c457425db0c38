/**
 * What the tiny random test model (scripts/lib/tiny-model.ts) writes for the project's test
 * thread with greedy decoding: nonsense, the same in Chromium and Firefox. Byte tokens that do
 * not form UTF-8 come out as U+FFFD.
 */
export const TINY_SUMMARY = '\ufffdetor\u0631st swat\ufffd keep';

/** The same for the project's own new-Reddit thread (the post and 7 comments). */
export const TINY_SUMMARY_REDDIT = 'st swat\ufffd no\ufffd& big estwiceneed\ufffdthin\ufffd\u0007';

/** The same for the real saved Bluesky thread `thread-pfrazee.html` (12 posts). */
export const TINY_SUMMARY_BLUESKY = 'st swat\ufffd no firs\ufffd\ufffd%';
