import { describe, expect, it } from 'vitest';
import { pickEngine } from '@/utils/jobs/start';
import { DEFAULT_SETTINGS } from '@/utils/settings-schema';
import { BUILTIN_MODEL, type BuiltinAvailability } from '@/utils/llm/builtin-engine';

describe('pickEngine', () => {
  it('the user’s own server, once its address and model are set', async () => {
    const picked = await pickEngine({
      ...DEFAULT_SETTINGS,
      engine: 'server',
      serverAddress: 'http://localhost:11434/v1',
      serverModel: 'qwen2.5:0.5b',
    });
    expect(picked).toEqual({
      engine: 'server',
      model: expect.objectContaining({
        id: 'server:qwen2.5:0.5b',
        label: 'qwen2.5:0.5b',
        url: 'http://localhost:11434/v1',
      }),
    });
  });

  it('a server chosen but not set up: the device’s own engines, as automatic picks them', async () => {
    // No WebGPU in the unit tests' page: the CPU engine.
    for (const missing of [{ serverAddress: '' }, { serverModel: '' }]) {
      const picked = await pickEngine({
        ...DEFAULT_SETTINGS,
        engine: 'server',
        serverAddress: 'http://localhost:11434/v1',
        serverModel: 'qwen2.5:0.5b',
        ...missing,
      });
      expect(picked.engine).toBe('cpu');
    }
  });

  describe('Chrome’s built-in model', () => {
    /** A probe answering per language, recording what it was asked. */
    const probe = (answers: Record<string, BuiltinAvailability>) => {
      const asked: string[] = [];
      const ask = async (lang: string) => {
        asked.push(lang);
        return answers[lang.split('-')[0]!] ?? 'unavailable';
      };
      return { ask, asked };
    };

    it.each([
      ['ready: Automatic prefers it', { en: 'available' }, 'en', 'builtin', undefined],
      ['not downloaded: the next engine, and the panel says why', { en: 'downloadable' }, 'en', 'cpu', 'downloadable'],
      ['downloading: the next engine', { en: 'downloading' }, 'en', 'cpu', 'downloading'],
      ['not in French, where it writes English', { en: 'available' }, 'fr-FR', 'cpu', 'language'],
      ['in French where it writes French', { en: 'available', fr: 'available' }, 'fr', 'builtin', undefined],
      ['not on this device at all: the next engine, nothing said', {}, 'en', 'cpu', undefined],
    ] as const)('%s', async (_name, answers, lang, engine, passedOver) => {
      const picked = await pickEngine({ ...DEFAULT_SETTINGS, engine: 'auto' }, probe(answers).ask, lang);
      expect(picked.engine).toBe(engine);
      expect(picked.passedOver).toBe(passedOver);
      if (engine === 'builtin') expect(picked.model).toBe(BUILTIN_MODEL);
    });

    it('chosen by the user: used as chosen (a download is the panel’s, at the user’s click)', async () => {
      const { ask, asked } = probe({});
      expect(await pickEngine({ ...DEFAULT_SETTINGS, engine: 'builtin' }, ask)).toEqual({
        engine: 'builtin',
        model: BUILTIN_MODEL,
      });
      expect(asked).toEqual([]);
    });

    it('the CPU or GPU engine chosen: Chrome’s model is not asked about', async () => {
      const { ask, asked } = probe({ en: 'available' });
      expect((await pickEngine({ ...DEFAULT_SETTINGS, engine: 'cpu' }, ask)).engine).toBe('cpu');
      expect(asked).toEqual([]);
    });
  });
});
