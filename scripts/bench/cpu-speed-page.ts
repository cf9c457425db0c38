/**
 * The page the real-size CPU-engine benchmark runs in a browser: loads a model with wllama
 * (the build Skein ships) and times prefill and decode from llama.cpp's own timings.
 */
import { Wllama } from '@wllama/wllama';

/** One measured generation. */
export interface SpeedRun {
  promptTokens: number;
  prefillTps: number;
  decodeTokens: number;
  decodeTps: number;
}

/** What the benchmark asks for. */
export interface SpeedAsk {
  modelUrl: string;
  threads: number;
  runs: number;
  prompt: string;
  decodeTokens: number;
  load?: Record<string, unknown>;
  /** Leaves the model loaded (a profiler is still attached to its worker). */
  keep?: boolean;
  /** Also times a cancel this long into the prefill of a long prompt. */
  cancelAfterMs?: number;
}

/** How long a cancel mid-prefill took: until the call ended, and until the next answer began. */
export interface CancelTiming {
  settledMs: number;
  nextTokenMs: number;
}

/** Starts a long prefill, aborts it after `afterMs`, and times the stop and the next answer. */
async function timeCancel(wllama: Wllama, prompt: string, afterMs: number): Promise<CancelTiming> {
  const controller = new AbortController();
  const long = wllama.createCompletion({
    prompt: `cancel ${prompt.repeat(8)}`,
    max_tokens: 4,
    temperature: 0,
    cache_prompt: false,
    stream: true,
    abortSignal: controller.signal,
    onData: () => undefined,
  } as never);
  await new Promise((r) => setTimeout(r, afterMs));
  const aborted = performance.now();
  controller.abort();
  await Promise.resolve(long).catch(() => undefined);
  const settledMs = performance.now() - aborted;
  let first = 0;
  await wllama.createCompletion({
    prompt: 'next',
    max_tokens: 1,
    temperature: 0,
    stream: true,
    onData: () => (first ||= performance.now()),
  } as never);
  return { settledMs, nextTokenMs: (first || performance.now()) - aborted };
}

(
  window as unknown as {
    runSpeed(
      ask: SpeedAsk,
    ): Promise<{ loadMs: number; runs: SpeedRun[]; threads: number; isolated: boolean; cancel?: CancelTiming }>;
  }
).runSpeed = async (ask) => {
  const wllama = new Wllama({ default: '/wllama.wasm' }, { suppressNativeLog: true, parallelDownloads: 1 });
  const start = performance.now();
  await wllama.loadModelFromUrl(ask.modelUrl, {
    n_ctx: 4096,
    n_gpu_layers: 0,
    n_parallel: 1,
    seed: 42,
    useCache: true,
    n_threads: ask.threads,
    ...ask.load,
  });
  const loadMs = performance.now() - start;
  const runs: SpeedRun[] = [];
  for (let i = 0; i < ask.runs + 1; i++) {
    let timings:
      | { prompt_n: number; prompt_per_second: number; predicted_n: number; predicted_per_second: number }
      | undefined;
    await wllama.createCompletion({
      // A different first word each run: nothing comes from the prompt cache.
      prompt: `run${i} ${ask.prompt}`,
      max_tokens: ask.decodeTokens,
      temperature: 0,
      ignore_eos: true,
      cache_prompt: false,
      stream: true,
      onData: (chunk: { timings?: typeof timings }) => {
        if (chunk.timings) timings = chunk.timings;
      },
    } as never);
    // The first run warms caches and is left out.
    if (i > 0 && timings)
      runs.push({
        promptTokens: timings.prompt_n,
        prefillTps: timings.prompt_per_second,
        decodeTokens: timings.predicted_n,
        decodeTps: timings.predicted_per_second,
      });
  }
  const cancel = ask.cancelAfterMs ? await timeCancel(wllama, ask.prompt, ask.cancelAfterMs) : undefined;
  const threads = wllama.getNumThreads?.() ?? ask.threads;
  if (!ask.keep) await wllama.exit();
  return { loadMs, runs, threads, isolated: crossOriginIsolated, cancel };
};
