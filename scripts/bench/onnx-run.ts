/**
 * The timing loop of the CPU engine's figures, shared by plain Node and the browser page: the
 * engine's own generation loop (utils/llm/onnx-decoder.ts, its prompt steps included) on a
 * fresh cache each run, a prompt then one token at a time.
 */
import type * as Ort from 'onnxruntime-web';
import { PREFILL_STEP } from '../../utils/llm/cpu-engine';
import { OnnxDecoder } from '../../utils/llm/onnx-decoder';
import { EDIT_ROOM, lastPositionLogits, withRoom } from '../../utils/llm/onnx-last-logits';

/** One run: prompt tokens per second and generated tokens per second. */
export interface OnnxRun {
  prefillTps: number;
  decodeTps: number;
}

/** What one measurement asks for. */
export interface OnnxAsk {
  threads: number;
  promptTokens: number;
  decodeTokens: number;
  runs: number;
  /** Tokens per prompt step; Skein's `PREFILL_STEP` by default. */
  step?: number;
  layers: number;
  kvHeads: number;
  headDim: number;
  /** The model's vocabulary size, when prompt ids must stay under it (the tiny model's). */
  vocab?: number;
  /** In a browser: runs in a dedicated worker rather than on the page's own thread. */
  inWorker?: boolean;
  /** Runs the export as it is, logits for every position (the engine takes the last only). */
  fullLogits?: boolean;
  /** Also times a cancel this long into reading a long prompt. */
  cancelAfterMs?: number;
}

/** How long a cancel mid-prompt took: until the call ended, and until the next answer's first token. */
export interface CancelTiming {
  settledMs: number;
  nextTokenMs: number;
}

/** A measurement: the runs (after a warm-up run), the session's creation time, the threads used. */
export interface OnnxResult {
  runs: OnnxRun[];
  loadMs: number;
  threads: number;
  cancel?: CancelTiming;
}

/**
 * Times `ask.runs` runs of the model in `bytes[0, size)` on onnxruntime-web's WebAssembly
 * backend. With `EDIT_ROOM` free bytes after the model (as the engine reads it), the
 * last-position edit is made in place; otherwise on a copy.
 */
export async function measureOnnx(
  ort: typeof Ort,
  bytes: Uint8Array,
  ask: OnnxAsk,
  size = bytes.length,
): Promise<OnnxResult> {
  const model = ask.fullLogits
    ? bytes.subarray(0, size)
    : lastPositionLogits(bytes.length - size >= EDIT_ROOM ? bytes : withRoom(bytes.subarray(0, size)), size).model;
  ort.env.wasm.numThreads = ask.threads;
  const started = performance.now();
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const loadMs = performance.now() - started;
  const runs: OnnxRun[] = [];
  for (let r = 0; r <= ask.runs; r++) {
    const decoder = new OnnxDecoder(ort, session, ask, ask.step ?? PREFILL_STEP);
    const ids = Array.from(
      { length: ask.promptTokens },
      (_, i) => (1000 + ((i * 7919 + r) % 100_000)) % (ask.vocab ?? Infinity),
    );
    const res = await decoder.generate({ ids, maxTokens: ask.decodeTokens, temperature: 0, stopIds: [] });
    // The first run warms the runtime's allocations and is left out.
    if (r > 0)
      runs.push({
        prefillTps: (res.promptTokens * 1000) / res.prefillMs,
        decodeTps: (res.tokens.length * 1000) / res.decodeMs,
      });
  }
  let cancel: CancelTiming | undefined;
  if (ask.cancelAfterMs) {
    const decoder = new OnnxDecoder(ort, session, ask, ask.step ?? PREFILL_STEP);
    const controller = new AbortController();
    const started = performance.now();
    const long = decoder.generate({
      ids: Array.from({ length: 8 * ask.promptTokens }, (_, i) => 3000 + i),
      maxTokens: 4,
      temperature: 0,
      stopIds: [],
      signal: controller.signal,
    });
    // The timer fires only between the runtime's steps (a step blocks this page), which is
    // what a user's click waits for too: timed from when the cancel was asked for.
    await new Promise((r) => setTimeout(r, ask.cancelAfterMs));
    const aborted = started + ask.cancelAfterMs;
    controller.abort();
    await long.catch(() => undefined);
    const settledMs = performance.now() - aborted;
    let first = 0;
    await decoder.generate({
      ids: [5, 6, 7],
      maxTokens: 1,
      temperature: 0,
      stopIds: [],
      onToken: () => (first ||= performance.now()),
    });
    cancel = { settledMs, nextTokenMs: (first || performance.now()) - aborted };
  }
  await session.release();
  return { runs, loadMs, threads: ort.env.wasm.numThreads as number, cancel };
}
