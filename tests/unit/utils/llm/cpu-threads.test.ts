import { describe, expect, it } from 'vitest';
import { cpuThreads } from '@/utils/llm/cpu-engine';

describe('cpuThreads: how many threads the CPU engine asks for', () => {
  it.each([
    // cores, cross-origin isolated, threads
    [1, true, 1],
    [2, true, 2],
    [4, true, 3],
    [8, true, 7],
    [32, true, 8],
    [8, false, 1],
    [2, false, 1],
  ])('%i cores, isolated %s: %i', (cores, isolated, threads) => {
    expect(cpuThreads(cores, isolated)).toBe(threads);
  });
});
