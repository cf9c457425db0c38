import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS, describeError } from '@/utils/errors';

describe('one error table for every surface', () => {
  it.each(ERROR_CODES.flatMap((code) => (['en', 'fr'] as const).map((lang) => [code, lang] as const)))(
    '%s in %s: a sentence, a next step and an action',
    (code, lang) => {
      const shown = describeError(code, 'cpu', 'Qwen2.5 0.5B Instruct', lang);
      expect(shown.code).toBe(code);
      expect(shown.text).toMatch(/\S/);
      expect(shown.next).toMatch(/\S/);
      // No message key leaks through untranslated, and no placeholder is left.
      expect(shown.text).not.toMatch(/^error\.|\{|\}/);
      expect(shown.next).not.toMatch(/^job\.|\{|\}/);
      expect(['retry', 'use-cpu', 'options']).toContain(shown.action);
      expect(shown.action).toBe(ERRORS[code].action);
    },
  );

  it('French differs from English for every code', () => {
    for (const code of ERROR_CODES) {
      const en = describeError(code, 'cpu', 'M', 'en');
      const fr = describeError(code, 'cpu', 'M', 'fr');
      expect(fr.text, code).not.toBe(en.text);
      expect(fr.next, code).not.toBe(en.next);
    }
  });

  it.each([
    // code, engine, action, words of the next step
    ['download', 'cpu', 'retry', /Check the connection/],
    ['too-big', 'cpu', 'options', /smaller model/],
    ['too-big', 'webgpu', 'use-cpu', /CPU engine/],
    ['no-webgpu', 'webgpu', 'use-cpu', /CPU engine/],
    ['download', 'webgpu', 'use-cpu', /CPU engine/],
    ['generate', 'webgpu', 'retry', /Try again/],
    ['engine-stopped', 'cpu', 'retry', /Models on this device/],
    ['quota', 'cpu', 'options', /Free some space/],
    ['server', 'server', 'options', /your server is running, and its address/],
    ['TypeError: Failed to fetch', 'cpu', 'retry', /Try again/],
    [undefined, 'cpu', 'retry', /Try again/],
  ] as const)('%s on %s: %s', (code, engine, action, next) => {
    const shown = describeError(code, engine, 'M', 'en');
    expect(shown.action).toBe(action);
    expect(shown.next).toMatch(next);
  });

  it('names the model, and never shows the raw message', () => {
    expect(describeError('download', 'cpu', 'Qwen2.5 0.5B Instruct', 'en').text).toBe(
      'Qwen2.5 0.5B Instruct could not be downloaded.',
    );
    expect(describeError('weird', 'cpu', 'M', 'en')).toMatchObject({
      code: 'unknown',
      text: 'Something went wrong while running M.',
    });
  });
});
