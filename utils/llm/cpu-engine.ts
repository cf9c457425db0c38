/**
 * The CPU engine: ONNX Runtime's WebAssembly build (onnxruntime-web) running an int8 ONNX
 * export of the model, for browsers without WebGPU. It runs in Chrome's offscreen document and
 * in Firefox's engine worker (utils/jobs/worker-link.ts).
 *
 * Why ONNX Runtime and not llama.cpp in WebAssembly (wllama, Skein's engine until now): on
 * the same model shapes, on this kind of machine, it reads prompts about ten times as fast
 * (int8 matrix kernels written for WebAssembly SIMD) and writes about 1.6 times as fast; the
 * figures are in the README. A model is four files from its repository: the decoder, the
 * tokenizer, the tokenizer's settings and the model's settings. They are kept in the origin's
 * private file system (in wllama's download-cache layout, utils/llm/model-cache.ts, which
 * checks sizes: a file cut off is fetched again whole), so a model is fetched once.
 */
import { modelCache } from './model-cache';
import type * as Ort from 'onnxruntime-web';
import { ChatTokenizer } from './chat-tokenizer';
import {
  EngineError,
  estimateTokens,
  type ChatMessage,
  type Engine,
  type GenerateOptions,
  type LoadProgress,
  type ModelSpec,
} from './engine';
import { modelFiles } from './models';
import { OnnxDecoder } from './onnx-decoder';
import { lastPositionLogits, readWithRoom } from './onnx-last-logits';

/** Loading can hang for ever where WebAssembly is not allowed (CSP): give up after this. */
const LOAD_TIMEOUT_MS = 120_000;

export interface CpuEngineOptions {
  /** Folder URL of ONNX Runtime's WebAssembly files inside the extension (ends with `/`). */
  runtimeBase: string;
  loadTimeoutMs?: number;
  /** Threads for the runtime; by default `cpuThreads()` of this machine. */
  threads?: number;
}

/**
 * How many threads the CPU engine uses. Threads need SharedArrayBuffer (a cross-origin
 * isolated context: Chrome's offscreen document; not Firefox's engine worker, which gets one).
 * On two cores both: the user is waiting on the answer and the page is idle meanwhile. With
 * more, one core is left to the page and the browser, and past eight more threads stop paying.
 */
export function cpuThreads(
  cores = globalThis.navigator?.hardwareConcurrency ?? 1,
  isolated = globalThis.crossOriginIsolated === true,
): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(8, cores <= 2 ? cores : cores - 1));
}

/**
 * Tokens read per step of a prompt. A cancel waits for the step under way, so a step is well
 * under a second's reading: in Chromium on this kind of machine the engine reads 45–65 tokens a
 * second on one or two threads (64-token steps took 1.4 s to cancel), and steps much smaller
 * than 32 cost speed (16-token steps read at a third of the rate in Node).
 */
export const PREFILL_STEP = 32;

function asEngineError(err: unknown, fallback: EngineError['code']): EngineError {
  if (err instanceof EngineError) return err;
  if ((err as Error)?.name === 'AbortError') return new EngineError('Stopped.', 'aborted');
  const message = err instanceof Error ? err.message : String(err);
  if (/quota/i.test(message))
    return new EngineError('The browser’s storage is full: the model cannot be saved.', 'quota');
  if (/fetch|network|download|status/i.test(message))
    return new EngineError(`The model could not be downloaded (${message}).`, 'download');
  return new EngineError(message, fallback);
}

/** ONNX Runtime, loaded once per page with the extension's own WebAssembly files. */
let runtime: Promise<typeof Ort> | null = null;
function loadRuntime(base: string, threads: number): Promise<typeof Ort> {
  runtime ??= import('onnxruntime-web/wasm').then((ort) => {
    ort.env.wasm.wasmPaths = { mjs: `${base}ort-wasm-simd-threaded.mjs`, wasm: `${base}ort-wasm-simd-threaded.wasm` };
    ort.env.wasm.numThreads = threads;
    ort.env.logLevel = 'error';
    return ort;
  });
  return runtime;
}

interface Loaded {
  model: ModelSpec;
  session: Ort.InferenceSession;
  tokenizer: ChatTokenizer;
  decoder: OnnxDecoder;
}

export class CpuEngine implements Engine {
  readonly kind = 'cpu' as const;
  private current: Loaded | null = null;

  constructor(private options: CpuEngineOptions) {}

  loaded() {
    return this.current?.model ?? null;
  }

  async hasModel(model: ModelSpec) {
    if (this.current?.model.url === model.url) return true;
    const entries = await modelCache()
      .list()
      .catch(() => []);
    return Object.values(modelFiles(model)).every((url) => entries.some((e) => e.metadata.originalURL === url));
  }

  /** Downloads what is missing: the small files first, then the decoder, with one progress. */
  private async fetchFiles(
    model: ModelSpec,
    signal: AbortSignal | undefined,
    onProgress?: (p: LoadProgress) => void,
  ): Promise<void> {
    const cache = modelCache();
    const entries = await cache.list().catch(() => []);
    const files = modelFiles(model);
    const missing = [files.config, files.tokenizerConfig, files.tokenizer, files.decoder].filter(
      (url) => !entries.some((e) => e.metadata.originalURL === url),
    );
    let done = 0;
    for (const url of missing) {
      if (signal?.aborted) throw new EngineError('Stopped.', 'aborted');
      let last = 0;
      await cache.download(url, {
        signal,
        progressCallback: ({ loaded, total }) => {
          last = loaded;
          // The catalog's size stands for the whole until the decoder's own size is known.
          onProgress?.({
            loaded: done + loaded,
            total: Math.max(model.sizeBytes, done + (url === files.decoder ? total : 0)),
          });
        },
      });
      done += last;
    }
  }

  async load(
    model: ModelSpec,
    { signal, onProgress }: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {},
  ) {
    if (this.current?.model.id === model.id && this.current.model.url === model.url) return;
    await this.unload();
    const threads = this.options.threads ?? cpuThreads();
    const timeout = this.options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await this.fetchFiles(model, signal, onProgress);
      const opening = (async (): Promise<Loaded> => {
        const cache = modelCache();
        const files = modelFiles(model);
        const read = async (url: string) => {
          const blob = await cache.open(url);
          if (!blob) throw new Error(`${url} is missing from the download cache`);
          return blob;
        };
        const json = async (url: string) => JSON.parse(await (await read(url)).text()) as Record<string, unknown>;
        const [tokenizerJson, tokenizerConfig, config] = await Promise.all([
          json(files.tokenizer),
          json(files.tokenizerConfig),
          json(files.config),
        ]);
        const tokenizer = new ChatTokenizer({ tokenizer: tokenizerJson, config: tokenizerConfig });
        const ort = await loadRuntime(this.options.runtimeBase, threads);
        // Logits for the last position only: a quarter less arithmetic per prompt step.
        const decoderFile = await read(files.decoder);
        const edit = lastPositionLogits(await readWithRoom(decoderFile), decoderFile.size);
        const settings: Ort.InferenceSession.SessionOptions = {
          executionProviders: ['wasm'],
          graphOptimizationLevel: 'all',
        };
        // Should the runtime refuse the edited graph, the export as it is still runs (slower).
        const session = await ort.InferenceSession.create(edit.model, settings).catch((err: unknown) => {
          if (!edit.edited) throw err;
          return ort.InferenceSession.create(edit.original(), settings);
        });
        const heads = Number(config.num_attention_heads);
        const shape = {
          layers: Number(config.num_hidden_layers),
          kvHeads: Number(config.num_key_value_heads ?? heads),
          headDim: Number(config.head_dim ?? Number(config.hidden_size) / heads),
        };
        if (!Object.values(shape).every((v) => Number.isInteger(v) && v > 0))
          throw new Error('config.json does not give the model’s shapes');
        return { model, session, tokenizer, decoder: new OnnxDecoder(ort, session, shape, PREFILL_STEP) };
      })();
      this.current = await Promise.race([
        opening,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new EngineError('Loading the model took too long.', 'load-timeout')),
            timeout,
          );
          signal?.addEventListener('abort', () => reject(new EngineError('Stopped.', 'aborted')), { once: true });
        }),
      ]);
    } catch (err) {
      const error = asEngineError(err, 'load');
      if (error.code !== 'load') throw error;
      // Not removed automatically: a load can also fail for want of memory, and the file may be
      // fine. The user can delete it and download it afresh.
      throw new EngineError(`${model.label} could not be loaded (${error.message}).`, 'load');
    } finally {
      clearTimeout(timer);
    }
  }

  async generate(
    messages: ChatMessage[],
    { signal, maxTokens = 512, temperature = 0, onToken, onSpeed }: GenerateOptions = {},
  ): Promise<string> {
    const current = this.current;
    if (!current) throw new EngineError('No model loaded.', 'load');
    const { model, tokenizer, decoder } = current;
    const ids = tokenizer.encodeChat(messages);
    // Counted with the model's own tokenizer: the budget code scales down and tries again.
    if (ids.length >= model.contextTokens)
      throw new EngineError(`The request is longer than ${model.label} can read at once.`, 'too-long', {
        requested: ids.length,
        limit: model.contextTokens,
      });
    const stream = tokenizer.stream();
    let text = '';
    const emit = (piece: string) => {
      if (!piece) return;
      text += piece;
      onToken?.(piece);
    };
    try {
      const result = await decoder.generate({
        ids,
        maxTokens: Math.min(maxTokens, model.contextTokens - ids.length),
        temperature,
        stopIds: tokenizer.stopIds,
        signal,
        onToken: (id) => emit(stream.push(id)),
      });
      emit(stream.flush());
      const perSecond = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);
      onSpeed?.({
        promptTokens: result.promptTokens,
        cachedTokens: result.cachedTokens,
        prefillTps: perSecond(result.promptTokens, result.prefillMs),
        decodeTps: perSecond(result.tokens.length, result.decodeMs),
        decodeTokens: result.tokens.length,
      });
    } catch (err) {
      const error = asEngineError(err, 'generate');
      if (error.code === 'aborted') throw error;
      // The runtime failed mid-run (out of memory, say): this session may be unusable. Unloaded,
      // the next try starts afresh.
      await this.unload();
      throw new EngineError(
        `The engine stopped while running ${model.label} (${error.message.trim()}).`,
        'engine-stopped',
      );
    }
    if (signal?.aborted) throw new EngineError('Stopped.', 'aborted');
    return text;
  }

  async countTokens(text: string) {
    return this.current ? this.current.tokenizer.count(text) : estimateTokens(text);
  }

  async unload() {
    const c = this.current;
    this.current = null;
    if (c) await c.session.release().catch(() => undefined);
  }
}
