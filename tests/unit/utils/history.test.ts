import { describe, expect, it } from 'vitest';
import { matchesSearch } from '@/utils/history';

describe('matchesSearch', () => {
  const r = { title: '@yarn_fan: What is the best way', text: 'TL;DR: Swatch first, count twice [2].' };
  it.each([
    ['', true],
    ['swatch', true],
    ['COUNT twice', true],
    ['yarn_fan swatch', true],
    ['crochet', false],
    ['swatch crochet', false],
  ])('%j → %s', (q, ok) => expect(matchesSearch(r, q)).toBe(ok));
});
