import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearHistory, matchesSearch, resultPreview } from '@/utils/history';
import { database } from '@/utils/db';
import { VARIANT_BREAK } from '@/utils/llm/drafts';

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

describe('resultPreview', () => {
  const long =
    'Most replies say to swatch first, because gauge decides the size; a few say cotton is easier to see stitches ' +
    'in, and one reply [12] disagrees strongly with everything said before it.';
  it.each([
    [
      'a summary without its citations',
      { action: 'summarize', text: 'TL;DR: Swatch first [2], count twice [3, 4].\n\n- Gauge [5–7]' },
      'TL;DR: Swatch first, count twice. - Gauge',
    ],
    [
      'a draft: its first variant',
      { action: 'draft', text: `Try a swatch first!${VARIANT_BREAK}Gauge matters most.` },
      'Try a swatch first!',
    ],
    [
      'an explanation as it is',
      { action: 'explain', text: '“Frogging” means pulling out stitches.' },
      '“Frogging” means pulling out stitches.',
    ],
    [
      'a long one, cut at a word',
      { action: 'summarize', text: long },
      'Most replies say to swatch first, because gauge decides the size; a few say cotton is easier to see ' +
        'stitches in, and one reply disagrees…',
    ],
  ] as const)('%s', (_, result, preview) => {
    expect(resultPreview(result, 140)).toBe(preview);
    expect(resultPreview(result, 140).length).toBeLessThanOrEqual(141);
  });
});

describe('clearHistory', () => {
  it('forgets every kept result and every thread Skein remembers showing', async () => {
    await database().results.put({
      key: 'x:1:h:m:p4:en:summarize',
      action: 'summarize',
      site: 'x',
      threadId: '1',
      url: 'https://x.com/a/status/1',
      title: '@a: hi',
      modelId: 'm',
      lang: 'en',
      text: 'TL;DR: hi [1].',
      postCount: 1,
      postIds: ['1'],
      createdAt: 1,
    });
    await database().seen.put({ key: 'x:1', posts: { '1': 'abc' }, seenAt: 1, summary: 'TL;DR: hi [1].' });
    expect(await clearHistory()).toBe(1);
    expect(await database().results.count()).toBe(0);
    expect(await database().seen.count()).toBe(0);
  });
});
