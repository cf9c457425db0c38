/**
 * The one engine interface. web-llm (WebGPU), the CPU engine (llama.cpp in WebAssembly) and
 * the scripted test engine all sit behind it, so the job runner never knows which it drives.
 */

/** A chat turn. Post text only ever appears inside a user turn, as delimited data. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Which engine. */
export type EngineKind = 'webgpu' | 'cpu' | 'scripted';

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
}

/** What a generation needs besides the messages. */
export interface GenerateOptions {
  signal?: AbortSignal;
  maxTokens?: number;
  /** 0 = greedy. */
  temperature?: number;
  onToken?: (text: string) => void;
}

/** An engine failure the UI can explain and offer a way out of. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly code: 'needs-model' | 'no-webgpu' | 'download' | 'load' | 'load-timeout' | 'too-big' | 'device-lost' | 'quota' | 'generate' | 'aborted',
  ) {
    super(message);
    this.name = 'EngineError';
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
