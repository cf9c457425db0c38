/**
 * Native llama.cpp on the same model file, for the CPU engine's ratios: node-llama-cpp's
 * prebuilt binaries (no download, no compiler), restricted to their AVX2 build. WebAssembly has
 * no AVX-512 or AMX, so the AVX2 build ("haswell") is the fair comparison.
 *
 * How it is made to load that build: ggml picks the best `libggml-cpu-<family>.so` it finds
 * beside its library. The bench copies node-llama-cpp and its linux-x64 binaries into
 * node_modules/.cache/skein-native (outside git) with `libggml-cpu-haswell.so` as the only CPU
 * library, loads that copy, and checks llama.cpp's own log names haswell.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const COPY = join(ROOT, 'node_modules/.cache/skein-native/node_modules');

/** One native measurement. */
export interface NativeRun {
  promptTokens: number;
  prefillTps: number;
  decodeTps: number;
}

/** Prepares the AVX2-only copy once; returns node-llama-cpp's entry in it. */
function haswellCopy(): string {
  const bins = join(COPY, '@node-llama-cpp/linux-x64/bins/linux-x64');
  if (!existsSync(join(COPY, 'node-llama-cpp/package.json'))) {
    rmSync(COPY, { recursive: true, force: true });
    cpSync(join(ROOT, 'node_modules/node-llama-cpp'), join(COPY, 'node-llama-cpp'), { recursive: true });
    cpSync(join(ROOT, 'node_modules/@node-llama-cpp/linux-x64'), join(COPY, '@node-llama-cpp/linux-x64'), {
      recursive: true,
    });
    for (const f of readdirSync(bins))
      if (/^libggml-cpu-.*\.so$/.test(f) && f !== 'libggml-cpu-haswell.so') rmSync(join(bins, f));
  }
  return join(COPY, 'node-llama-cpp/dist/index.js');
}

/**
 * Prefill and decode speed of native llama.cpp (AVX2 build) on `modelPath` at each of
 * `threadCounts`: `runs` runs after a warm-up, each the prompt then `decodeTokens` steps.
 */
export async function nativeSpeed(
  modelPath: string,
  threadCounts: number[],
  prompt: string,
  decodeTokens: number,
  runs: number,
): Promise<{ byThreads: Record<number, NativeRun[]>; loadMs: number; build: string; rssMb: number }> {
  const lib = (await import(pathToFileURL(haswellCopy()).href)) as typeof import('node-llama-cpp');
  const logs: string[] = [];
  const rssBefore = process.memoryUsage().rss;
  const llama = await lib.getLlama({
    build: 'never',
    gpu: false,
    logLevel: lib.LlamaLogLevel.debug,
    logger: (_level, message) => void logs.push(message),
  });
  const build = /libggml-cpu-(\w+)\.so/.exec(logs.join('\n'))?.[1] ?? 'unknown';
  const started = performance.now();
  const model = await llama.loadModel({ modelPath });
  const loadMs = performance.now() - started;
  const byThreads: Record<number, NativeRun[]> = {};
  let rssMb = 0;
  try {
    for (const threads of threadCounts) {
      const context = await model.createContext({ contextSize: 4096, threads, batchSize: 512 });
      const out: NativeRun[] = (byThreads[threads] = []);
      for (let i = 0; i < runs + 1; i++) {
        const sequence = context.getSequence();
        const tokens = model.tokenize(`run${i} ${prompt}`);
        let t = performance.now();
        await sequence.evaluateWithoutGeneratingNewTokens(tokens);
        const prefillMs = performance.now() - t;
        t = performance.now();
        // Generation proper: each step computes the output layer and samples (greedy).
        let generated = 0;
        for await (const _token of sequence.evaluate([tokens.at(-1)!], { temperature: 0 }))
          if (++generated >= decodeTokens) break;
        const decodeMs = performance.now() - t;
        if (i > 0)
          out.push({
            promptTokens: tokens.length,
            prefillTps: (tokens.length * 1000) / prefillMs,
            decodeTps: (decodeTokens * 1000) / decodeMs,
          });
        sequence.dispose();
      }
      rssMb = Math.max(rssMb, (process.memoryUsage().rss - rssBefore) / 2 ** 20);
      await context.dispose();
    }
  } finally {
    await model.dispose();
    await llama.dispose();
  }
  return { byThreads, loadMs, build, rssMb };
}
