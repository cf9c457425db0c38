import { describe, expect, it } from 'vitest';
import { WebLlmEngine, classifyWebLlmError, type WebLlmModule } from '@/utils/llm/webllm-engine';
import { chooseWebGpuModel, DEFAULT_WEBGPU_LIB_BASE } from '@/utils/llm/webgpu-models';

/** A fake of web-llm's MLCEngine, at the module boundary: scripted progress, pieces, failures. */
function fakeModule(script: { reloadError?: Error; pieces?: string[]; pieceDelayMs?: number } = {}) {
  const log: string[] = [];
  class FakeMLCEngine {
    private interrupted = false;
    constructor(
      private config: {
        appConfig: { model_list: { model_id: string; model_lib: string }[] };
        initProgressCallback?: (r: { progress: number; timeElapsed: number; text: string }) => void;
      },
    ) {
      log.push(`new ${config.appConfig.model_list[0]!.model_id} ${config.appConfig.model_list[0]!.model_lib}`);
    }
    async reload(id: string) {
      log.push(`reload ${id}`);
      for (const p of [0.25, 0.5, 1]) this.config.initProgressCallback?.({ progress: p, timeElapsed: 0, text: '' });
      if (script.reloadError) throw script.reloadError;
    }
    async unload() {
      log.push('unload');
    }
    async interruptGenerate() {
      this.interrupted = true;
    }
    chat = {
      completions: {
        create: async (req: { max_tokens: number; temperature: number }) => {
          log.push(`create max_tokens=${req.max_tokens} temperature=${req.temperature}`);
          const self = this;
          return (async function* () {
            for (const piece of script.pieces ?? []) {
              if (self.interrupted) return;
              await new Promise((r) => setTimeout(r, script.pieceDelayMs ?? 0));
              yield { choices: [{ delta: { content: piece } }] };
            }
          })();
        },
      },
    };
  }
  return { module: { MLCEngine: FakeMLCEngine } as unknown as WebLlmModule, log };
}

const adapterNoF16 = { hasF16: false, maxBufferBytes: 1 << 30 };
const model = chooseWebGpuModel('Qwen2.5-0.5B-Instruct', adapterNoF16)!;

describe('chooseWebGpuModel', () => {
  it('picks f16 where the adapter has shader-f16, f32 otherwise (SwiftShader has not)', () => {
    expect(chooseWebGpuModel('Llama-3.2-1B-Instruct', { hasF16: true, maxBufferBytes: 1 << 30 })?.id).toBe(
      'Llama-3.2-1B-Instruct-q4f16_1-MLC',
    );
    expect(model.id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(model.lib).toBe(`${DEFAULT_WEBGPU_LIB_BASE}Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm`);
  });
  it('refuses a model too big for the adapter, and takes a bundled library address', () => {
    expect(chooseWebGpuModel('Llama-3.2-3B-Instruct', { hasF16: false, maxBufferBytes: 256 << 20 })).toBeNull();
    expect(chooseWebGpuModel('SmolLM2-360M-Instruct', adapterNoF16, 'chrome-extension://id/webllm')?.lib).toBe(
      'chrome-extension://id/webllm/SmolLM2-360M-Instruct-q4f32_1_cs1k-webgpu.wasm',
    );
  });
});

describe('WebLlmEngine (fake web-llm module)', () => {
  it('loads with progress against the model size, streams, and keeps the model loaded', async () => {
    const fake = fakeModule({ pieces: ['TL;DR: ', 'wool ', '[1].'] });
    const engine = new WebLlmEngine(async () => fake.module);
    const progress: number[] = [];
    await engine.load(model, { onProgress: (p) => progress.push(Math.round((p.loaded / p.total) * 100)) });
    expect(progress).toEqual([25, 50, 100]);
    const pieces: string[] = [];
    expect(
      await engine.generate([{ role: 'user', content: 'hi' }], { maxTokens: 32, onToken: (t) => pieces.push(t) }),
    ).toBe('TL;DR: wool [1].');
    expect(pieces).toEqual(['TL;DR: ', 'wool ', '[1].']);
    await engine.load(model); // already loaded: no second download
    expect(fake.log.filter((l) => l.startsWith('reload'))).toHaveLength(1);
    expect(fake.log).toContain('create max_tokens=32 temperature=0');
  });

  it('stops generating when aborted', async () => {
    const fake = fakeModule({ pieces: ['a ', 'b ', 'c ', 'd '], pieceDelayMs: 5 });
    const engine = new WebLlmEngine(async () => fake.module);
    await engine.load(model);
    const controller = new AbortController();
    const run = engine.generate([{ role: 'user', content: 'x' }], {
      signal: controller.signal,
      onToken: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
  });

  it.each([
    [new Error('Failed to fetch'), 'download'],
    [new Error('NetworkError when attempting to fetch resource.'), 'download'],
    [new Error('WebGPU is not supported in your current environment'), 'no-webgpu'],
    [Object.assign(new Error('Device was lost'), { name: 'GPUDeviceLostInfo' }), 'device-lost'],
    [new Error('Buffer size exceeds the max buffer size'), 'too-big'],
  ])('turns a failed load (%s) into a clear error: %s', async (err, code) => {
    const fake = fakeModule({ reloadError: err });
    const engine = new WebLlmEngine(async () => fake.module);
    await expect(engine.load(model)).rejects.toMatchObject({ code });
    expect(engine.loaded()).toBeNull();
    expect(fake.log.at(-1)).toBe('unload');
  });

  it('says so when web-llm itself cannot be loaded', async () => {
    const engine = new WebLlmEngine(async () => {
      throw new Error('WebGPU is not supported');
    });
    await expect(engine.load(model)).rejects.toMatchObject({ code: 'no-webgpu' });
    expect(classifyWebLlmError('odd').code).toBe('load');
  });

  it('knows whether a model is downloaded, and says there is no WebGPU before offering a download', async () => {
    const cached = new Set(['Qwen2-0.5B-Instruct-q4f32_1-MLC']);
    const module = {
      MLCEngine: class {},
      hasModelInCache: async (id: string) => cached.has(id),
    } as unknown as WebLlmModule;
    const withGpu = new WebLlmEngine(
      async () => module,
      async () => ({ hasF16: false }),
    );
    expect(await withGpu.hasModel({ ...model, id: 'Qwen2-0.5B-Instruct-q4f32_1-MLC' })).toBe(true);
    expect(await withGpu.hasModel({ ...model, id: 'Other-q4f32_1-MLC' })).toBe(false);
    const noGpu = new WebLlmEngine(
      async () => module,
      async () => null,
    );
    await expect(noGpu.hasModel(model)).rejects.toMatchObject({ code: 'no-webgpu' });
  });
});
