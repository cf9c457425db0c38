/**
 * The one engine interface. web-llm (WebGPU), the CPU engine (ONNX Runtime in WebAssembly), the
 * user's own server and the scripted test engine all sit behind it, so the job runner never
 * knows which it drives.
 */

/** A chat turn. Post text only ever appears inside a user turn, as delimited data. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Which engine: `server` is the user's own model server (utils/llm/server-engine.ts), `builtin`
 * Chrome's own model (utils/llm/builtin-engine.ts).
 */
export type EngineKind = 'webgpu' | 'cpu' | 'scripted' | 'server' | 'builtin';

/** A model an engine can load. */
export interface ModelSpec {
  /** Stable id, part of cache keys. */
  id: string;
  engine: EngineKind;
  /** What the user sees. */
  label: string;
  /** Where the weights come from (a GGUF file for the CPU engine). */
  url: string;
  /** Download size in bytes, for the UI. */
  sizeBytes: number;
  /** Context window in tokens. */
  contextTokens: number;
}

/** Download or load progress. `total` is 0 when unknown. */
export interface LoadProgress {
  loaded: number;
  total: number;
  /** Bytes a second since the transfer began, once there is enough to tell. */
  bytesPerSecond?: number;
  /** Seconds left at that rate. */
  secondsLeft?: number;
}

/**
 * A download's rate and time left: from the first progress seen (`start`) to now, once a
 * second and some bytes have passed (earlier figures would jump about), over what is left.
 */
export function withRate(progress: LoadProgress, start: { at: number; loaded: number }, now: number): LoadProgress {
  const seconds = (now - start.at) / 1000;
  const bytes = progress.loaded - start.loaded;
  if (seconds < 1 || bytes <= 0) return { loaded: progress.loaded, total: progress.total };
  const bytesPerSecond = bytes / seconds;
  const left = Math.max(0, progress.total - progress.loaded);
  return {
    loaded: progress.loaded,
    total: progress.total,
    bytesPerSecond,
    ...(progress.total > 0 ? { secondsLeft: left / bytesPerSecond } : {}),
  };
}

/** How fast a generation went, as the engine measured it. */
export interface GenerationSpeed {
  /** Prompt tokens the model read, and those it had kept from an earlier request. */
  promptTokens: number;
  cachedTokens: number;
  /** Reading the prompt (prefill) and writing the answer (decode), tokens per second. */
  prefillTps: number;
  decodeTps: number;
  decodeTokens: number;
}

/** What a generation needs besides the messages. */
export interface GenerateOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  /** 0 = greedy. */
  temperature?: number;
  onToken?: (text: string) => void;
  /** Called at the end of a generation with its speed, where the engine measures it. */
  onSpeed?: (speed: GenerationSpeed) => void;
}

/** An engine failure the UI can explain and offer a way out of. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'needs-model'
      | 'no-webgpu'
      | 'download'
      | 'load'
      | 'load-timeout'
      | 'too-big'
      | 'device-lost'
      | 'quota'
      | 'generate'
      | 'aborted'
      | 'too-long'
      | 'engine-stopped'
      /** The user's own server: not reached, not the API, refused, or without the model. */
      | 'server',
    /** For `too-long`: the request's size in the model's own tokens, and the context's. */
    readonly tokens?: { requested: number; limit: number },
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * Runs `attempt` with a budget scale of 1; when the engine says the request was longer than
 * its context (counted with the model's own tokenizer, which no estimate matches in every
 * script: CJK, Arabic, emoji, addresses), runs it again with the budget scaled down to fit.
 */
export async function withinContext<T>(attempt: (scale: number) => Promise<T>, reserve: number, tries = 3): Promise<T> {
  let scale = 1;
  for (let i = 1; ; i++) {
    try {
      return await attempt(scale);
    } catch (err) {
      if (!(err instanceof EngineError) || err.code !== 'too-long' || !err.tokens || i >= tries) throw err;
      const { requested, limit } = err.tokens;
      scale *= (0.95 * Math.max(1, limit - reserve)) / requested;
    }
  }
}

/** A local language model runtime. */
export interface Engine {
  readonly kind: EngineKind;
  /** The model loaded now, if any. */
  loaded(): ModelSpec | null;
  /** Whether the model's files are already on this device (loading it needs no download). */
  hasModel(model: ModelSpec): Promise<boolean>;
  /** Loads a model (downloading it the first time); resolves when it can generate. */
  load(model: ModelSpec, options?: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void }): Promise<void>;
  /** Generates a chat reply, streaming text pieces to `onToken`; resolves to the whole text. */
  generate(messages: ChatMessage[], options?: GenerateOptions): Promise<string>;
  /** Counts tokens the way the loaded model does (estimates where it cannot). */
  countTokens(text: string): Promise<number>;
  unload(): Promise<void>;
}

/** A rough token count for planning before a model is loaded: about 4 characters a token. */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3.5);
