/**
 * The WebGPU engine: web-llm. It runs where WebGPU does (Chrome's offscreen document). The
 * web-llm module is loaded on first use, and is injectable so unit tests put a fake at the
 * module boundary.
 */
import type * as WebLlm from '@mlc-ai/web-llm';
import {
  EngineError,
  estimateTokens,
  type ChatMessage,
  type Engine,
  type GenerateOptions,
  type LoadProgress,
  type ModelSpec,
} from './engine';
import type { WebGpuModelSpec } from './webgpu-models';
import { webGpuAdapter } from './webgpu-adapter';

/** What Skein uses of web-llm. */
export type WebLlmModule = Pick<typeof WebLlm, 'MLCEngine'> & Partial<Pick<typeof WebLlm, 'hasModelInCache'>>;
type MLCEngine = InstanceType<WebLlmModule['MLCEngine']>;

/** web-llm's errors, sorted into what the user can do about them. */
export function classifyWebLlmError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (/WebGPU is not supported|no.*adapter|navigator\.gpu|requestAdapter/i.test(message)) {
    return new EngineError('This browser offers no WebGPU here.', 'no-webgpu');
  }
  if (/device.*lost|DeviceLost/i.test(message)) return new EngineError('The GPU stopped (device lost).', 'device-lost');
  if (/out of memory|exceed|too large|buffer size|OOM/i.test(message))
    return new EngineError('The model is too big for this GPU.', 'too-big');
  if (/quota/i.test(message))
    return new EngineError('The browser’s storage is full: the model cannot be saved.', 'quota');
  if (/fetch|network|404|403|load.*(config|tokenizer|params|wasm)|NetworkError|Failed to/i.test(message)) {
    return new EngineError(`The model files could not be downloaded (${message}).`, 'download');
  }
  return new EngineError(message, 'load');
}

export class WebLlmEngine implements Engine {
  readonly kind = 'webgpu' as const;
  private engine: MLCEngine | null = null;
  private model: ModelSpec | null = null;
  private module: Promise<WebLlmModule> | null = null;

  constructor(
    private importModule: () => Promise<WebLlmModule> = () => import('@mlc-ai/web-llm'),
    /** Whether this context has a WebGPU adapter (injectable for tests). */
    private adapter: () => Promise<unknown> = () => webGpuAdapter(),
  ) {}

  loaded() {
    return this.model;
  }

  /** Throws `no-webgpu` where there is no adapter: no point offering a download then. */
  async hasModel(model: ModelSpec) {
    if (this.model?.id === model.id) return true;
    if (!(await this.adapter())) throw new EngineError('This browser offers no WebGPU here.', 'no-webgpu');
    const spec = model as WebGpuModelSpec;
    try {
      const webllm = await (this.module ??= this.importModule());
      return (
        (await webllm.hasModelInCache?.(spec.id, {
          model_list: [{ model: spec.url, model_id: spec.id, model_lib: spec.lib }],
        })) ?? false
      );
    } catch {
      // Unknown: loading will say what is wrong.
      return false;
    }
  }

  async load(
    model: ModelSpec,
    { signal, onProgress }: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {},
  ) {
    if (this.model?.id === model.id) return;
    await this.unload();
    const spec = model as WebGpuModelSpec;
    if (!spec.lib) throw new EngineError('This model has no WebGPU library.', 'load');
    let webllm: WebLlmModule;
    try {
      webllm = await (this.module ??= this.importModule());
    } catch (err) {
      this.module = null;
      throw classifyWebLlmError(err);
    }
    const engine = new webllm.MLCEngine({
      appConfig: {
        model_list: [
          {
            model: spec.url,
            model_id: spec.id,
            model_lib: spec.lib,
            vram_required_MB: spec.vramMB,
            overrides: { context_window_size: spec.contextTokens },
          },
        ],
      },
      // web-llm reports a fraction; the bar shows it against the model's size.
      initProgressCallback: (r) =>
        onProgress?.({ loaded: Math.round(r.progress * spec.sizeBytes), total: spec.sizeBytes }),
    });
    const stop = () => void engine.unload().catch(() => undefined);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await engine.reload(spec.id);
    } catch (err) {
      void engine.unload().catch(() => undefined);
      throw signal?.aborted ? new EngineError('Stopped.', 'aborted') : classifyWebLlmError(err);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    this.engine = engine;
    this.model = model;
  }

  async generate(
    messages: ChatMessage[],
    { signal, maxTokens = 512, temperature = 0, onToken }: GenerateOptions = {},
  ): Promise<string> {
    const engine = this.engine;
    if (!engine) throw new EngineError('No model loaded.', 'load');
    const interrupt = () => void engine.interruptGenerate();
    signal?.addEventListener('abort', interrupt, { once: true });
    let text = '';
    try {
      const chunks = await engine.chat.completions.create({
        messages,
        stream: true,
        max_tokens: maxTokens,
        temperature,
      });
      for await (const chunk of chunks) {
        const piece = chunk.choices[0]?.delta?.content ?? '';
        if (!piece) continue;
        text += piece;
        onToken?.(piece);
      }
    } catch (err) {
      throw classifyWebLlmError(err);
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
    if (signal?.aborted) throw new EngineError('Stopped.', 'aborted');
    return text;
  }

  async countTokens(text: string) {
    return estimateTokens(text);
  }

  async unload() {
    const engine = this.engine;
    this.engine = null;
    this.model = null;
    if (engine) await engine.unload().catch(() => undefined);
  }
}
