import { describe, expect, it } from 'vitest';
import { withRate } from '@/utils/llm/engine';

describe('withRate: a download’s speed and time left', () => {
  const MB = 1024 ** 2;
  it.each([
    [
      'too soon to tell',
      { loaded: 5 * MB, total: 500 * MB },
      { at: 0, loaded: 0 },
      500,
      { bytesPerSecond: undefined, secondsLeft: undefined },
    ],
    [
      'nothing new yet',
      { loaded: 5 * MB, total: 500 * MB },
      { at: 0, loaded: 5 * MB },
      4000,
      { bytesPerSecond: undefined, secondsLeft: undefined },
    ],
    [
      '10 MB/s, 450 MB left',
      { loaded: 50 * MB, total: 500 * MB },
      { at: 0, loaded: 0 },
      5000,
      { bytesPerSecond: 10 * MB, secondsLeft: 45 },
    ],
    // A resumed file: the rate counts what came in this transfer only.
    [
      'resumed at 400 MB',
      { loaded: 420 * MB, total: 500 * MB },
      { at: 1000, loaded: 400 * MB },
      3000,
      { bytesPerSecond: 10 * MB, secondsLeft: 8 },
    ],
    [
      'size unknown: a rate, no time',
      { loaded: 20 * MB, total: 0 },
      { at: 0, loaded: 0 },
      2000,
      { bytesPerSecond: 10 * MB, secondsLeft: undefined },
    ],
  ])('%s', (_, progress, start, now, expected) => {
    const got = withRate(progress, start, now);
    expect(got).toMatchObject({ loaded: progress.loaded, total: progress.total });
    expect(got.bytesPerSecond).toBe(expected.bytesPerSecond);
    expect(got.secondsLeft).toBe(expected.secondsLeft);
  });
});
