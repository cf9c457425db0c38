/**
 * Chrome's built-in model, through its Prompt API (`LanguageModel`), where Chrome exposes it to
 * extensions. Nothing of Skein's own is downloaded: Chrome fetches and keeps its model, once,
 * after a click of the user's (a first download needs a user gesture, so it starts from the
 * panel, never from the offscreen document this engine runs in).
 *
 * Shapes follow the API as Chrome documents it: `availability()` answers `unavailable`,
 * `downloadable`, `downloading` or `available`; `create()` takes the system prompt and turns as
 * `initialPrompts`, the languages as `expectedInputs` / `expectedOutputs`, and a `monitor` for
 * download progress; `promptStreaming()` gives a stream of text pieces; the context's size is
 * `contextWindow` (older name `inputQuota`) and `measureContextUsage()` (`measureInputUsage()`)
 * counts with the model's own tokenizer.
 */
import {
  EngineError,
  estimateTokens,
  type ChatMessage,
  type Engine,
  type GenerateOptions,
  type LoadProgress,
  type ModelSpec,
} from './engine';

/** What `availability()` answers. */
export type BuiltinAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The options `availability()` and `create()` share: the languages in and out. */
export interface BuiltinLanguages {
  expectedInputs: { type: 'text'; languages: string[] }[];
  expectedOutputs: { type: 'text'; languages: string[] }[];
}

/** A `create()` call's options, as far as Skein uses them. */
export interface BuiltinCreateOptions extends BuiltinLanguages {
  initialPrompts?: { role: ChatMessage['role']; content: string }[];
  signal?: AbortSignal;
  monitor?(target: EventTarget): void;
}

/** A session of the model, as far as Skein uses it. */
export interface BuiltinSession {
  contextWindow?: number;
  inputQuota?: number;
  measureContextUsage?(input: string): Promise<number>;
  measureInputUsage?(input: string): Promise<number>;
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  destroy(): void;
}

/** The `LanguageModel` global, as far as Skein uses it. */
export interface BuiltinApi {
  availability(options: BuiltinLanguages): Promise<BuiltinAvailability>;
  create(options: BuiltinCreateOptions): Promise<BuiltinSession>;
}

/** This context's `LanguageModel`, or null where the browser has none (Firefox, older Chrome). */
export function builtinApi(): BuiltinApi | null {
  return (globalThis as { LanguageModel?: BuiltinApi }).LanguageModel ?? null;
}

/** Chrome's model, as Skein lists it. Its context is measured once loaded. */
export const BUILTIN_MODEL: ModelSpec = {
  id: 'chrome-builtin',
  engine: 'builtin',
  label: 'Chrome’s built-in model',
  url: '',
  sizeBytes: 0,
  contextTokens: 4096,
};

/**
 * The languages Skein asks for. Posts come in any language, so English is declared for input
 * next to the output language; the output is the user's language alone.
 */
export function builtinLanguages(lang: string): BuiltinLanguages {
  const out = lang.split('-')[0]!.toLowerCase();
  return {
    expectedInputs: [{ type: 'text', languages: [...new Set(['en', out])] }],
    expectedOutputs: [{ type: 'text', languages: [out] }],
  };
}

/** Whether the model can answer in `lang` on this device now, without a download. */
export async function builtinAvailability(api: BuiltinApi | null, lang: string): Promise<BuiltinAvailability> {
  if (!api) return 'unavailable';
  try {
    return await api.availability(builtinLanguages(lang));
  } catch {
    // A language the API does not know makes it throw rather than answer.
    return 'unavailable';
  }
}

/** Download progress from a `monitor`'s events (`loaded` runs 0 to 1). */
export function watchDownload(target: EventTarget, onProgress: (progress: LoadProgress) => void): void {
  target.addEventListener('downloadprogress', (e) => {
    const loaded = Number((e as Event & { loaded?: number }).loaded ?? 0);
    onProgress({ loaded: Math.round(Math.min(1, Math.max(0, loaded)) * 100), total: 100 });
  });
}

/** Why the API stopped, as Skein's engine errors. */
function failure(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const e = err as { name?: string; message?: string; requested?: number; quota?: number };
  if (e?.name === 'AbortError') return new EngineError('Stopped.', 'aborted');
  if (e?.name === 'QuotaExceededError') {
    const tokens = e.requested && e.quota ? { requested: e.requested, limit: e.quota } : undefined;
    return new EngineError('The request is longer than the built-in model’s context.', 'too-long', tokens);
  }
  if (e?.name === 'NotSupportedError')
    return new EngineError(`Chrome’s built-in model cannot answer in this language: ${e.message ?? ''}`, 'load');
  return new EngineError(`Chrome’s built-in model stopped: ${e?.message ?? String(err)}`, 'generate');
}

/** The engine over Chrome's built-in model. */
export class BuiltinEngine implements Engine {
  readonly kind = 'builtin' as const;
  private current: ModelSpec | null = null;
  /** A session kept to measure text with the model's own tokenizer. */
  private measurer: BuiltinSession | null = null;

  /** `lang`: the output language the sessions are created for. */
  constructor(
    private lang: string,
    private api: () => BuiltinApi | null = builtinApi,
  ) {}

  loaded() {
    return this.current;
  }

  async hasModel() {
    return (await builtinAvailability(this.api(), this.lang)) === 'available';
  }

  /**
   * Opens a session once the model is on the device, and measures its context. A model not yet
   * downloaded is the panel's to fetch, at the user's click: here it is `needs-model`.
   */
  async load(model: ModelSpec, { signal }: { signal?: AbortSignal } = {}) {
    const api = this.api();
    const availability = await builtinAvailability(api, this.lang);
    if (!api || availability === 'unavailable')
      throw new EngineError('Chrome’s built-in model is not available on this device or in this language.', 'load');
    if (availability !== 'available')
      throw new EngineError(
        availability === 'downloading'
          ? 'Chrome is still downloading its built-in model.'
          : 'Chrome’s built-in model is not on this device yet.',
        'needs-model',
      );
    let session: BuiltinSession;
    try {
      session = await api.create({ ...builtinLanguages(this.lang), signal });
    } catch (err) {
      throw failure(err);
    }
    this.measurer?.destroy();
    this.measurer = session;
    const contextTokens = session.contextWindow ?? session.inputQuota ?? model.contextTokens;
    this.current = { ...model, contextTokens };
  }

  async countTokens(text: string): Promise<number> {
    const session = this.measurer;
    const measure = session?.measureContextUsage ?? session?.measureInputUsage;
    if (!session || !measure) return estimateTokens(text);
    return measure.call(session, text).catch(() => estimateTokens(text));
  }

  /**
   * A fresh session per generation: the system prompt and earlier turns as its initial prompts,
   * the last user turn as the prompt, streamed. Post text only ever sits inside user turns.
   */
  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const api = this.api();
    if (!api || !this.current) throw new EngineError('No model is loaded.', 'load');
    const last = messages.at(-1);
    if (last?.role !== 'user') throw new EngineError('A generation ends with the user’s turn.', 'generate');
    const started = performance.now();
    let session: BuiltinSession | null = null;
    let text = '';
    let first = 0;
    try {
      session = await api.create({
        ...builtinLanguages(this.lang),
        initialPrompts: messages.slice(0, -1),
        signal: options.signal,
      });
      const reader = session.promptStreaming(last.content, { signal: options.signal }).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!value) continue;
        first ||= performance.now();
        text += value;
        options.onToken?.(value);
      }
    } catch (err) {
      throw failure(options.signal?.aborted ? Object.assign(new Error('Stopped.'), { name: 'AbortError' }) : err);
    } finally {
      session?.destroy();
    }
    this.reportSpeed(messages, text, started, first, options);
    return text;
  }

  /** Speeds from the clock: the API reports no token counts, so these are estimates. */
  private reportSpeed(messages: ChatMessage[], text: string, started: number, first: number, options: GenerateOptions) {
    if (!options.onSpeed || !first) return;
    const promptTokens = estimateTokens(messages.map((m) => m.content).join('\n'));
    const decodeTokens = estimateTokens(text);
    const end = performance.now();
    options.onSpeed({
      promptTokens,
      cachedTokens: 0,
      prefillTps: promptTokens / Math.max(0.001, (first - started) / 1000),
      decodeTps: decodeTokens / Math.max(0.001, (end - first) / 1000),
      decodeTokens,
    });
  }

  async unload() {
    this.measurer?.destroy();
    this.measurer = null;
    this.current = null;
  }
}
