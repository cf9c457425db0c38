import { describe, expect, it } from 'vitest';
import { t, tc, uiLanguageFor } from '@/utils/i18n';

describe('i18n', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['FR-ca', 'fr'],
    ['en-US', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, lang) => expect(uiLanguageFor(tag)).toBe(lang));

  it('fills placeholders in both languages', () => {
    expect(tc('panel.posts', 3, { site: 'X' }, 'en')).toBe('3 posts read from X');
    expect(tc('panel.posts', 3, { site: 'X' }, 'fr')).toBe('3 posts lus sur X');
  });

  it('leaves unknown placeholders visible rather than guessing', () => {
    expect(t('panel.repostedBy', {}, 'en')).toBe('Reposted by {name}');
  });
});

describe('counted messages follow each language’s plural rules', () => {
  it.each([
    // count, English, French
    [0, '0 posts read from X', '0 post lu sur X'],
    [1, '1 post read from X', '1 post lu sur X'],
    [2, '2 posts read from X', '2 posts lus sur X'],
    [1234, '1,234 posts read from X', '1\u202f234 posts lus sur X'],
  ])('%i', (count, en, fr) => {
    expect(tc('panel.posts', count, { site: 'X' }, 'en')).toBe(en);
    expect(tc('panel.posts', count, { site: 'X' }, 'fr')).toBe(fr);
  });
});
