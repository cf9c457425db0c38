import { afterEach, describe, expect, it } from 'vitest';
import { readWarning, warning, warningText, type WarningCode } from '@/utils/sites/warnings';
import { setUiLanguage } from '@/utils/i18n';

const CODES: [WarningCode, number][] = [
  ['loading', 0],
  ['noPosts', 0],
  ['focusMissing', 0],
  ['unreadable', 1],
  ['unreadable', 3],
  ['partial', 1],
  ['partial', 2],
  ['duplicates', 1],
  ['duplicates', 4],
  ['anonymous', 1],
  ['anonymous', 5],
];

describe('reader warnings: English in the snapshot, the interface’s language on screen', () => {
  afterEach(() => setUiLanguage('auto'));

  it.each(CODES)('%s (%d) reads back as its code and count, pluralized', (code, count) => {
    const text = warning(code, count);
    expect(readWarning(text)).toEqual({ code, count });
    expect(text).not.toContain('(s)');
    if (count === 1) expect(text).not.toMatch(/posts/);
    if (count > 1) expect(text).toMatch(/posts/);
  });

  it.each(CODES)('%s (%d) is said in French in a French interface, in English in an English one', (code, count) => {
    setUiLanguage('en');
    expect(warningText(warning(code, count))).toBe(warning(code, count));
    setUiLanguage('fr');
    const fr = warningText(warning(code, count));
    expect(fr).not.toBe(warning(code, count));
    if (count) expect(fr).toContain(String(count));
  });

  it('keeps a sentence no reader wrote as it is', () => {
    setUiLanguage('fr');
    expect(readWarning('Something else.')).toBeNull();
    expect(warningText('Something else.')).toBe('Something else.');
  });
});
