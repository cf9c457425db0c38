import { describe, expect, it } from 'vitest';
import { t, uiLanguageFor } from '@/utils/i18n';

describe('i18n', () => {
  it.each([
    ['fr-FR', 'fr'], ['fr', 'fr'], ['FR-ca', 'fr'], ['en-US', 'en'], ['de', 'en'], [undefined, 'en'],
  ] as const)('%s → %s', (tag, lang) => expect(uiLanguageFor(tag)).toBe(lang));

  it('fills placeholders in both languages', () => {
    expect(t('panel.posts', { count: 3, site: 'X' }, 'en')).toBe('3 post(s) read from X');
    expect(t('panel.posts', { count: 3, site: 'X' }, 'fr')).toBe('3 post(s) lu(s) sur X');
  });

  it('leaves unknown placeholders visible rather than guessing', () => {
    expect(t('panel.repostedBy', {}, 'en')).toBe('Reposted by {name}');
  });
});
