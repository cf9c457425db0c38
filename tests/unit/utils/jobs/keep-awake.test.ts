import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KEEP_AWAKE_MS, keepAwakeWhile } from '@/utils/jobs/keep-awake';

describe('keepAwakeWhile', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls the extension well within 30 s while work is on, and not while idle', async () => {
    expect(KEEP_AWAKE_MS).toBeLessThanOrEqual(15_000);
    let busy = false;
    const calls: number[] = [];
    const stop = keepAwakeWhile(
      () => busy,
      async () => calls.push(Date.now()),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([]);
    busy = true;
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.length).toBeGreaterThanOrEqual(Math.floor(60_000 / KEEP_AWAKE_MS));
    // No gap of 30 s (Firefox's idle limit) between the start of work and the calls.
    const gaps = calls.map((t, i) => t - (i === 0 ? start : (calls[i - 1] as number)));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(KEEP_AWAKE_MS);
    busy = false;
    const before = calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.length).toBe(before);
    stop();
  });

  it('goes on after a call that failed, and stops when told', async () => {
    let n = 0;
    const stop = keepAwakeWhile(
      () => true,
      async () => {
        n += 1;
        if (n === 1) throw new Error('Extension context invalidated.');
      },
    );
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 3);
    expect(n).toBe(3);
    stop();
    await vi.advanceTimersByTimeAsync(KEEP_AWAKE_MS * 3);
    expect(n).toBe(3);
  });
});
