/**
 * The CPU engine: llama.cpp in WebAssembly (wllama), for browsers without WebGPU. It runs in
 * a page context with Web Workers (Chrome's offscreen document, Firefox's background page).
 * Downloads are cached by wllama in the origin's private storage, so a model is fetched once.
 */
import { CacheManager, Wllama, WllamaAbortError } from '@wllama/wllama';
import { EngineError, estimateTokens, type ChatMessage, type Engine, type GenerateOptions, type GenerationSpeed, type LoadProgress, type ModelSpec } from './engine';

/** Loading can hang for ever where WebAssembly is not allowed (CSP): give up after this. */
const LOAD_TIMEOUT_MS = 120_000;

/** llama.cpp refusing a prompt longer than the context, with both sizes in its own tokens. */
const TOO_LONG = /request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/;

/** How wllama reports that llama.cpp aborted inside WebAssembly (the runtime cannot go on). */
const RUNTIME_ABORT = /\(ABORT\)|Aborted\(|RuntimeError|unreachable/;

export interface CpuEngineOptions {
  /** URL of wllama.wasm inside the extension. */
  wasmUrl: string;
  loadTimeoutMs?: number;
  /** Threads for llama.cpp; by default `cpuThreads()` of this machine. */
  threads?: number;
}

/**
 * How many threads the CPU engine uses. Threads need SharedArrayBuffer (a cross-origin
 * isolated page: Chrome's offscreen document; not Firefox's background page, which gets one).
 * On two cores both: the user is waiting on the answer and the page is idle meanwhile. With
 * more, one core is left to the page and the browser, and past eight more threads stop paying.
 */
export function cpuThreads(cores = globalThis.navigator?.hardwareConcurrency ?? 1, isolated = globalThis.crossOriginIsolated === true): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(8, cores <= 2 ? cores : cores - 1));
}

/**
 * Tokens llama.cpp reads per step. A cancel waits for the step under way: at llama.cpp's
 * default (512) a cancel mid-prefill took 45 s with the default model on two threads. Reading
 * is no slower in small steps in WebAssembly (12.5 tok/s at 16 against 12.2 at 512, measured
 * with a model of the default's size), so a step is about a second's reading: 16 tokens on two
 * threads or more, 8 on one.
 */
export function prefillBatch(threads: number): number {
  return threads >= 2 ? 16 : 8;
}

function asEngineError(err: unknown, fallback: EngineError['code']): EngineError {
  if (err instanceof EngineError) return err;
  if (err instanceof WllamaAbortError || (err as Error)?.name === 'AbortError') return new EngineError('Stopped.', 'aborted');
  const message = err instanceof Error ? err.message : String(err);
  if (/quota/i.test(message)) return new EngineError('The browser’s storage is full: the model cannot be saved.', 'quota');
  if (/fetch|network|download|status/i.test(message)) return new EngineError(`The model could not be downloaded (${message}).`, 'download');
  return new EngineError(message, fallback);
}

/** llama.cpp's timings, as the engine reports speed. */
export function speedOf(t: { cache_n: number; prompt_n: number; prompt_per_second: number; predicted_n: number; predicted_per_second: number }): GenerationSpeed {
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  return { promptTokens: t.prompt_n, cachedTokens: t.cache_n, prefillTps: finite(t.prompt_per_second), decodeTps: finite(t.predicted_per_second), decodeTokens: t.predicted_n };
}

export class CpuEngine implements Engine {
  readonly kind = 'cpu' as const;
  private wllama: Wllama | null = null;
  private model: ModelSpec | null = null;

  constructor(private options: CpuEngineOptions) {}

  loaded() {
    return this.model;
  }

  async hasModel(model: ModelSpec) {
    if (this.model?.url === model.url) return true;
    // wllama keeps each download under its address in the origin's private file system.
    const entries = await new CacheManager().list().catch(() => []);
    return entries.some((e) => e.metadata.originalURL === model.url);
  }

  async load(model: ModelSpec, { signal, onProgress }: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}) {
    if (this.model?.id === model.id && this.model.url === model.url) return;
    await this.unload();
    const wllama = new Wllama({ default: this.options.wasmUrl }, { suppressNativeLog: true, parallelDownloads: 1 });
    const timeout = this.options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
    const threads = this.options.threads ?? cpuThreads();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        wllama.loadModelFromUrl(model.url, {
          n_ctx: model.contextTokens,
          n_gpu_layers: 0, // the CPU engine: no WebGPU attempt
          n_parallel: 1,
          n_threads: threads,
          n_batch: prefillBatch(threads),
          n_ubatch: prefillBatch(threads),
          seed: 42,
          useCache: true,
          progressCallback: onProgress,
          // Cancel stops the transfer itself, not only the wait for it.
          signal,
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new EngineError('Loading the model took too long.', 'load-timeout')), timeout);
          signal?.addEventListener('abort', () => reject(new EngineError('Stopped.', 'aborted')), { once: true });
        }),
      ]);
    } catch (err) {
      void wllama.exit().catch(() => undefined);
      const error = asEngineError(err, 'load');
      if (error.code !== 'load') throw error;
      // Not removed automatically: a load can also fail for want of memory, and the file may be
      // fine. The user can delete it and download it afresh.
      throw new EngineError(`${model.label} could not be loaded (${error.message}).`, 'load');
    } finally {
      clearTimeout(timer);
    }
    this.wllama = wllama;
    this.model = model;
  }

  async generate(messages: ChatMessage[], { signal, maxTokens = 512, temperature = 0, onToken, onSpeed }: GenerateOptions = {}): Promise<string> {
    const wllama = this.wllama;
    if (!wllama || !this.model) throw new EngineError('No model loaded.', 'load');
    let text = '';
    let speed: GenerationSpeed | null = null;
    try {
      await wllama.createChatCompletion({
        messages,
        max_tokens: maxTokens,
        temperature,
        stream: true,
        abortSignal: signal,
        onData: (chunk) => {
          // llama.cpp's own timings come with the last chunk.
          if (chunk.timings) speed = speedOf(chunk.timings);
          const piece = chunk.choices[0]?.delta?.content ?? '';
          if (!piece) return;
          text += piece;
          onToken?.(piece);
        },
      });
    } catch (err) {
      const error = asEngineError(err, 'generate');
      const tooLong = TOO_LONG.exec(error.message);
      if (tooLong) {
        const tokens = { requested: Number(tooLong[1]), limit: Number(tooLong[2]) };
        throw new EngineError(`The request is longer than ${this.model.label} can read at once.`, 'too-long', tokens);
      }
      if (error.code === 'generate' && RUNTIME_ABORT.test(error.message)) {
        // llama.cpp aborted: this runtime is dead. Unloaded, the next try starts a fresh one.
        const label = this.model.label;
        await this.unload();
        throw new EngineError(`The engine stopped while running ${label} (${error.message.trim()}).`, 'engine-stopped');
      }
      throw error;
    }
    if (signal?.aborted) throw new EngineError('Stopped.', 'aborted');
    if (speed) onSpeed?.(speed);
    return text;
  }

  async countTokens(text: string) {
    return estimateTokens(text);
  }

  async unload() {
    const w = this.wllama;
    this.wllama = null;
    this.model = null;
    if (w) await w.exit().catch(() => undefined);
  }
}
