import { describe, expect, it } from 'vitest';
import {
  BUILTIN_MODEL,
  BuiltinEngine,
  builtinAvailability,
  builtinLanguages,
  watchDownload,
} from '@/utils/llm/builtin-engine';
import { EngineError, type ChatMessage, type LoadProgress } from '@/utils/llm/engine';
import { fakeLanguageModel, type FakeBuiltinConfig } from '@/utils/llm/fake-language-model';

const fake = (over: Partial<FakeBuiltinConfig> = {}, gesture = false) =>
  fakeLanguageModel(
    { availability: 'available', reply: 'Swatch first [2].', ...over },
    undefined,
    undefined,
    () => gesture,
  );

const messages: ChatMessage[] = [
  { role: 'system', content: 'You summarize threads.' },
  { role: 'user', content: '<thread>\n[1] @a: hello\n</thread>\nSummarize.' },
];

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => err as EngineError,
  );

describe('Chrome’s built-in model: availability', () => {
  it.each([
    ['no API in this browser', null, 'en', 'unavailable'],
    ['available in English', fake(), 'en', 'available'],
    ['French, where the model does not write it', fake(), 'fr', 'unavailable'],
    ['French, where it does', fake({ languages: ['en', 'fr'] }), 'fr-FR', 'available'],
    ['still downloading', fake({ availability: 'downloading' }), 'en', 'downloading'],
  ] as const)('%s', async (_name, api, lang, expected) => {
    expect(await builtinAvailability(api, lang)).toBe(expected);
  });

  it('declares the output language, with English for the posts read', () => {
    expect(builtinLanguages('fr-CA')).toEqual({
      expectedInputs: [{ type: 'text', languages: ['en', 'fr'] }],
      expectedOutputs: [{ type: 'text', languages: ['fr'] }],
    });
  });

  it('turns the monitor’s 0–1 progress into the download bar’s percent', () => {
    const target = new EventTarget();
    const seen: LoadProgress[] = [];
    watchDownload(target, (p) => seen.push(p));
    for (const loaded of [0, 0.25, 1.2]) target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
    expect(seen).toEqual([
      { loaded: 0, total: 100 },
      { loaded: 25, total: 100 },
      { loaded: 100, total: 100 },
    ]);
  });
});

describe('Chrome’s built-in model: the engine', () => {
  it.each([
    ['not downloaded: the panel’s to fetch', 'downloadable', 'needs-model', /not on this device yet/],
    ['downloading', 'downloading', 'needs-model', /still downloading/],
    ['unavailable', 'unavailable', 'load', /not available/],
  ] as const)('loads nothing when %s', async (_name, availability, code, message) => {
    const engine = new BuiltinEngine('en', () => fake({ availability }));
    expect(await engine.hasModel()).toBe(false);
    const err = await failure(engine.load(BUILTIN_MODEL));
    expect(err).toBeInstanceOf(EngineError);
    expect(err?.code).toBe(code);
    expect(err?.message).toMatch(message);
    expect(engine.loaded()).toBeNull();
  });

  it('loads with the context the API measures, streams the answer, and counts with the model', async () => {
    const api = fake({ contextWindow: 9000 });
    const engine = new BuiltinEngine('en', () => api);
    expect(await engine.hasModel()).toBe(true);
    await engine.load(BUILTIN_MODEL);
    expect(engine.loaded()).toMatchObject({ id: 'chrome-builtin', contextTokens: 9000 });
    const pieces: string[] = [];
    const speeds: number[] = [];
    const text = await engine.generate(messages, {
      onToken: (t) => pieces.push(t),
      onSpeed: (s) => speeds.push(s.promptTokens),
    });
    expect(text).toBe('Swatch first [2].');
    expect(pieces).toEqual(['Swatch ', 'first ', '[2].']);
    expect(speeds).toHaveLength(1);
    // The system prompt goes in as an initial prompt; the prompt is the user turn, posts and all.
    expect(api.log.prompts).toEqual([messages[1]!.content]);
    expect(await engine.countTokens('12345678')).toBe(2);
  });

  it('says when a request is longer than the context, with both sizes to cut it down', async () => {
    const engine = new BuiltinEngine('en', () => fake({ contextWindow: 10 }));
    await engine.load(BUILTIN_MODEL);
    const err = await failure(engine.generate(messages));
    expect(err?.code).toBe('too-long');
    expect(err?.tokens?.limit).toBe(10);
    expect(err?.tokens?.requested).toBeGreaterThan(10);
  });

  it('stops when cancelled mid-answer', async () => {
    const engine = new BuiltinEngine('en', () => fake({ reply: 'one two three four five', delayMs: 5 }));
    await engine.load(BUILTIN_MODEL);
    const controller = new AbortController();
    const pieces: string[] = [];
    const err = await failure(
      engine.generate(messages, {
        signal: controller.signal,
        onToken: (t) => {
          pieces.push(t);
          controller.abort();
        },
      }),
    );
    expect(err?.code).toBe('aborted');
    expect(pieces).toEqual(['one ']);
  });
});

describe('the fake follows the API: a first download needs the user’s gesture', () => {
  it.each([
    [false, 'NotAllowedError', 'downloadable'],
    [true, null, 'available'],
  ] as const)('gesture %s', async (gesture, error, after) => {
    const api = fake({ availability: 'downloadable' }, gesture);
    const progress: LoadProgress[] = [];
    const made = await api
      .create({ ...builtinLanguages('en'), monitor: (m) => watchDownload(m, (p) => progress.push(p)) })
      .then(
        () => null,
        (e: Error) => e.name,
      );
    expect(made).toBe(error);
    expect(await api.availability(builtinLanguages('en'))).toBe(after);
    expect(progress.map((p) => p.loaded)).toEqual(gesture ? [0, 50, 100] : []);
  });
});
