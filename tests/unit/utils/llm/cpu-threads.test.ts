import { describe, expect, it } from 'vitest';
import { cpuThreads, prefillStep } from '@/utils/llm/cpu-engine';

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

describe('prefillStep: how many prompt tokens the CPU engine reads per step (a cancel waits for one step)', () => {
  it.each([
    [1, 32],
    [2, 64],
    [7, 64],
  ])('%i thread(s): %i tokens', (threads, step) => {
    expect(prefillStep(threads)).toBe(step);
  });
});
