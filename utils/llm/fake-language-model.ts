/**
 * A stand-in for Chrome's `LanguageModel`, for tests: none of the machines Skein is tested on
 * can run Chrome's own model. It follows the shapes Chrome documents (availability states, a
 * download that needs the user's gesture and reports `downloadprogress`, streamed text pieces,
 * the context's size and measurement, `QuotaExceededError`, `NotSupportedError`), answers a
 * fixed reply, and records what it was asked. A test build installs it where a test asked for
 * it (storage key `testBuiltin`); a store build leaves it out (TEST_BUILD).
 */
import { storage } from '#imports';
import { TEST_BUILD } from '../test-script';
import type {
  BuiltinApi,
  BuiltinAvailability,
  BuiltinCreateOptions,
  BuiltinLanguages,
  BuiltinSession,
} from './builtin-engine';

/** How the fake behaves. */
export interface FakeBuiltinConfig {
  availability: BuiltinAvailability;
  /** The answer, streamed word by word. */
  reply: string;
  /** Output languages it answers in (Chrome's model answers in a few). */
  languages?: string[];
  contextWindow?: number;
  /** A pause between streamed pieces, in ms. */
  delayMs?: number;
  /** A download Chrome refuses, with its words (too little disk space, a policy). */
  refuseDownload?: string;
}

const DEFAULT_LANGUAGES = ['en', 'es', 'ja'];

/** What a test reads back: the prompts the fake was given, newest last. */
export interface FakeBuiltinLog {
  prompts: string[];
  downloads: number;
}

/** Four characters a token, as a stand-in for the model's own tokenizer. */
const measure = (text: string) => Math.ceil(text.length / 4);

const named = (name: string, message: string, more: object = {}) => Object.assign(new Error(message), { name }, more);

/**
 * The fake API over a config; `onDownloaded` hears when a download finished (a test build
 * keeps it, so every Skein context sees the model as downloaded after).
 */
export function fakeLanguageModel(
  config: FakeBuiltinConfig,
  log: FakeBuiltinLog = { prompts: [], downloads: 0 },
  onDownloaded: () => void = () => undefined,
  hasGesture: () => boolean = () => globalThis.navigator?.userActivation?.isActive ?? false,
): BuiltinApi & { log: FakeBuiltinLog } {
  const languages = config.languages ?? DEFAULT_LANGUAGES;
  const contextWindow = config.contextWindow ?? 6144;
  const speaks = (options: BuiltinLanguages) =>
    options.expectedOutputs.every((o) => o.languages.every((l) => languages.includes(l)));
  const wait = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) reject(named('AbortError', 'Aborted'));
      setTimeout(resolve, config.delayMs ?? 0);
    });
  const session = (used: number): BuiltinSession => ({
    contextWindow,
    inputQuota: contextWindow,
    measureContextUsage: async (input) => measure(input),
    measureInputUsage: async (input) => measure(input),
    promptStreaming(input, { signal } = {}) {
      if (used + measure(input) > contextWindow)
        throw named('QuotaExceededError', 'The input is too large.', {
          requested: used + measure(input),
          quota: contextWindow,
        });
      log.prompts.push(input);
      const pieces = config.reply.split(/(?<= )/);
      return new ReadableStream<string>({
        async pull(controller) {
          try {
            await wait(signal);
          } catch (err) {
            controller.error(err);
            return;
          }
          const piece = pieces.shift();
          if (piece == null) controller.close();
          else controller.enqueue(piece);
        },
      });
    },
    destroy: () => undefined,
  });
  return {
    log,
    async availability(options) {
      return speaks(options) ? config.availability : 'unavailable';
    },
    async create(options: BuiltinCreateOptions) {
      if (!speaks(options)) throw named('NotSupportedError', 'Unsupported output language.');
      if (config.availability === 'unavailable') throw named('NotSupportedError', 'The model is not available.');
      if (config.availability !== 'available') {
        if (!hasGesture()) throw named('NotAllowedError', 'Requires a user gesture when availability is downloadable.');
        if (config.refuseDownload) throw named('NotAllowedError', config.refuseDownload);
        const monitor = new EventTarget();
        options.monitor?.(monitor);
        for (const loaded of [0, 0.5, 1]) {
          await wait(options.signal);
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
        }
        config.availability = 'available';
        log.downloads++;
        onDownloaded();
      }
      const used = (options.initialPrompts ?? []).reduce((sum, p) => sum + measure(p.content), 0);
      if (used > contextWindow)
        throw named('QuotaExceededError', 'The initial prompts are too large.', {
          requested: used,
          quota: contextWindow,
        });
      return session(used);
    },
  };
}

/** Where a test sets the fake's config. */
const CONFIG_KEY = 'local:testBuiltin';

/** The fake's config as a test set it, from storage (null: none, or not a test build). */
export async function readFakeBuiltin(): Promise<FakeBuiltinConfig | null> {
  if (!TEST_BUILD) return null;
  return storage.getItem<FakeBuiltinConfig>(CONFIG_KEY);
}

/**
 * Installs the fake as `LanguageModel` in this context, in a test build where a test asked for
 * it; else does nothing. Called before the context's own scripts use the API. `read` fetches
 * the config (the offscreen document has no storage API: it asks the background); it is read
 * again at each call, so a download made in the panel shows everywhere.
 */
export async function installFakeLanguageModel(read = readFakeBuiltin): Promise<void> {
  if (!TEST_BUILD) return;
  const config = await read().catch(() => null);
  if (!config) return;
  const refresh = async () => {
    const latest = await read().catch(() => null);
    if (latest) config.availability = latest.availability;
  };
  const fake = fakeLanguageModel(config, undefined, () => {
    void storage.setItem(CONFIG_KEY, { ...config, availability: 'available' }).catch(() => undefined);
  });
  const api: BuiltinApi = {
    availability: (options) => refresh().then(() => fake.availability(options)),
    create: (options) => refresh().then(() => fake.create(options)),
  };
  Object.assign(globalThis, { LanguageModel: api });
}
