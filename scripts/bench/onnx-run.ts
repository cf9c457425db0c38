/**
 * The timing loop of the onnxruntime-web figures, shared by plain Node and the browser page:
 * a prompt read in one pass, then one token at a time with past keys and values, as a
 * generation loop over an exported model runs.
 */
import type * as Ort from 'onnxruntime-web';
import { SHAPE } from '../lib/onnx';

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
}

/** A measurement: the runs (after a warm-up run), the session's creation time, the threads used. */
export interface OnnxResult {
  runs: OnnxRun[];
  loadMs: number;
  threads: number;
}

type Tensor = InstanceType<typeof Ort.Tensor>;

/** Times `ask.runs` runs of the model in `bytes` on onnxruntime-web's WebAssembly backend. */
export async function measureOnnx(ort: typeof Ort, bytes: Uint8Array, ask: OnnxAsk): Promise<OnnxResult> {
  ort.env.wasm.numThreads = ask.threads;
  const started = performance.now();
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const loadMs = performance.now() - started;
  const { layers, kvHeads, headDim } = SHAPE;

  const step = async (ids: number[], past: Map<string, Tensor>, pastLen: number) => {
    const s = ids.length;
    const t = pastLen + s;
    // Causal mask: position i sees the past and itself.
    const mask = new Float32Array(s * t);
    for (let i = 0; i < s; i++) for (let j = pastLen + i + 1; j < t; j++) mask[i * t + j] = -Infinity;
    const feeds: Record<string, Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, s]),
      mask: new ort.Tensor('float32', mask, [s, t]),
    };
    for (let l = 0; l < layers; l++)
      for (const kind of ['key', 'value']) feeds[`past_${kind}_${l}`] = past.get(`${kind}_${l}`) ?? new ort.Tensor('float32', new Float32Array(0), [1, kvHeads, 1, 0, headDim]);
    const out = await session.run(feeds);
    const next = new Map<string, Tensor>();
    for (let l = 0; l < layers; l++) for (const kind of ['key', 'value']) next.set(`${kind}_${l}`, out[`present_${kind}_${l}`]!);
    return next;
  };

  const runs: OnnxRun[] = [];
  for (let r = 0; r <= ask.runs; r++) {
    const prompt = Array.from({ length: ask.promptTokens }, (_, i) => 1000 + ((i * 7919 + r) % 100_000));
    const t0 = performance.now();
    let past = await step(prompt, new Map(), 0);
    const t1 = performance.now();
    for (let i = 0; i < ask.decodeTokens; i++) past = await step([2000 + i], past, ask.promptTokens + i);
    const t2 = performance.now();
    // The first run warms the runtime's allocations and is left out.
    if (r > 0) runs.push({ prefillTps: (ask.promptTokens * 1000) / (t1 - t0), decodeTps: (ask.decodeTokens * 1000) / (t2 - t1) });
  }
  await session.release();
  return { runs, loadMs, threads: ort.env.wasm.numThreads as number };
}
